/**
 * An amount in the currency's smallest unit → a decimal string in major units: (4550, 2) → "45.50",
 * ("7", 2) → "0.07", (1200, 0) → "1200". Digit-exact, no floating point. Shopify's Ajax cart gives
 * integer cents, WooCommerce's Store API digit strings with `currency_minor_unit`. Undefined for
 * negative, fractional or non-numeric amounts and for an unusable scale (an absent one means 2).
 */
export function fromMinor(v: unknown, digits: unknown = 2): string | undefined {
  const d = digits == null ? 2 : digits;
  if (typeof d !== 'number' || !(d >= 0 && d <= 6) || d % 1) return undefined;
  const s = typeof v === 'number' ? (Number.isSafeInteger(v) && v >= 0 ? String(v) : '') : typeof v === 'string' && /^\d{1,15}$/.test(v) ? v : '';
  if (!s) return undefined;
  const p = s.padStart(d + 1, '0');
  const whole = p.slice(0, p.length - d).replace(/^0+(?=\d)/, '');
  return d ? whole + '.' + p.slice(-d) : whole;
}
