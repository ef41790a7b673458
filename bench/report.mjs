// @ts-check
// results.md from a results object: the targets, the per-variant table and the SPA table (their
// columns are the metric table's rows), the profile's top functions, and what the numbers mean.
import { METRICS, verdicts } from './metrics.mjs';

/**
 * @typedef {{ [k: string]: any, values: Record<string, Record<string, number>> }} Results
 */

/** @type {Record<import('./metrics.mjs').Format, (x: number) => string>} */
const FORMAT = {
  kb: (x) => (x / 1024).toFixed(1),
  dkb: (x) => (x > 0 ? '+' : '') + (x / 1024).toFixed(1),
  ms: (x) => x.toFixed(1),
  x: (x) => x.toFixed(2) + '×',
  n: (x) => String(Math.round(x)),
  dn: (x) => (x > 0 ? '+' : '') + Math.round(x),
};

/** @param {import('./metrics.mjs').Metric} m @param {number | undefined} x */
const show = (m, x) => (x === undefined ? '–' : FORMAT[m.format](x));
/** @type {Record<import('./metrics.mjs').Format, string>} */
const UNIT = { kb: ' KB', dkb: ' KB', ms: ' ms', x: '', n: '', dn: '' };

/** The targets as lines (also what `--budget` prints). @param {Results} res */
export function verdictLines(res) {
  return verdicts(res.values).map((v) => {
    const m = /** @type {import('./metrics.mjs').Metric} */ (METRICS.find((x) => x.id === v.metric));
    const verdict = v.note || (v.pass === undefined ? 'not measured' : v.pass ? 'pass' : '**FAIL**');
    return `| ${v.what} | ${v.variant} | ${show(m, v.value)}${UNIT[m.format]} | ≤ ${show(m, v.max)}${UNIT[m.format]} | ${verdict} |`;
  });
}

/** A markdown table: one row per variant, one column per metric of `table`. @param {Results} res @param {'load' | 'spa'} table */
function variantTable(res, table) {
  const cols = METRICS.filter((m) => m.table === table);
  const ids = Object.keys(res.values).filter((id) => cols.some((m) => res.values[id][m.id] !== undefined));
  return [
    `| variant | ${cols.map((m) => m.label).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    ...ids.map((id) => `| ${res.variants[id].label} | ${cols.map((m) => show(m, res.values[id][m.id])).join(' | ')} |`),
  ];
}

/** @param {Results} res */
function profileLines(res) {
  return res.profile.flatMap((/** @type {import('./profile.mjs').ProfileRun} */ p) => [
    `**${p.page} page** (${p.totalMs} ms sampled in tracker code):`,
    '',
    '| function | where | self ms | share |',
    '|---|---|---:|---:|',
    ...p.top.map((t) => `| \`${t.fn}\` | ${p.file}:${t.line} (${t.source || 'bundle top level'}) | ${t.ms.toFixed(1)} | ${p.totalMs ? Math.round((100 * t.ms) / p.totalMs) : 0} % |`),
    '',
  ]);
}

/** @param {Results} res */
function header(res) {
  const peers = Object.values(res.variants).filter((v) => v.versions).map((v) => Object.entries(v.versions).map(([p, ver]) => `${p} ${ver}`).join(' + '));
  const none = res.values.none || {};
  return [
    '# Benchmark results',
    '',
    `${res.date.slice(0, 10)} · ${res.mode} run · ${res.machine.cores} cores (${res.machine.cpu}), ${res.machine.memoryGiB} GiB, shared · Chromium ${res.chromium} headless · Node ${res.machine.node} · ` +
      `rounds ${Object.entries(res.settings.rounds).map(([p, n]) => `${p} ${n}`).join(', ')} (alternating, medians) · SPA ${res.settings.spaNavs} navigations · ${res.durationS} s · \`node bench/run.mjs\` (see bench/README.md)`,
    '',
    `Pages: heavy ${res.pages.heavy.toLocaleString('en')} elements, product ${res.pages.product.toLocaleString('en')}, cart burst ${res.pages.cart.toLocaleString('en')}. ` +
      `No-tracker script time (the baseline subtracted below): heavy ${FORMAT.ms(none['heavy.script'] ?? NaN)} ms, product ${FORMAT.ms(none['product.script'] ?? NaN)} ms.`,
    '',
    ...(peers.length ? [`Peers from npm: ${peers.join('; ')}.`, ''] : []),
    ...Object.entries(res.skipped).map(([id, why]) => `**${id} not measured:** ${why}.\n`),
  ];
}

/** @param {Results} res @returns {string} */
export function report(res) {
  const L = [...header(res)];
  L.push('## Targets', '', '| check | variant | measured | target | verdict |', '|---|---|---:|---:|---|', ...verdictLines(res), '');
  L.push('## Per variant', '', ...variantTable(res, 'load'), '');
  L.push(
    'Load cost: main-thread `ScriptDuration` (CDP, thread time) from before navigation until the page has settled, minus no-tracker\'s in the same round; ÷ floor: the per-round ratio of the two costs, median over rounds. ' +
      'Longest own task: thread time of the variant\'s script events in one traced heavy load; longest own script: the longest script of the variant in long-animation-frame entries (wall time, median). ' +
      'Cart reads: `GET /cart.js` requests the server saw in one load of the cart-burst page (the most in any round).',
    '',
  );
  if (Object.keys(res.raw.spa).length) {
    L.push(`## Long SPA session (${res.settings.spaNavs} navigations, each left ${res.settings.spaSettleMs} ms)`, '', ...variantTable(res, 'spa'), '');
    L.push(
      'Δ columns: the reading after the last navigation minus the one after nav 20, each after two forced GCs. The heap columns come from a page without the bench\'s counters; observers, observed targets and timers are counted by wrappers the bench installs in a second session of every variant, run beside the first (V8 compiles those wrappers too once a variant\'s calls make them hot, so that session\'s heap growth, in its own column, includes their code). ' +
        'The snapshot columns split the growth with a heap snapshot taken at the same two readings: JavaScript values (objects, closures, arrays, strings: what a script keeps) and compiled code (the bytecode and optimised code V8 makes as functions get hot; bounded by the size of the code that runs).',
      '',
    );
  }
  if (res.profile.length) L.push('## Where yespo\'s start-up time goes (CPU profile, readable build)', '', ...profileLines(res));
  return L.join('\n') + '\n';
}
