// @ts-check
// One profiled load (CDP Profiler, sampling every 100 µs) with the readable build served in place
// of the minified one: the tracker's start-up functions by self time. A sample goes to the innermost
// tracker function on its stack, so the DOM and other native calls a function makes count for it.
import { withTab } from './browser.mjs';

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile
 * @typedef {{ fn: string, line: number, source: string, ms: number }} Hot
 * @typedef {{ page: string, file: string, totalMs: number, top: Hot[] }} ProfileRun
 */

/** esbuild marks each source file in the readable build with a `// src/…` line: line → that file. @param {string} code */
export function sourceOfLine(code) {
  /** @type {string[]} */
  const at = [];
  let current = '';
  code.split('\n').forEach((l, i) => {
    const m = /^\s*\/\/ (src\/\S+)$/.exec(l);
    if (m) current = m[1];
    at[i + 1] = current;
  });
  return (/** @type {number} */ line) => at[line] || '';
}

/**
 * @param {CpuProfile} profile
 * @param {(url: string) => boolean} ours
 * @param {number} n
 * @returns {{ totalMs: number, top: Array<{ fn: string, line: number, ms: number }> }}
 */
export function selfTime(profile, ours, n) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children || []) parent.set(c, x.id);
  /** @type {Map<string, number>} */
  const acc = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    // A sample stands for the time to the next one, capped at 1 ms: a starved sampler's long gap
    // would otherwise be credited to whatever ran before it.
    const dt = Math.min(1, (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
    for (let x = byId.get(id); x; x = byId.get(/** @type {number} */ (parent.get(x.id)))) {
      if (!ours(x.callFrame.url)) continue;
      const k = `${x.callFrame.functionName || '(anonymous)'}\t${x.callFrame.lineNumber + 1}`;
      acc.set(k, (acc.get(k) || 0) + dt);
      total += dt;
      break;
    }
  });
  const top = [...acc].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { totalMs: +total.toFixed(1), top: top.map(([k, ms]) => ({ fn: k.split('\t')[0], line: Number(k.split('\t')[1]), ms: +ms.toFixed(1) })) };
}

/**
 * @param {import('./browser.mjs').Browser} browser
 * @param {string} base
 * @param {import('./variants.mjs').Variant} v a variant with a readable build
 * @param {import('./pages/index.mjs').Page} pg
 * @param {string} readableCode
 * @returns {Promise<ProfileRun>}
 */
export function profileRun(browser, base, v, pg, readableCode) {
  return withTab(browser, async ({ page, cdp }) => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.goto(base + '/blank.html');
    await cdp.send('Profiler.start');
    await page.goto(`${base}${pg.path}?v=${v.id}&build=readable`, { waitUntil: 'load' });
    await page.waitForTimeout(pg.settleMs);
    const { profile } = await cdp.send('Profiler.stop');
    const { totalMs, top } = selfTime(/** @type {CpuProfile} */ (profile), (url) => url.includes(`/t/${v.id}.js`), 10);
    const source = sourceOfLine(readableCode);
    return { page: pg.id, file: /** @type {string} */ (v.readable), totalMs, top: top.map((t) => ({ ...t, source: source(t.line) })) };
  });
}
