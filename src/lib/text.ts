/** Longest key or value we send; longer page data is dropped, never sent as is. */
export const MAX_LEN = 256;

/** A trimmed, non-empty string of at most `max` characters, or undefined. */
export function text(v: unknown, max = MAX_LEN): string | undefined {
  if (typeof v === 'number' && isFinite(v)) v = String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s && s.length <= max ? s : undefined;
}

export const email = (v: unknown) => {
  const s = text(v);
  return s && s.indexOf('@') > 0 ? s.toLowerCase() : undefined;
};

/** Digits only, a leading "+" kept: "+38 (050) 123-45-67" → "+380501234567". */
export const phone = (v: unknown) => {
  const s = text(v);
  if (!s) return undefined;
  const d = s.replace(/\D/g, '');
  return d.length >= 5 ? (s.charAt(0) === '+' ? '+' : '') + d : undefined;
};

/** Comma-separated list → trimmed non-empty values. */
export const list = (v: unknown): string[] =>
  typeof v === 'string' && v.length <= 4096
    ? v.split(',').map((x) => x.trim()).filter((x) => x && x.length <= MAX_LEN)
    : [];
