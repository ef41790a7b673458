import { isObj } from '../lib/obj';

/** Shopify payloads are untrusted JSON: a plain object, or undefined. */
export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj | undefined => (isObj<Obj>(v) ? v : undefined);

/** `o.a.b.c` of untrusted JSON, each step checked. */
export const at = (v: unknown, ...path: string[]): unknown => {
  for (const k of path) {
    const o = obj(v);
    if (!o || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
    v = o[k];
  }
  return v;
};
