/** A plain object (not null, not an array) of untrusted data: its keys can be read one by one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isObj<T extends object = Record<string, any>>(v: unknown): v is T {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
