// @ts-check
// Small wording helpers shared by the checks and the reports.

/**
 * A value as one line of at most n characters.
 * @param {unknown} v
 * @param {number} [n]
 */
export function short(v, n = 160) {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s && s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/**
 * "1 page", "2 pages".
 * @param {number} n
 * @param {string} word
 */
export const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The first line of an error's message.
 * @param {unknown} e
 */
export const firstLine = (e) => String((e && /** @type {Error} */ (e).message) || e).split('\n')[0];
