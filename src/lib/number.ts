const NUM_RE = /\d[\d.,\s\u00a0\u202f']*/;
const SEP_RE = /[\s\u00a0\u202f']/g;

/** Drops leading zeros ("007.50" → "7.50") so equal numbers compare equal as strings. */
const canon = (s: string) => s.replace(/^0+(?=\d)/, '');

/**
 * A price as the plain decimal string Yespo expects: "1,249.00" → "1249.00", "89,90 €" → "89.90",
 * "1.249,00" → "1249.00", "$ 1 299" → "1299", 153.5 → "153.5". Undefined when there is no number.
 */
export function parseNumber(v: unknown): string | undefined {
  if (typeof v === 'number') return v >= 0 && v < 1e15 ? canon(String(v).indexOf('e') < 0 ? String(v) : v.toFixed(2)) : undefined;
  if (typeof v !== 'string' || v.length > 64) return undefined;
  const m = NUM_RE.exec(v);
  if (!m) return undefined;
  let s = m[0].replace(SEP_RE, '').replace(/[.,]+$/, '');
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    // Both present: the later one is the decimal separator ("1,249.00" US, "1.249,00" EU).
    const dec = dot > comma ? '.' : ',';
    s = s.split(dec === '.' ? ',' : '.').join('').replace(',', '.');
  } else if (dot >= 0 || comma >= 0) {
    const sep = dot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    // One separator followed by exactly three digits after a non-zero lead is a thousands group ("1,249", "12.500").
    const thousands = parts.length > 2 || (parts[1].length === 3 && parts[0] !== '0' && parts[0].length <= 3);
    s = thousands ? parts.join('') : parts[0] + '.' + parts[1];
  }
  return /^\d+(\.\d+)?$/.test(s) ? canon(s) : undefined;
}

/** A cart quantity: a positive number as a string, "2.0" → "2". */
export function parseQuantity(v: unknown): string | undefined {
  const n = parseNumber(v);
  if (n === undefined || !(+n > 0)) return undefined;
  return n.replace(/\.0+$/, '');
}

/** `1/0/true/false/yes/no` (any case) → 1 or 0; anything else → undefined. */
export function parseFlag(v: unknown): 0 | 1 | undefined {
  if (v === true || v === 1) return 1;
  if (v === false || v === 0) return 0;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (s === '1' || s === 'true' || s === 'yes') return 1;
  if (s === '0' || s === 'false' || s === 'no') return 0;
  return undefined;
}

/** A non-negative integer count ("12 results" → 12). */
export function parseCount(v: unknown): number | undefined {
  const n = parseNumber(v);
  return n === undefined ? undefined : Math.floor(+n);
}
