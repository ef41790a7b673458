// @ts-check
// The one table of metrics: what each number is, where it comes from, how its runs are combined,
// how it is printed and which table of the report shows it. `evaluate` turns the raw runs into
// `{ [variant]: { [metric]: number } }` for results.json; report.mjs prints from the same rows.
import { aggregate } from './stats.mjs';

/**
 * @typedef {'size' | 'loads' | 'trace' | 'spa'} Source
 * @typedef {'kb' | 'ms' | 'x' | 'n' | 'dn' | 'dkb'} Format
 * @typedef {{
 *   id: string, label: string, unit: string, source: Source, page?: string,
 *   agg: import('./stats.mjs').Agg, get: import('./stats.mjs').Getter, ref?: string,
 *   format: Format, table?: 'load' | 'spa', target?: { variant: string, max: number, what: string, zero?: string },
 * }} Metric
 * @typedef {{ size: Record<string, unknown>, loads: Record<string, Record<string, unknown[]>>, trace: Record<string, Record<string, unknown>>, spa: Record<string, unknown> }} Raw
 */

const KB = 1024;
/** @param {keyof import('./spa.mjs').Reading} k @returns {(r: import('./spa.mjs').SpaRun) => number} */
const spaDelta = (k) => (r) => r.atEnd[k] - r.at20[k];
/** @param {string} k @returns {(x: any) => number} */
const field = (k) => (x) => x[k];
/** @param {import('./spa.mjs').SpaRun} r */
const heapEnd = (r) => r.atEnd.heap;
/** @param {import('./spa.mjs').SpaRun} r */
const heapGrowth = (r) => r.atEnd.heap - r.at20.heap;

/** @type {readonly Metric[]} */
export const METRICS = Object.freeze([
  { id: 'bytes.raw', label: 'raw KB', unit: 'bytes', source: 'size', agg: 'value', get: field('raw'), format: 'kb', table: 'load' },
  { id: 'bytes.gzip', label: 'gzip -9 KB', unit: 'bytes', source: 'size', agg: 'value', get: field('gzip'), format: 'kb', table: 'load' },
  { id: 'heavy.script', label: 'heavy: script ms', unit: 'ms', source: 'loads', page: 'heavy', agg: 'median', get: field('scriptMs'), format: 'ms' },
  { id: 'heavy.cost', label: 'heavy: load cost ms', unit: 'ms', source: 'loads', page: 'heavy', agg: 'cost', get: field('scriptMs'), format: 'ms', table: 'load' },
  {
    id: 'heavy.perFloor', label: 'heavy ÷ floor', unit: 'ratio', source: 'loads', page: 'heavy', agg: 'ratio', ref: 'floor', get: field('scriptMs'), format: 'x', table: 'load',
    target: { variant: 'yespo', max: 2, what: "load cost ÷ the floor's, heavy category page" },
  },
  {
    id: 'heavy.ownThread', label: 'heavy: longest own task ms (thread, traced)', unit: 'ms', source: 'trace', page: 'heavy', agg: 'value', get: field('longestOwnThreadMs'), format: 'ms', table: 'load',
    target: { variant: 'yespo', max: 50, what: 'longest own task, heavy page (thread time, traced load)' },
  },
  { id: 'heavy.ownWall', label: 'heavy: longest own script in a long frame ms (wall)', unit: 'ms', source: 'loads', page: 'heavy', agg: 'median', get: field('ownLongestMs'), format: 'ms', table: 'load' },
  { id: 'product.script', label: 'product: script ms', unit: 'ms', source: 'loads', page: 'product', agg: 'median', get: field('scriptMs'), format: 'ms' },
  { id: 'product.cost', label: 'product: load cost ms', unit: 'ms', source: 'loads', page: 'product', agg: 'cost', get: field('scriptMs'), format: 'ms', table: 'load' },
  {
    id: 'product.perFloor', label: 'product ÷ floor', unit: 'ratio', source: 'loads', page: 'product', agg: 'ratio', ref: 'floor', get: field('scriptMs'), format: 'x', table: 'load',
    target: { variant: 'yespo', max: 3, what: "load cost ÷ the floor's, typical product page" },
  },
  { id: 'product.ownWall', label: 'product: longest own script in a long frame ms (wall)', unit: 'ms', source: 'loads', page: 'product', agg: 'median', get: field('ownLongestMs'), format: 'ms', table: 'load' },
  {
    id: 'cart.reads', label: 'cart burst: GET /cart.js per load', unit: 'requests', source: 'loads', page: 'cart', agg: 'max', get: field('cartReads'), format: 'n', table: 'load',
    target: { variant: 'yespo', max: 2, what: 'cart reads after 50 adds in a burst (most in any round)', zero: 'no reads: this build does not read the cart' },
  },
  { id: 'cart.cost', label: 'cart burst: cost ms', unit: 'ms', source: 'loads', page: 'cart', agg: 'cost', get: field('scriptMs'), format: 'ms', table: 'load' },
  { id: 'spa.heapEnd', label: 'heap at the last nav KB', unit: 'bytes', source: 'spa', agg: 'value', get: heapEnd, format: 'kb', table: 'spa' },
  { id: 'spa.growth', label: 'heap growth nav 20→last KB', unit: 'bytes', source: 'spa', agg: 'value', get: heapGrowth, format: 'dkb', table: 'spa' },
  {
    id: 'spa.growthOverNone', label: "growth − none's KB", unit: 'bytes', source: 'spa', agg: 'overNone', get: heapGrowth, format: 'dkb', table: 'spa',
    target: { variant: 'yespo', max: 16 * KB, what: "SPA heap growth nav 20→last, over no-tracker's" },
  },
  // The same growth split by a heap snapshot: what scripts keep (objects, closures, arrays, strings),
  // and the code V8 compiles (optimised code for functions that got hot as the session went on).
  {
    id: 'spa.countedGrowthOverNone', label: "growth − none's KB, in the counted session", unit: 'bytes', source: 'spa', agg: 'overNone', format: 'dkb', table: 'spa',
    get: (/** @type {import('./spa.mjs').SpaRun} */ r) => (r.counted ? heapGrowth(r.counted) : NaN),
  },
  { id: 'spa.valuesGrowthOverNone', label: "JS values growth − none's KB (snapshot)", unit: 'bytes', source: 'spa', agg: 'overNone', get: spaDelta('values'), format: 'dkb', table: 'spa' },
  { id: 'spa.codeGrowthOverNone', label: "compiled code growth − none's KB (snapshot)", unit: 'bytes', source: 'spa', agg: 'overNone', get: spaDelta('code'), format: 'dkb', table: 'spa' },
  { id: 'spa.nodes', label: 'DOM nodes Δ', unit: 'count', source: 'spa', agg: 'value', get: spaDelta('nodes'), format: 'dn', table: 'spa' },
  {
    id: 'spa.listeners', label: 'listeners Δ (all)', unit: 'count', source: 'spa', agg: 'value', get: spaDelta('listeners'), format: 'dn', table: 'spa',
    target: { variant: 'yespo', max: 0, what: 'SPA event listeners nav 20→last (flat)' },
  },
  { id: 'spa.windowDocListeners', label: 'window+document listeners Δ', unit: 'count', source: 'spa', agg: 'value', get: spaDelta('windowDocListeners'), format: 'dn', table: 'spa' },
  {
    id: 'spa.targets', label: 'observed targets Δ', unit: 'count', source: 'spa', agg: 'value', get: spaDelta('targets'), format: 'dn', table: 'spa',
    target: { variant: 'yespo', max: 0, what: 'SPA observed targets nav 20→last (flat)' },
  },
  { id: 'spa.observers', label: 'observers Δ', unit: 'count', source: 'spa', agg: 'value', get: spaDelta('observers'), format: 'dn', table: 'spa' },
  { id: 'spa.timers', label: 'pending timers Δ', unit: 'count', source: 'spa', agg: 'value', get: spaDelta('timers'), format: 'dn', table: 'spa' },
].map((m) => Object.freeze(/** @type {Metric} */ (m))));

/** The runs a metric reads. @param {Metric} m @param {Raw} raw @returns {Record<string, any> | undefined} */
function dataOf(m, raw) {
  if (m.source === 'size' || m.source === 'spa') return raw[m.source];
  return raw[m.source][/** @type {string} */ (m.page)];
}

/**
 * Every metric for every variant that has its runs.
 * @param {Raw} raw
 * @param {readonly string[]} ids
 * @returns {Record<string, Record<string, number>>}
 */
export function evaluate(raw, ids) {
  /** @type {Record<string, Record<string, number>>} */
  const out = Object.fromEntries(ids.map((id) => [id, {}]));
  for (const m of METRICS) {
    const data = dataOf(m, raw);
    if (!data) continue;
    for (const id of ids) {
      const x = aggregate(m.agg, m.get, data, id, m.ref);
      if (x !== undefined && Number.isFinite(x)) out[id][m.id] = Math.round(x * 100) / 100;
    }
  }
  return out;
}

/**
 * The targets, checked: measured value, limit, pass or fail.
 * @param {Record<string, Record<string, number>>} values
 * @returns {Array<{ metric: string, variant: string, what: string, value: number | undefined, max: number, pass: boolean | undefined, note?: string }>}
 */
export function verdicts(values) {
  return METRICS.filter((m) => m.target).map((m) => {
    const t = /** @type {NonNullable<Metric['target']>} */ (m.target);
    const value = values[t.variant] && values[t.variant][m.id];
    const note = value === 0 && t.zero ? t.zero : undefined;
    return { metric: m.id, variant: t.variant, what: t.what, value, max: t.max, pass: value === undefined ? undefined : value <= t.max, note };
  });
}
