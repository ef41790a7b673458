// @ts-check
// One bench session: the phases of a mode, run against one browser and one server, in this order:
// alternating rounds of page loads, the SPA sessions, the traced loads, the profiled loads.
import { launch } from './browser.mjs';
import { loadRun } from './measure.mjs';
import { PAGES } from './pages/index.mjs';
import { profileRun } from './profile.mjs';
import { spaPair } from './spa.mjs';
import { traceRun } from './trace.mjs';

/**
 * @typedef {import('./variants.mjs').Variant} Variant
 * @typedef {{ loads: Record<string, Record<string, import('./measure.mjs').LoadRun[]>>, trace: Record<string, Record<string, import('./trace.mjs').TraceRun>>, spa: Record<string, import('./spa.mjs').SpaRun>, profile: import('./profile.mjs').ProfileRun[], chromium: string }} Runs
 * @typedef {(line: string) => void} Log
 */

/**
 * Rounds of one page: every variant once per round, in the list's order, then the next round.
 * @param {import('./browser.mjs').Browser} browser @param {import('./serve.mjs').Server} server
 * @param {Variant[]} variants @param {import('./pages/index.mjs').Page} pg @param {number} rounds @param {Log} log
 */
async function rounds(browser, server, variants, pg, rounds, log) {
  /** @type {Record<string, import('./measure.mjs').LoadRun[]>} */
  const runs = Object.fromEntries(variants.map((v) => [v.id, []]));
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) runs[v.id].push(await loadRun(browser, server, v, pg));
    const cart = pg.id === 'cart' ? ' · cart reads ' + variants.map((v) => runs[v.id][r].cartReads).join('/') : '';
    log(`${pg.id} round ${r + 1}/${rounds}: ` + variants.map((v) => `${v.id} ${runs[v.id][r].scriptMs.toFixed(1)}`).join(', ') + ' ms script' + cart);
  }
  return runs;
}

/**
 * The SPA sessions of every variant but the floor, side by side (heap and counts are not timings,
 * so they do not need the machine to themselves; each variant's page is its own renderer): two per
 * variant, one for the heap and one for the counts (spa.mjs spaPair).
 * @param {import('./browser.mjs').Browser} browser @param {string} base @param {Variant[]} variants @param {number} navs @param {Log} log
 */
async function spaSessions(browser, base, variants, navs, log) {
  const spa = variants.filter((v) => v.kind !== 'floor');
  const done = await Promise.all(spa.map((v) => spaPair(browser, base, v, navs)));
  for (const [i, r] of done.entries()) log(`spa ${spa[i].id}: heap ${(r.at20.heap / 1024).toFixed(0)} → ${(r.atEnd.heap / 1024).toFixed(0)} KB (nav 20 → ${navs}), listeners ${r.at20.listeners} → ${r.atEnd.listeners}, ${r.wallMs} ms`);
  return Object.fromEntries(done.map((r, i) => [spa[i].id, r]));
}

/**
 * @param {import('./modes.mjs').Mode} mode
 * @param {Variant[]} variants
 * @param {import('./serve.mjs').Server} server
 * @param {Record<string, import('./scripts.mjs').Script>} scripts
 * @param {Log} log
 * @returns {Promise<Runs>}
 */
export async function runSession(mode, variants, server, scripts, log) {
  const browser = await launch();
  /** @type {Runs} */
  const out = { loads: {}, trace: {}, spa: {}, profile: [], chromium: browser.version() };
  try {
    // Warm-up, discarded: the browser, the server, the OS caches.
    await loadRun(browser, server, variants[0], PAGES.heavy);
    for (const [page, n] of Object.entries(mode.rounds)) out.loads[page] = await rounds(browser, server, variants, PAGES[page], n, log);
    if (mode.spaNavs) out.spa = await spaSessions(browser, server.base, variants, mode.spaNavs, log);
    out.trace.heavy = {};
    for (const v of variants.filter((x) => mode.traced.includes(x.id))) out.trace.heavy[v.id] = await traceRun(browser, server.base, v, PAGES.heavy);
    if (mode.traced.length) log('traced: ' + Object.entries(out.trace.heavy).map(([id, t]) => `${id} longest own task ${t.longestOwnThreadMs} ms thread`).join(', '));
    const profiled = variants.find((v) => v.readable);
    for (const page of profiled ? mode.profile : []) {
      const code = String(/** @type {Buffer} */ (scripts[/** @type {Variant} */ (profiled).id].readable));
      out.profile.push(await profileRun(browser, server.base, /** @type {Variant} */ (profiled), PAGES[page], code));
    }
    if (out.profile.length) log('profiled: ' + out.profile.map((p) => `${p.page} ${p.totalMs} ms sampled`).join(', '));
  } finally {
    await browser.close().catch(() => {});
  }
  return out;
}
