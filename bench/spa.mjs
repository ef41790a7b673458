// @ts-check
// A long SPA session: navigations on the bench SPA, each left SETTLE_MS to settle, and readings
// after forced GC at nav 0, 20 and the last: JS heap (and, from a heap snapshot, how much of it is
// JavaScript values and how much compiled code), DOM nodes and listeners, the listeners on
// window and document, live observers / observed targets and pending timers.
import { withTab } from './browser.mjs';
import { LIVE_COUNTS } from './inpage.mjs';
import { PAGES } from './pages/index.mjs';

/** How long each navigation is left before the next: a visitor's quickest clicks, and enough for debounced work. */
export const SETTLE_MS = 330;
export const FIRST_READING = 20;

/**
 * @typedef {{ heap: number, values: number, code: number, nodes: number, listeners: number, windowDocListeners: number, observers: number, targets: number, timers: number }} Reading
 * @typedef {{ at0: Reading, at20: Reading, atEnd: Reading, navs: number, stats: unknown, esCalls: number, errors: number, wallMs: number, counted?: SpaRun }} SpaRun
 */

/** Listeners on window and on document (CDP DOMDebugger). @param {import('@playwright/test').CDPSession} cdp */
async function windowDocListeners(cdp) {
  let n = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'bench-listeners' });
    if (result.objectId) n += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench-listeners' });
  return n;
}

/** Heap snapshot node types that are the page's JavaScript values (not compiled code, not the engine's own). */
const VALUES = ['object', 'closure', 'array', 'string', 'regexp', 'number', 'concatenated string', 'sliced string', 'symbol', 'bigint'];

/**
 * The heap split as a snapshot sees it: JavaScript values (what a script keeps), and compiled code
 * (bytecode and the optimised code V8 makes of functions as they get hot), in bytes. The e2e
 * memory test reads its values the same way.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function heapSplit(cdp) {
  let buf = '';
  /** @param {{ chunk: string }} e */
  const on = (e) => void (buf += e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
  const s = JSON.parse(buf);
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let values = 0;
  let code = 0;
  for (let i = 0; i < s.nodes.length; i += fields.length) {
    const t = types[s.nodes[i + type]];
    if (VALUES.includes(t)) values += s.nodes[i + size];
    else if (t === 'code') code += s.nodes[i + size];
  }
  return { values, code };
}

/** @param {import('./browser.mjs').Tab} tab @returns {Promise<Reading>} */
async function reading({ page, cdp, metrics }) {
  await page.waitForTimeout(400);
  // The eS stand-in keeps every call; empty it so the heap is the tracker's, not the recorder's.
  const live = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    if (w.__esCalls) (w.__esCount = (w.__esCount || 0) + w.__esCalls.length), (w.__esCalls.length = 0);
    return /** @type {{ observers: number, targets: number, timers: number }} */ ({ ...w.__live });
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await metrics()).JSHeapUsedSize;
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heap, ...(await heapSplit(cdp)), nodes: dom.nodes, listeners: dom.jsEventListeners, windowDocListeners: await windowDocListeners(cdp), ...live };
}

/**
 * Navigations `from` … `to - 1`, each left `settle` ms; `yespo.stats()` right after the last one.
 * @param {import('@playwright/test').Page} page @param {number} from @param {number} to
 */
const navigate = (page, from, to) =>
  page.evaluate(
    async ([a, b, settle]) => {
      const w = /** @type {any} */ (window);
      let stats;
      for (let i = a; i < b; i++) {
        w.__benchNav(i);
        if (i === b - 1) stats = w.yespo && w.yespo.stats ? w.yespo.stats() : undefined;
        await new Promise((ok) => setTimeout(ok, settle));
      }
      return stats;
    },
    [from, to, SETTLE_MS],
  );

/**
 * @param {import('./browser.mjs').Browser} browser
 * @param {string} base
 * @param {import('./variants.mjs').Variant} v
 * @param {number} navs
 * @param {boolean} [counted] with the observer and timer counters (whose own compiled code then grows the heap too)
 * @returns {Promise<SpaRun>}
 */
export function spaRun(browser, base, v, navs, counted = true) {
  return withTab(
    browser,
    async (tab) => {
      const started = Date.now();
      await tab.page.goto(`${base}${PAGES.spa.path}?v=${v.id}`, { waitUntil: 'load' });
      await tab.page.waitForTimeout(PAGES.spa.settleMs);
      const at0 = await reading(tab);
      await navigate(tab.page, 1, FIRST_READING + 1);
      const at20 = await reading(tab);
      const stats = await navigate(tab.page, FIRST_READING + 1, navs + 1);
      const atEnd = await reading(tab);
      const esCalls = await tab.page.evaluate(() => /** @type {any} */ (window).__esCount || 0);
      return { at0, at20, atEnd, navs, stats, esCalls, errors: tab.errors.length, wallMs: Date.now() - started };
    },
    counted ? [LIVE_COUNTS] : [],
  );
}

/**
 * Two sessions of one variant side by side: the heap readings come from a page without the
 * bench's counters, since V8 compiles those wrappers too once the variant's calls make them hot
 * (several KB of the variant's growth); the observer, target and timer counts come from the
 * session with them, whose run is kept as `counted`.
 * @param {import('./browser.mjs').Browser} browser @param {string} base @param {import('./variants.mjs').Variant} v @param {number} navs
 * @returns {Promise<SpaRun>}
 */
export async function spaPair(browser, base, v, navs) {
  const [heap, counted] = await Promise.all([spaRun(browser, base, v, navs, false), spaRun(browser, base, v, navs, true)]);
  /** @param {Reading} r @param {Reading} c */
  const counts = (r, c) => ({ ...r, observers: c.observers, targets: c.targets, timers: c.timers });
  return { ...heap, at0: counts(heap.at0, counted.at0), at20: counts(heap.at20, counted.at20), atEnd: counts(heap.atEnd, counted.atEnd), counted };
}
