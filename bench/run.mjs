// `npm run bench`: the tracker against the floor and peer trackers, in headless Chromium, on
// generated pages served from 127.0.0.1. Writes bench/results.md and bench/results.json and
// prints the table. See bench/README.md for what each number means.
//
// Environment: BENCH_ROUNDS (default 5), CHROMIUM_PATH (else /usr/bin/chromium, else Playwright's).
// `node bench/run.mjs --report` only re-renders results.md from results.json.
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { heavyPage, HEAVY, productPage, spaPage } from './pages/generate.mjs';
import { CHROMIUM_ARGS, chromiumPath, ES_RECORDER } from '../bin/chromium.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const OUT = join(BENCH, '.build');
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 5));
const SPA_NAVS = 200;
/** none and yespo go on to this many navigations, to see whether growth levels off. */
const SPA_NAVS_LONG = 600;
const LONG_SPA = ['none', 'yespo'];
/** Impression timing for the scroll: each block is dwelt on for DWELL_MS; trackers count an item seen after MIN_VISIBLE_MS. */
const DWELL_MS = 150;
const MIN_VISIBLE_MS = 100;
/** After `load`, how long trackers get to finish their deferred start-up work before the metrics are read. */
const IDLE_MS = 1000;
const PRODUCT_IDLE_MS = 700;
const LONG_TASK_MS = 50;
const T0 = Date.now();
const log = (s) => console.log(`[${((Date.now() - T0) / 1000).toFixed(0).padStart(3)} s] ${s}`);

// ---------------------------------------------------------------------------------------------
// The variants

/** The floor the issue defines: one selector pass over the page plus one JSON.parse per JSON-LD block. */
const FLOOR = `(function () {
  var sel = '[data-yespo-page],[data-yespo-product],[data-yespo-category],[data-yespo-cart],[data-yespo-cart-item],[data-yespo-order],[data-yespo-order-item],[data-yespo-customer],[data-yespo-search],[data-yespo-results],[data-yespo-recs],[data-yespo-rec-item],script[type="application/ld+json"]';
  var found = document.querySelectorAll(sel), data = [];
  for (var i = 0; i < found.length; i++) if (found[i].type === 'application/ld+json') data.push(JSON.parse(found[i].textContent));
  window.__floor = { elements: found.length, jsonld: data.length };
})();`;



const YESPO_CONFIG = `window.yespoConfig = { scriptId: '1', impressions: { minVisibleMs: ${MIN_VISIBLE_MS} } };`;

/**
 * id, label, the script file served at /t/<id>.js (bundled from bench/entries/<id>.js for peers),
 * and the tags put before </body>. `spa` is extra glue for the SPA page.
 */
const VARIANTS = [
  { id: 'none', label: 'none (no tracker)', tags: () => '' },
  { id: 'floor', label: 'floor (1 selector pass + JSON.parse)', tags: () => `<script>${FLOOR}</script>` },
  {
    id: 'yespo',
    label: 'yespo-autotrack',
    file: join(ROOT, 'dist/yespo-autotrack.min.js'),
    tags: (page) =>
      `<script>${YESPO_CONFIG}</script>` +
      (page === 'spa' ? `<script>addEventListener('bench:rendered', function () { window.yespo && window.yespo.page && window.yespo.page(); });</script>` : '') +
      `<script src="/t/yespo.js" async></script>`,
  },
  {
    id: 'snowplow',
    label: 'Snowplow + element tracking',
    entry: 'snowplow',
    pkgs: ['@snowplow/browser-tracker', '@snowplow/browser-plugin-element-tracking'],
    tags: () => `<script>window.benchConfig = { minVisibleMs: ${MIN_VISIBLE_MS} };</script><script src="/t/snowplow.js" async></script>`,
  },
  { id: 'posthog', label: 'PostHog (autocapture)', entry: 'posthog', pkgs: ['posthog-js'], tags: () => `<script src="/t/posthog.js" async></script>` },
  { id: 'segment', label: 'Segment analytics-next', entry: 'segment', pkgs: ['@segment/analytics-next'], tags: () => `<script src="/t/segment.js" async></script>` },
];
/** `--budget`: the heavy page only, for none, floor and yespo; prints the budget check, writes nothing. */
const BUDGET_ONLY = process.argv.includes('--budget');
if (BUDGET_ONLY) VARIANTS.splice(3);
/** The readable build, for the attribution profile only. */
const READABLE = join(ROOT, 'dist/yespo-autotrack.js');
const SCROLLED = ['none', 'yespo', 'snowplow'];
/** Traced once for per-task attribution in thread time (the budget's subjects). */
const TRACED = ['floor', 'yespo'];

// ---------------------------------------------------------------------------------------------
// Build: peers into one IIFE each, pages generated

async function prepare() {
  mkdirSync(join(OUT, 't'), { recursive: true });
  if (!existsSync(join(BENCH, 'node_modules'))) {
    // The peers live in bench/package.json (bench/.npmrc: legacy-peer-deps, see bench/README.md).
    log('installing the peer trackers: npm ci --prefix bench');
    try {
      execFileSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    } catch {
      log('npm ci --prefix bench failed; peers that cannot be bundled are left out');
    }
  }
  if (!existsSync(VARIANTS[2].file)) throw new Error('dist/yespo-autotrack.min.js is missing: run node build.mjs first');
  const skipped = {};
  for (const v of VARIANTS) {
    if (v.entry) {
      v.file = join(OUT, 't', v.id + '.js');
      try {
        await build({
          entryPoints: [join(BENCH, 'entries', v.entry + '.js')],
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2018',
          platform: 'browser',
          legalComments: 'none',
          define: { 'process.env.NODE_ENV': '"production"' },
          outfile: v.file,
          logLevel: 'error',
        });
        v.versions = Object.fromEntries(v.pkgs.map((p) => [p, JSON.parse(readFileSync(join(BENCH, 'node_modules', p, 'package.json'), 'utf8')).version]));
      } catch (e) {
        skipped[v.id] = `could not be bundled (${String(e.message || e).split('\n')[0]}); run npm ci --prefix bench`;
      }
    }
    if (v.file) v.source = readFileSync(v.file);
    else if (v.id === 'floor') v.source = Buffer.from(FLOOR);
  }
  for (const id of Object.keys(skipped)) VARIANTS.splice(VARIANTS.findIndex((v) => v.id === id), 1);
  for (const v of VARIANTS) {
    const s = v.source || Buffer.alloc(0);
    v.size = {
      raw: s.length,
      gzip: zlib.gzipSync(s, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(s, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: s.length } }).length,
    };
  }
  return skipped;
}

// ---------------------------------------------------------------------------------------------
// Server: pages with the variant's tags, the scripts under test, collectors answering 204

function serve() {
  const pages = { heavy: heavyPage(), product: productPage(), spa: spaPage() };
  const scripts = { readable: readFileSync(READABLE) };
  for (const v of VARIANTS) if (v.file) scripts[v.id] = v.source;
  const collected = { requests: 0, bytes: 0, snowplowExposes: 0, byPeer: {} };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = url.pathname;
    if (p.startsWith('/collect/')) {
      const peer = p.split('/')[2];
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        collected.requests++;
        collected.bytes += body.length;
        collected.byPeer[peer] = (collected.byPeer[peer] || 0) + 1;
        if (peer === 'snowplow') collected.snowplowExposes += (body.match(/expose_element/g) || []).length;
        res.writeHead(204, { 'access-control-allow-origin': '*' });
        res.end();
      });
      return;
    }
    const t = /^\/t\/([a-z]+)\.js$/.exec(p);
    if (t && scripts[t[1]]) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      return res.end(scripts[t[1]]);
    }
    const kind = p === '/heavy.html' ? 'heavy' : p === '/product.html' ? 'product' : p.startsWith('/spa/') ? 'spa' : p === '/blank.html' ? 'blank' : '';
    if (!kind) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (kind === 'blank') return res.end('<!doctype html><title>blank</title>');
    const id = url.searchParams.get('v') || 'none';
    let tags = '';
    if (id === 'readable') tags = `<script>${YESPO_CONFIG}</script><script src="/t/readable.js" async></script>`;
    else tags = (VARIANTS.find((v) => v.id === id) || VARIANTS[0]).tags(kind);
    res.end(pages[kind].replace('<!--TRACKER-->', tags));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${server.address().port}`, collected })));
}

// ---------------------------------------------------------------------------------------------
// Browser side

/** Registered before any page script: long tasks and long animation frames (with script attribution). */
const INIT = `(() => {
  const b = (window.__bench = { longtasks: [], loaf: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, dur: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries())
        b.loaf.push({ start: e.startTime, dur: e.duration, scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, type: s.invokerType, dur: s.duration })) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {}
})();`;

async function newPage(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  await ctx.route('https://cdn.esputnik.com/scripts/**', (route) => route.fulfill({ contentType: 'text/javascript', body: ES_RECORDER }));
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  const cdp = await ctx.newCDPSession(page);
  // Thread time (CPU time of the renderer's main thread), not wall time: steadier on a busy machine.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return { ctx, page, cdp, errors, metrics };
}

/** The variant's own script URLs, for long-animation-frame attribution. */
function ownScript(id, base) {
  return (s) => {
    if (id === 'floor') return s.url.startsWith(base + '/heavy.html') || s.url.startsWith(base + '/product.html');
    if (id === 'yespo') return s.url.includes('/t/yespo.js') || s.url.includes('cdn.esputnik.com');
    return s.url.includes(`/t/${id}.js`);
  };
}

async function longTaskStats(page, mine) {
  const b = await page.evaluate(() => window.__bench);
  const scripts = b.loaf.flatMap((f) => f.scripts).filter(mine);
  return {
    longTasks: b.longtasks.filter((t) => t.dur > LONG_TASK_MS).length,
    longestTask: Math.max(0, ...b.longtasks.map((t) => t.dur)),
    ownLongScripts: scripts.filter((s) => s.dur > LONG_TASK_MS).length,
    ownLongestScript: Math.max(0, ...scripts.map((s) => s.dur)),
    ownWorst: scripts.sort((a, c) => c.dur - a.dur).slice(0, 2).map((s) => ({ dur: Math.round(s.dur), invoker: s.invoker, type: s.type })),
  };
}

const ms = (a, b, k) => (b[k] - a[k]) * 1000;

/**
 * The scripted scroll: every recommendation block brought to the centre of the viewport in turn,
 * block i at i x dwell ms from the start (a fixed schedule, so a tracker that keeps the main thread
 * busy does not buy itself longer dwell times), then one more dwell.
 */
const SCROLL = async (dwell) => {
  const blocks = document.querySelectorAll('[data-yespo-recs]');
  const t0 = performance.now();
  for (let i = 0; i <= blocks.length; i++) {
    const wait = t0 + i * dwell - performance.now();
    if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    if (i < blocks.length) blocks[i].scrollIntoView({ block: 'center' });
  }
};

async function heavyRun(browser, base, v, collected, scroll) {
  const started = Date.now();
  const { ctx, page, errors, metrics } = await newPage(browser);
  try {
    await page.goto(base + '/blank.html');
    const m0 = await metrics();
    await page.goto(`${base}/heavy.html?v=${v.id}`, { waitUntil: 'load' });
    await page.waitForTimeout(IDLE_MS);
    const m1 = await metrics();
    const r = { script: ms(m0, m1, 'ScriptDuration'), task: ms(m0, m1, 'TaskDuration'), ...(await longTaskStats(page, ownScript(v.id, base))), errors: errors.length };
    if (v.id === 'none') r.elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    if (scroll) {
      const exposes0 = collected.snowplowExposes;
      await page.evaluate(SCROLL, DWELL_MS);
      await page.waitForTimeout(1200); // batched impressions go out (flushMs 1000)
      const m2 = await metrics();
      r.scroll = ms(m1, m2, 'ScriptDuration');
      r.scrollTask = ms(m1, m2, 'TaskDuration');
      r.impressions =
        v.id === 'yespo'
          ? await page.evaluate(() => (window.__esCalls || []).filter((c) => c.args[1] === 'ProductImpressions').reduce((n, c) => n + c.args[2].ProductImpression.length, 0))
          : v.id === 'snowplow'
            ? collected.snowplowExposes - exposes0
            : undefined;
      const after = await longTaskStats(page, ownScript(v.id, base));
      r.scrollOwnLongScripts = after.ownLongScripts - r.ownLongScripts;
    }
    if (v.id === 'yespo') r.events = await page.evaluate(() => (window.__esCalls || []).map((c) => (c.args[0] === 'sendEvent' ? c.args[1] : c.args[0])));
    r.wallMs = Date.now() - started;
    return r;
  } finally {
    await ctx.close();
  }
}

async function productRun(browser, base, v) {
  const { ctx, page, errors, metrics } = await newPage(browser);
  try {
    await page.goto(base + '/blank.html');
    const m0 = await metrics();
    await page.goto(`${base}/product.html?v=${v.id}`, { waitUntil: 'load' });
    await page.waitForTimeout(PRODUCT_IDLE_MS);
    const m1 = await metrics();
    const r = { script: ms(m0, m1, 'ScriptDuration'), task: ms(m0, m1, 'TaskDuration'), ...(await longTaskStats(page, ownScript(v.id, base))), errors: errors.length };
    if (v.id === 'yespo') r.events = await page.evaluate(() => (window.__esCalls || []).map((c) => (c.args[0] === 'sendEvent' ? c.args[1] : c.args[0])));
    return r;
  } finally {
    await ctx.close();
  }
}

async function spaRun(browser, base, v) {
  const started = Date.now();
  const { ctx, page, cdp, errors, metrics } = await newPage(browser);
  const heap = async () => {
    await page.waitForTimeout(400);
    // The eS stand-in keeps every call; empty it so the heap is the tracker's, not the recorder's.
    await page.evaluate(() => {
      if (window.__esCalls) (window.__esCount = (window.__esCount || 0) + window.__esCalls.length), (window.__esCalls.length = 0);
    });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await metrics();
    return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
  };
  // Navigations one task apart; returns yespo.stats() taken right after the last one (its items
  // are observed until they count as seen, then let go).
  const nav = (from, to) =>
    page.evaluate(
      async ([a, b]) => {
        let stats;
        for (let i = a; i < b; i++) {
          window.__benchNav(i);
          stats = window.yespo && window.yespo.stats ? window.yespo.stats() : undefined;
          await new Promise((ok) => setTimeout(ok, 0));
        }
        return stats;
      },
      [from, to],
    );
  try {
    await page.goto(`${base}/spa/p/0?v=${v.id}`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const at0 = await heap();
    await nav(1, 21);
    const at20 = await heap();
    const t = Date.now();
    const stats = await nav(21, SPA_NAVS + 1);
    const navMs = Date.now() - t;
    const at200 = await heap();
    // Beyond the budget's 200: does what grew keep growing?
    let at600;
    if (LONG_SPA.includes(v.id)) {
      await nav(SPA_NAVS + 1, SPA_NAVS_LONG + 1);
      at600 = await heap();
    }
    const esCalls = await page.evaluate(() => window.__esCount);
    const r = { at0, at20, at200, at600, errors: errors.length, navMs, stats, esCalls, wallMs: Date.now() - started };
    return r;
  } finally {
    await ctx.close();
  }
}

/**
 * One traced load of the heavy page (Chromium trace, devtools.timeline + toplevel): the variant's
 * own script events (EvaluateScript / FunctionCall whose script is the variant's), grouped by the
 * task they ran in, in thread time. Promise continuations (RunMicrotasks) carry no script URL and
 * are not attributed.
 */
async function traceRun(browser, base, v) {
  const { ctx, page } = await newPage(browser);
  try {
    await page.goto(base + '/blank.html');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    await page.goto(`${base}/heavy.html?v=${v.id}`, { waitUntil: 'load' });
    await page.waitForTimeout(IDLE_MS);
    const raw = await browser.stopTracing();
    const ev = JSON.parse(raw.toString()).traceEvents;
    const parse = ev.find((e) => e.name === 'ParseHTML' && e.args && e.args.beginData && String(e.args.beginData.url).includes('/heavy.html'));
    if (!parse) return undefined;
    const onMain = ev.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
    const mine = ownScript(v.id, base);
    const own = onMain
      .filter((e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args && e.args.data && mine({ url: String(e.args.data.url || '') }))
      .sort((a, b) => a.ts - b.ts);
    const outer = [];
    for (const e of own) if (!outer.length || e.ts >= outer[outer.length - 1].ts + outer[outer.length - 1].dur) outer.push(e);
    const tasks = onMain.filter((e) => e.name === 'RunTask');
    const byTask = new Map();
    for (const e of outer) {
      let task;
      for (const t of tasks) if (t.ts <= e.ts && e.ts + e.dur <= t.ts + t.dur && (!task || t.dur > task.dur)) task = t;
      const k = task || e;
      const acc = byTask.get(k) || { thread: 0, wall: 0, taskThread: task ? (task.tdur ?? task.dur) / 1000 : undefined, what: [] };
      acc.thread += (e.tdur ?? e.dur) / 1000;
      acc.wall += e.dur / 1000;
      acc.what.push(e.name === 'EvaluateScript' ? 'script' : e.args.data.functionName || 'callback');
      byTask.set(k, acc);
    }
    const list = [...byTask.values()].sort((a, b) => b.thread - a.thread);
    return {
      ownThreadMs: +list.reduce((n, t) => n + t.thread, 0).toFixed(1),
      ownTasks: list.length,
      longestOwnThreadMs: list.length ? +list[0].thread.toFixed(1) : 0,
      longestOwnWallMs: list.length ? +list[0].wall.toFixed(1) : 0,
      longest: list.slice(0, 3).map((t) => ({ threadMs: +t.thread.toFixed(1), wallMs: +t.wall.toFixed(1), taskThreadMs: t.taskThread && +t.taskThread.toFixed(1), what: [...new Set(t.what)].slice(0, 4).join(', ') })),
      ownTasksOver50: list.filter((t) => t.thread > LONG_TASK_MS).length,
    };
  } finally {
    await ctx.close();
  }
}

/** One profiled load + scroll of the heavy page with the readable build: where the tracker's time goes. */
async function profileRun(browser, base) {
  const { ctx, page, cdp } = await newPage(browser);
  const top = (profile) => {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const ours = (n) => n.callFrame.url.includes('/t/readable.js');
    const acc = new Map();
    let total = 0;
    profile.samples.forEach((id, i) => {
      // A sample stands for the time to the next one, capped at 1 ms: on a busy machine the sampler
      // is sometimes starved, and a long gap would be credited to whatever ran before it.
      const dt = Math.min(1, (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
      // Attribute the sample to the innermost tracker frame on the stack (its native callees included).
      for (let n = byId.get(id); n; n = byId.get(parent.get(n.id))) {
        if (!ours(n)) continue;
        const k = `${n.callFrame.functionName || '(anonymous)'} :${n.callFrame.lineNumber + 1}`;
        acc.set(k, (acc.get(k) || 0) + dt);
        total += dt;
        break;
      }
    });
    return { totalMs: +total.toFixed(1), top: [...acc].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([fn, t]) => ({ fn, ms: +t.toFixed(1) })) };
  };
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.goto(base + '/blank.html');
    await cdp.send('Profiler.start');
    await page.goto(`${base}/heavy.html?v=readable`, { waitUntil: 'load' });
    await page.waitForTimeout(IDLE_MS);
    const load = top((await cdp.send('Profiler.stop')).profile);
    await cdp.send('Profiler.start');
    await page.evaluate(SCROLL, DWELL_MS);
    await page.waitForTimeout(1200);
    const scroll = top((await cdp.send('Profiler.stop')).profile);
    return { load, scroll };
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Per-round cost of `id` over `none` for metric k, then the median over rounds. */
const cost = (runs, id, k) => median(runs[id].map((r, i) => r[k] - runs.none[i][k]));
/** Per-round ratio of two variants' costs over `none`, then the median over rounds (paired: same round, side by side). */
const ratio = (runs, a, b, k) => median(runs[a].map((r, i) => (r[k] - runs.none[i][k]) / (runs[b][i][k] - runs.none[i][k])));

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const kb = (n) => (n / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------

async function main() {
  log(`preparing: peers bundled with esbuild, pages generated (${ROUNDS} rounds)`);
  const skipped = await prepare();
  const { server, base, collected } = await serve();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const browserVersion = browser.version();
  const ids = VARIANTS.map((v) => v.id);
  const heavy = Object.fromEntries(ids.map((id) => [id, []]));
  const product = Object.fromEntries(ids.map((id) => [id, []]));
  const spa = {};
  const trace = {};
  let profile;
  let elements;
  try {
    // Warm-up (discarded): the browser, the server and the OS caches.
    elements = (await heavyRun(browser, base, VARIANTS[0], collected, false)).elements;
    log(`heavy page: ${elements} elements; ${ROUNDS} alternating rounds of ${ids.join(', ')}`);
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of VARIANTS) heavy[v.id].push(await heavyRun(browser, base, v, collected, SCROLLED.includes(v.id)));
      log(`heavy round ${r + 1}: ` + ids.map((id) => `${id} ${f1(heavy[id][r].script)}${heavy[id][r].scroll !== undefined ? '/' + f1(heavy[id][r].scroll) : ''}`).join(', ') + ' ms script (load/scroll)');
    }
    if (BUDGET_ONLY) {
      for (const v of VARIANTS) if (TRACED.includes(v.id)) trace[v.id] = await traceRun(browser, base, v);
      const h = heavy.yespo;
      const rounds = h.map((r, i) => (r.script - heavy.none[i].script) / (heavy.floor[i].script - heavy.none[i].script));
      const t = trace.yespo;
      log(`budget: yespo ÷ floor ${f2(ratio(heavy, 'yespo', 'floor', 'script'))}× (rounds ${rounds.map((x) => x.toFixed(2)).join(', ')}; ≤ 2×)`);
      log(`impressions sent during the scroll (of 800): ${h.map((r) => r.impressions).join(', ')}`);
      log(`budget: longest own task ${t ? f1(t.longestOwnThreadMs) : '–'} ms thread (floor ${trace.floor ? f1(trace.floor.longestOwnThreadMs) : '–'}); own script > ${LONG_TASK_MS} ms wall in ${h.filter((r) => r.ownLongScripts > 0).length} of ${h.length} runs (median longest ${f1(median(h.map((r) => r.ownLongestScript)))} ms)`);
      return;
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of VARIANTS) product[v.id].push(await productRun(browser, base, v));
      log(`product round ${r + 1}: ` + ids.map((id) => `${id} ${f1(product[id][r].script)}`).join(', ') + ' ms script');
    }
    for (const v of VARIANTS) {
      if (v.id === 'floor') continue;
      spa[v.id] = await spaRun(browser, base, v);
      log(`spa ${v.id}: heap ${kb(spa[v.id].at20.heap)} KB after 20 navigations, ${kb(spa[v.id].at200.heap)} KB after ${SPA_NAVS}${spa[v.id].at600 ? `, ${kb(spa[v.id].at600.heap)} KB after ${SPA_NAVS_LONG}` : ''} (navigations took ${spa[v.id].navMs} ms, run ${spa[v.id].wallMs} ms)`);
    }
    for (const v of VARIANTS) if (TRACED.includes(v.id)) trace[v.id] = await traceRun(browser, base, v);
    log('traced once each: ' + Object.entries(trace).map(([id, t]) => `${id} ${t ? f1(t.ownThreadMs) + ' ms own, longest own task ' + f1(t.longestOwnThreadMs) : '–'}`).join('; ') + ' (thread ms)');
    profile = await profileRun(browser, base);
    log(`profile of the readable build: ${profile.load.totalMs} ms at load, ${profile.scroll.totalMs} ms in the scroll`);
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }

  // ------------------------------------------------------------------------------------------
  const res = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0] && os.cpus()[0].model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    chromium: browserVersion,
    rounds: ROUNDS,
    settings: { idleMs: IDLE_MS, productIdleMs: PRODUCT_IDLE_MS, dwellMs: DWELL_MS, minVisibleMs: MIN_VISIBLE_MS, spaNavigations: SPA_NAVS, spaNavigationsLong: SPA_NAVS_LONG, longTaskMs: LONG_TASK_MS, timeDomain: 'threadTicks' },
    heavyPage: { ...HEAVY, elements },
    skipped,
    variants: {},
  };
  for (const v of VARIANTS) {
    const id = v.id;
    const h = heavy[id];
    const p = product[id];
    const s = spa[id];
    const scrolled = SCROLLED.includes(id);
    res.variants[id] = {
      label: v.label,
      versions: v.versions,
      size: v.size,
      heavy: {
        scriptMs: median(h.map((r) => r.script)),
        taskMs: median(h.map((r) => r.task)),
        costMs: cost(heavy, id, 'script'),
        taskCostMs: cost(heavy, id, 'task'),
        costPerFloor: ratio(heavy, id, 'floor', 'script'),
        costPerFloorRounds: h.map((r, i) => +((r.script - heavy.none[i].script) / (heavy.floor[i].script - heavy.none[i].script)).toFixed(2)),
        costPerYespo: ratio(heavy, id, 'yespo', 'script'),
        longTasks: median(h.map((r) => r.longTasks)),
        extraLongTasks: median(h.map((r, i) => r.longTasks - heavy.none[i].longTasks)),
        ownLongestScriptMs: median(h.map((r) => r.ownLongestScript)),
        ownLongestScriptMaxMs: Math.max(...h.map((r) => r.ownLongestScript)),
        runsWithOwnLongScript: h.filter((r) => r.ownLongScripts > 0).length,
        trace: trace[id],
        scrollMs: scrolled ? median(h.map((r) => r.scroll)) : undefined,
        scrollCostMs: scrolled ? cost(heavy, id, 'scroll') : undefined,
        scrollCostPerYespo: scrolled ? ratio(heavy, id, 'yespo', 'scroll') : undefined,
        runsWithOwnLongScriptInScroll: scrolled ? h.filter((r) => r.scrollOwnLongScripts > 0).length : undefined,
        impressions: scrolled && id !== 'none' ? median(h.map((r) => r.impressions)) : undefined,
        pageErrors: h.reduce((n, r) => n + r.errors, 0),
        runs: h.map(({ events, ...r }) => r),
      },
      product: {
        scriptMs: median(p.map((r) => r.script)),
        costMs: cost(product, id, 'script'),
        costPerFloor: ratio(product, id, 'floor', 'script'),
        costPerYespo: ratio(product, id, 'yespo', 'script'),
        extraLongTasks: median(p.map((r, i) => r.longTasks - product.none[i].longTasks)),
        ownLongestScriptMs: median(p.map((r) => r.ownLongestScript)),
        ownLongestScriptMaxMs: Math.max(...p.map((r) => r.ownLongestScript)),
        pageErrors: p.reduce((n, r) => n + r.errors, 0),
        runs: p.map(({ events, ...r }) => r),
      },
      spa: s && {
        heapAt0: s.at0.heap,
        heapAt20: s.at20.heap,
        heapAt200: s.at200.heap,
        heapOverNone: s.at200.heap - spa.none.at200.heap,
        growth20to200: s.at200.heap - s.at20.heap,
        heapAt600: s.at600 && s.at600.heap,
        growth200to600: s.at600 && s.at600.heap - s.at200.heap,
        nodes: [s.at0.nodes, s.at20.nodes, s.at200.nodes],
        listeners: [s.at0.listeners, s.at20.listeners, s.at200.listeners],
        stats: s.stats,
        esCalls: s.esCalls,
        navigationMs: s.navMs,
        pageErrors: s.errors,
      },
    };
  }
  res.yespoEvents = { heavy: heavy.yespo[0].events, product: product.yespo[0].events };
  res.collectorRequests = collected.byPeer;
  res.profile = profile;
  const y = res.variants.yespo.heavy;
  res.budget = {
    costPerFloor: y.costPerFloor,
    costPerFloorOk: y.costPerFloor <= 2,
    longestOwnTaskThreadMs: y.trace ? y.trace.longestOwnThreadMs : undefined,
    ownLongestScriptMs: y.ownLongestScriptMs,
    runsWithOwnLongScript: y.runsWithOwnLongScript,
    noLongTaskOk: (!y.trace || y.trace.longestOwnThreadMs <= LONG_TASK_MS) && y.runsWithOwnLongScript === 0,
  };
  res.durationS = Math.round((Date.now() - T0) / 1000);
  writeFileSync(join(BENCH, 'results.json'), JSON.stringify(res, null, 2) + '\n');
  const md = report(res);
  writeFileSync(join(BENCH, 'results.md'), md);
  console.log('\n' + md);
  log('done');
}

function report(res) {
  const V = res.variants;
  const ids = Object.keys(V);
  const R = res.rounds;
  const LT = res.settings.longTaskMs;
  const L = [];
  const sign = (x) => (x > 0 ? '+' : '') + x;
  L.push('# Benchmark results', '');
  L.push(
    `${res.date.slice(0, 10)} · machine: ${res.machine.cores} cores (${res.machine.cpu}), ${res.machine.memoryGiB} GiB, shared · Chromium ${res.chromium} headless · Node ${res.machine.node} · ` +
      `${R} alternating rounds per page, medians · ${res.durationS} s · \`npm run bench\` (bench/run.mjs, see bench/README.md)`,
    '',
  );
  const peers = ids.filter((id) => V[id].versions).map((id) => Object.entries(V[id].versions).map(([p, ver]) => `${p} ${ver}`).join(' + '));
  L.push(`Peers from npm: ${peers.join('; ')}. Yespo: \`dist/yespo-autotrack.min.js\` from \`node build.mjs\`, config \`{ scriptId: '1', impressions: { minVisibleMs: ${res.settings.minVisibleMs} } }\`.`, '');
  for (const [id, why] of Object.entries(res.skipped)) L.push(`**${id} not measured:** ${why}.`, '');

  const b = res.budget;
  const yt = V.yespo.heavy.trace;
  const ft = V.floor.heavy.trace;
  L.push('## Budget (issue 7), heavy category page', '');
  L.push('| check | measured | budget | verdict |', '|---|---|---|---|');
  L.push(`| yespo's main-thread script time ÷ the floor's, same rounds | **${f2(b.costPerFloor)}×** (${f1(V.yespo.heavy.costMs)} ms vs ${f1(V.floor.heavy.costMs)} ms; rounds ${(V.yespo.heavy.costPerFloorRounds || []).map(f2).join(', ')}) | ≤ 2× | ${b.costPerFloorOk ? 'pass' : '**FAIL**'} |`);
  L.push(
    `| long tasks caused by yespo | longest own task ${yt ? f1(yt.longestOwnThreadMs) : '–'} ms thread time (trace; floor ${ft ? f1(ft.longestOwnThreadMs) : '–'} ms); own script > ${LT} ms wall in ${b.runsWithOwnLongScript} of ${R} runs (median longest ${f1(b.ownLongestScriptMs)} ms; floor ${f1(V.floor.heavy.ownLongestScriptMs)} ms) | none > ${LT} ms | ${b.noLongTaskOk ? 'pass' : '**FAIL**'} |`,
  );
  L.push('');

  L.push(`## Heavy category page: ${res.heavyPage.elements.toLocaleString('en')} elements, ${res.heavyPage.blocks} recommendation blocks × ${res.heavyPage.perBlock} items, ${res.heavyPage.itemList.toLocaleString('en')}-item JSON-LD ItemList`, '');
  L.push(
    `Load cost = main-thread script time (CDP \`ScriptDuration\`, thread time) from navigation to load + ${res.settings.idleMs} ms, minus \`none\`'s in the same round. ÷ columns: per-round ratio of the two costs, median of ${R}. ` +
      `Own task: the variant's longest task in one traced run (thread ms) and its longest script in long-animation-frame entries (wall ms, median of ${R}). Scroll cost: script time during the scripted scroll minus \`none\`'s.`,
    '',
  );
  L.push('| variant | raw KB | gzip KB | brotli KB | load cost ms | ÷ floor | ÷ yespo | longest own task ms: thread / wall | runs with own task > 50 ms | page long tasks (Δ none) | scroll cost ms | scroll ÷ yespo | impressions sent |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const id of ids) {
    const v = V[id];
    const h = v.heavy;
    const none = id === 'none';
    const sc = h.scrollCostMs === undefined ? 'not run' : none ? `(${f1(h.scrollMs)})` : f1(h.scrollCostMs);
    L.push(
      `| ${v.label} | ${kb(v.size.raw)} | ${kb(v.size.gzip)} | ${kb(v.size.brotli)} | ${none ? `(${f1(h.scriptMs)})` : f1(h.costMs)} | ${none ? '' : f2(h.costPerFloor)} | ${none ? '' : f2(h.costPerYespo)} | ` +
        `${none ? '' : `${h.trace ? f1(h.trace.longestOwnThreadMs) : '–'} / ${f1(h.ownLongestScriptMs)}`} | ${none ? '' : `${h.runsWithOwnLongScript} of ${R}`} | ${h.longTasks}${none ? '' : ` (${sign(h.extraLongTasks)})`} | ${sc} | ${h.scrollCostPerYespo === undefined || none ? '' : f2(h.scrollCostPerYespo)} | ${h.impressions ?? ''} |`,
    );
  }
  L.push('', `\`none\`'s own numbers are in parentheses (its script time is the bench's init script). Thread time per task is traced for floor and yespo only ("–" for peers; their wall time is there). "impressions sent": recommendation items reported during the scroll (of ${res.heavyPage.blocks * res.heavyPage.perBlock}), median.`, '');

  L.push('## Product page and SPA', '');
  L.push(
    `Product page: JSON-LD Product, GA4 dataLayer \`view_item\`, 2 recommendation blocks, ~2,000 elements; cost as above (load + ${res.settings.productIdleMs} ms). ` +
      `SPA: ${res.settings.spaNavigations} pushState navigations one task apart, each re-rendering a product and a 20-item recommendation block; JS heap (CDP \`JSHeapUsedSize\`) after two forced GCs, one run per variant; none and yespo go on to ${res.settings.spaNavigationsLong} navigations.`,
    '',
  );
  const N = res.settings.spaNavigations;
  const NL = res.settings.spaNavigationsLong;
  L.push(`| variant | product cost ms | ÷ floor | ÷ yespo | longest own script ms (wall) | heap after ${N} navs KB | − none KB | growth nav 20→${N} KB | growth nav ${N}→${NL} KB | DOM nodes nav 20→${N} | listeners nav 20→${N} |`);
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const id of ids) {
    const v = V[id];
    const p = v.product;
    const s = v.spa;
    const none = id === 'none';
    L.push(
      `| ${v.label} | ${none ? `(${f1(p.scriptMs)})` : f1(p.costMs)} | ${none ? '' : f2(p.costPerFloor)} | ${none ? '' : f2(p.costPerYespo)} | ${none ? '' : f1(p.ownLongestScriptMs)} | ${s ? kb(s.heapAt200) : '–'} | ${s && !none ? kb(s.heapOverNone) : ''} | ${s ? kb(s.growth20to200) : '–'} | ${s && s.growth200to600 !== undefined ? kb(s.growth200to600) : '–'} | ${s ? `${s.nodes[1]}→${s.nodes[2]}` : '–'} | ${s ? `${s.listeners[1]}→${s.listeners[2]}` : '–'} |`,
    );
  }
  L.push('');
  const ys = V.yespo.spa;
  if (ys) L.push(`yespo right after the last navigation: \`yespo.stats()\` = \`${JSON.stringify(ys.stats)}\` (items observed, page views); ${ys.esCalls} eS calls in the run. The eS stand-in's call log is emptied before each heap reading, so the heap is the tracker's own.`, '');

  L.push("## Where yespo's time goes", '');
  if (yt) L.push(`Trace (one run, heavy page load): ${f1(yt.ownThreadMs)} ms own script in ${yt.ownTasks} tasks; longest: ` + yt.longest.map((t) => `${f1(t.threadMs)} ms thread / ${f1(t.wallMs)} ms wall (${t.what})`).join('; ') + '.', '');
  L.push(
    'CPU profile of one more run with the readable build `dist/yespo-autotrack.js`, as built for this run (sampling every 100 µs; each sample goes to the innermost tracker function on the stack, so the DOM calls a function makes count for it; \`:n\` is a line of that file). ' +
      'The profiler slows the code it samples, so the shares are what to read, not the milliseconds:',
    '',
  );
  for (const [phase, pr] of Object.entries(res.profile))
    L.push(`- ${phase} (${pr.totalMs} ms sampled): ` + pr.top.map((t) => `\`${t.fn.startsWith('(anonymous)') ? t.fn : t.fn.replace(/ :\d+$/, '')}\` ${pr.totalMs ? Math.round((100 * t.ms) / pr.totalMs) : 0} %`).join(', '));
  L.push('');

  L.push('## Notes', '');
  L.push(
    `- Absolute times are context only: the machine is shared and noisy. Compare the ratios, which come from runs made side by side (A, B, C, … then again), each in a fresh browser context (first visit: no HTTP or code cache, empty storage).`,
    `- Page long tasks: every variant has the browser's own long tasks of parsing and laying out ${res.heavyPage.elements.toLocaleString('en')} elements, so a tracker's long tasks are told apart by attribution: long-animation-frame script entries (wall time, inflated when the machine is busy) and a Chromium trace (thread time).`,
    `- Scroll: the ${res.heavyPage.blocks} blocks are brought to the centre on a fixed schedule, one every ${res.settings.dwellMs} ms, then 1.2 s for batched sends. Impression trackers count an item after ${res.settings.minVisibleMs} ms in view (yespo \`impressions.minVisibleMs\`, Snowplow \`expose.minTimeMillis\`, the only settings changed from defaults) so the whole scroll fits in the time budget. Floor, PostHog and Segment do no impression tracking and are not scrolled.`,
    ...(V.snowplow && V.snowplow.heavy.impressions !== undefined && V.snowplow.heavy.impressions < 400
      ? [
          `- Snowplow reported few impressions (${V.snowplow.heavy.impressions} of ${res.heavyPage.blocks * res.heavyPage.perBlock}): it adds up an item's visible time once per animation frame (unobserve/observe each frame), so with its main thread this busy few items reach ${res.settings.minVisibleMs} ms within a ${res.settings.dwellMs} ms dwell. Its scroll cost is the observing, not the sending.`,
        ]
      : []),
    `- Collectors answer 204 on 127.0.0.1; Yespo's eS script is a recorder stand-in; every other request is blocked. Collector requests over the whole run: ${Object.entries(res.collectorRequests).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}.`,
    `- The automation protocol Playwright drives Chromium with makes a script that inserts a \`<script src>\` pay for it in proportion to its own size (the cause was not pinned down): on the heavy page, one insertion from a script holding the 48 KB bundle measured 6–17 ms, from a tiny script ~2 ms, and the bundle's own insertion of Yespo's loader 0.7–0.9 ms in headless Chromium without the protocol (performance.now marks, \`--dump-dom\`). Those milliseconds are in yespo's numbers above; the floor inserts nothing.`,
    `- Segment is bundled from npm into one file, so the chunks it would load lazily are inside its size; PostHog's remote config and extension scripts are answered 204, so none load. Trace attribution counts script evaluation, timers, event and observer callbacks, not promise continuations, which matters for the promise-heavy peers.`,
  );
  const errs = ids.filter((id) => V[id].heavy.pageErrors || V[id].product.pageErrors || (V[id].spa && V[id].spa.pageErrors));
  if (errs.length) L.push(`- Uncaught page errors seen with: ${errs.join(', ')} (counts in results.json).`);
  L.push('');
  return L.join('\n');
}

if (process.argv.includes('--report')) {
  // Re-render results.md from results.json (after a change to the report's layout).
  const md = report(JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')));
  writeFileSync(join(BENCH, 'results.md'), md);
  console.log(md);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
