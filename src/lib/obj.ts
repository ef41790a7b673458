/** Whether `k` is `o`'s own key (not one from its prototype: `__proto__`, `constructor`). */
export const own = (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k);

/** A plain object (not null, not an array) of untrusted data: its keys can be read one by one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isObj<T extends object = Record<string, any>>(v: unknown): v is T {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The fields of `o` named in `keys` that are set, in that order (a line or product cut to what an event carries). */
export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
