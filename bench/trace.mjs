// @ts-check
// One traced load (Chromium trace, devtools.timeline + toplevel): the variant's own script events
// (EvaluateScript / FunctionCall whose script is the variant's) summed per task, in thread time.
// Promise continuations (RunMicrotasks) carry no script URL and are not attributed.
import { withTab } from './browser.mjs';
import { LONG_TASK_MS } from './measure.mjs';
import { ownsScript } from './variants.mjs';

/**
 * @typedef {{ name: string, ph: string, pid: number, tid: number, ts: number, dur: number, tdur?: number, args?: any }} TraceEvent
 * @typedef {{ ownThreadMs: number, ownTasks: number, longestOwnThreadMs: number, longestOwnWallMs: number, ownTasksOver50: number }} TraceRun
 */

/** The outermost of the variant's script events on the page's main thread. @param {TraceEvent[]} ev @param {string} path @param {(url: string) => boolean} own */
function ownEvents(ev, path, own) {
  const parse = ev.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url).includes(path));
  if (!parse) return { own: [], tasks: [] };
  const main = ev.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
  const mine = main.filter((e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && own(String(e.args?.data?.url || ''))).sort((a, b) => a.ts - b.ts);
  /** @type {TraceEvent[]} */
  const outer = [];
  for (const e of mine) {
    const last = outer[outer.length - 1];
    if (!last || e.ts >= last.ts + last.dur) outer.push(e);
  }
  return { own: outer, tasks: main.filter((e) => e.name === 'RunTask') };
}

/** Own thread and wall ms per task, longest first. @param {TraceEvent[]} own @param {TraceEvent[]} tasks */
function perTask(own, tasks) {
  /** @type {Map<TraceEvent, { thread: number, wall: number }>} */
  const byTask = new Map();
  for (const e of own) {
    const task = tasks.filter((t) => t.ts <= e.ts && e.ts + e.dur <= t.ts + t.dur).sort((a, b) => b.dur - a.dur)[0] || e;
    const acc = byTask.get(task) || { thread: 0, wall: 0 };
    acc.thread += (e.tdur ?? e.dur) / 1000;
    acc.wall += e.dur / 1000;
    byTask.set(task, acc);
  }
  return [...byTask.values()].sort((a, b) => b.thread - a.thread);
}

/**
 * The scripts' own time in each task of a traced page load, longest first (the no-long-task test
 * in e2e/long-tasks.spec.ts reads traces the same way).
 * @param {TraceEvent[]} ev the trace's events
 * @param {string} path the page's path (its HTML parse finds the main thread)
 * @param {(url: string) => boolean} own whether a script URL is one of the scripts measured
 */
export function ownTaskTimes(ev, path, own) {
  const o = ownEvents(ev, path, own);
  return perTask(o.own, o.tasks);
}

/**
 * @param {import('./browser.mjs').Browser} browser
 * @param {string} base
 * @param {import('./variants.mjs').Variant} v
 * @param {import('./pages/index.mjs').Page} pg
 * @returns {Promise<TraceRun>}
 */
export function traceRun(browser, base, v, pg) {
  return withTab(browser, async ({ page }) => {
    await page.goto(base + '/blank.html');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    await page.goto(`${base}${pg.path}?v=${v.id}`, { waitUntil: 'load' });
    await page.waitForTimeout(pg.settleMs);
    const ev = /** @type {TraceEvent[]} */ (JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const list = ownTaskTimes(ev, pg.path, ownsScript(v));
    const r1 = (/** @type {number} */ x) => Math.round(x * 10) / 10;
    return {
      ownThreadMs: r1(list.reduce((n, t) => n + t.thread, 0)),
      ownTasks: list.length,
      longestOwnThreadMs: list.length ? r1(list[0].thread) : 0,
      longestOwnWallMs: list.length ? r1(list[0].wall) : 0,
      ownTasksOver50: list.filter((t) => t.thread > LONG_TASK_MS).length,
    };
  });
}
