// @ts-check
// `npm run bench`: the tracker against the floor and peer trackers, in headless Chromium, on
// generated pages served from 127.0.0.1. See bench/README.md for what each number means.
//
//   node bench/run.mjs            full run: all variants; writes bench/results.md and results.json
//   node bench/run.mjs --quick    none, floor, yespo, fewer rounds; writes bench/.build/quick-results.*
//   node bench/run.mjs --budget   none, floor, yespo on the heavy and product pages; prints the targets
//   node bench/run.mjs --report   re-renders bench/results.md from bench/results.json
//
// BENCH_ROUNDS=n replaces every page's round count; CHROMIUM_PATH as for the Playwright tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, verdicts } from './metrics.mjs';
import { modeFrom } from './modes.mjs';
import { PAGES } from './pages/index.mjs';
import { report, verdictLines } from './report.mjs';
import { prepareScripts } from './scripts.mjs';
import { serve } from './serve.mjs';
import { runSession } from './session.mjs';
import { SETTLE_MS } from './spa.mjs';
import { pick } from './variants.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const T0 = Date.now();
/** @param {string} s */
const log = (s) => console.log(`[${((Date.now() - T0) / 1000).toFixed(0).padStart(3)} s] ${s}`);

/** Elements in a page's HTML (tags opened), for the report's page descriptions. */
const elements = () => Object.fromEntries(Object.values(PAGES).map((p) => [p.id, (p.html().match(/<[a-z][a-z0-9]*/g) || []).length]));

/** @param {import('./modes.mjs').Mode} mode */
async function bench(mode) {
  log(`${mode.name} run: ${mode.variants.join(', ')}; rounds ${JSON.stringify(mode.rounds)}; SPA ${mode.spaNavs} navigations`);
  const { scripts, skipped } = await prepareScripts(pick(mode.variants));
  const variants = pick(mode.variants.filter((id) => !skipped[id]));
  const server = await serve(scripts);
  let runs;
  try {
    runs = await runSession(mode, variants, server, scripts, log);
  } finally {
    server.close();
  }
  const ids = variants.map((v) => v.id);
  const raw = { size: Object.fromEntries(ids.map((id) => [id, scripts[id].size])), loads: runs.loads, trace: runs.trace, spa: runs.spa };
  const values = evaluate(raw, ids);
  return {
    date: new Date().toISOString(),
    mode: mode.name,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0] && os.cpus()[0].model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    chromium: runs.chromium,
    settings: { rounds: mode.rounds, spaNavs: mode.spaNavs, spaSettleMs: SETTLE_MS, settleMs: Object.fromEntries(Object.values(PAGES).map((p) => [p.id, p.settleMs])) },
    pages: elements(),
    variants: Object.fromEntries(variants.map((v) => [v.id, { label: v.label, file: v.file, versions: scripts[v.id].versions }])),
    skipped,
    values,
    verdicts: verdicts(values),
    profile: runs.profile,
    collectorRequests: server.collected,
    durationS: Math.round((Date.now() - T0) / 1000),
    raw,
  };
}

/** @param {string} dir @param {string} prefix @param {any} res */
function write(dir, prefix, res) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${prefix}results.json`), JSON.stringify(res, null, 2) + '\n');
  writeFileSync(join(dir, `${prefix}results.md`), report(res));
  log(`wrote ${join(dir, prefix + 'results.md')} and .json`);
}

async function main() {
  if (process.argv.includes('--report')) {
    const md = report(JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')));
    writeFileSync(join(BENCH, 'results.md'), md);
    return console.log(md);
  }
  const mode = modeFrom(process.argv, process.env.BENCH_ROUNDS);
  const res = await bench(mode);
  if (mode.write === 'none') return console.log('\n' + verdictLines(res).join('\n'));
  console.log('\n' + report(res));
  if (mode.write === 'results') write(BENCH, '', res);
  else write(join(BENCH, '.build'), `${mode.name}-`, res);
  log('done');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
