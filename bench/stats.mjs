// @ts-check
// How a metric's runs become one number. Rounds are paired: run r of every variant was made in the
// same round, side by side, so costs and ratios are taken per round, then the median over rounds.

/** @param {number[]} xs */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * @typedef {'value' | 'median' | 'max' | 'cost' | 'ratio' | 'overNone'} Agg
 * @typedef {(x: any) => number} Getter
 * `value`: the one record's number; `median`, `max`: over rounds; `cost`: the variant's number minus
 * `none`'s in the same round, median over rounds; `ratio`: the per-round cost divided by the `ref`
 * variant's cost in that round, median over rounds; `overNone`: one record's number minus `none`'s.
 */

/**
 * @param {Agg} agg
 * @param {Getter} get
 * @param {Record<string, any>} data runs (an array per variant id) or one record per variant id
 * @param {string} id
 * @param {string} [ref]
 * @returns {number | undefined}
 */
export function aggregate(agg, get, data, id, ref) {
  const mine = data[id];
  if (mine === undefined) return undefined;
  const none = data.none;
  /** @param {string} v @param {number} r */
  const cost = (v, r) => get(data[v][r]) - get(none[r]);
  switch (agg) {
    case 'value':
      return get(mine);
    case 'median':
      return median(mine.map(get));
    case 'max':
      return Math.max(...mine.map(get));
    case 'overNone':
      return none === undefined ? undefined : get(mine) - get(none);
    case 'cost':
      return id === 'none' || !none ? undefined : median(mine.map((/** @type {unknown} */ _, /** @type {number} */ r) => cost(id, r)));
    case 'ratio':
      if (id === 'none' || !none || !ref || !data[ref]) return undefined;
      return median(mine.map((/** @type {unknown} */ _, /** @type {number} */ r) => cost(id, r) / cost(ref, r)));
  }
}
