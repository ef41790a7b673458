// @ts-check
// The bench's modes: which variants, how many alternating rounds of which pages, how long the SPA
// session, whether to trace and profile, and where the results go. Chosen by name, never edited.

/**
 * @typedef {{
 *   name: string,
 *   variants: readonly string[],
 *   rounds: Readonly<Record<string, number>>,
 *   spaNavs: number,
 *   traced: readonly string[],
 *   profile: readonly string[],
 *   write: 'results' | 'build' | 'none',
 * }} Mode
 * `rounds`: page id → alternating rounds (every variant once per round); `traced`: variants given
 * one traced heavy load; `profile`: pages given one profiled load with the readable build;
 * `write`: bench/results.* (`results`), bench/.build/<mode>-results.* (`build`) or print only.
 */

const ALL = ['none', 'floor', 'yespo', 'core', 'snowplow', 'posthog', 'segment'];
const OURS = ['none', 'floor', 'yespo', 'core'];

/** @type {Readonly<Record<string, Readonly<Mode>>>} */
export const MODES = Object.freeze({
  full: Object.freeze({ name: 'full', variants: ALL, rounds: { heavy: 3, product: 4, cart: 1 }, spaNavs: 200, traced: ['floor', 'yespo'], profile: ['heavy', 'product'], write: 'results' }),
  quick: Object.freeze({ name: 'quick', variants: OURS, rounds: { heavy: 2, product: 3, cart: 1 }, spaNavs: 100, traced: ['yespo'], profile: ['heavy'], write: 'build' }),
  budget: Object.freeze({ name: 'budget', variants: OURS, rounds: { heavy: 5, product: 5 }, spaNavs: 0, traced: ['floor', 'yespo'], profile: [], write: 'none' }),
});

/**
 * The mode the command line asks for (`--quick`, `--budget`, else full); BENCH_ROUNDS, when set,
 * replaces every page's round count.
 * @param {readonly string[]} argv
 * @param {string | undefined} rounds
 * @returns {Mode}
 */
export function modeFrom(argv, rounds) {
  const name = argv.includes('--quick') ? 'quick' : argv.includes('--budget') ? 'budget' : 'full';
  const mode = MODES[name];
  const n = Number(rounds);
  if (!rounds || !(n >= 1)) return mode;
  return Object.freeze({ ...mode, rounds: Object.fromEntries(Object.keys(mode.rounds).map((p) => [p, Math.floor(n)])) });
}
