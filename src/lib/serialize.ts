import { own } from './obj';

/**
 * JSON of plain data — strings, finite numbers, booleans, null, arrays and objects' own enumerable
 * keys; `undefined` and functions are dropped as `JSON.stringify` drops them — that no page can
 * bend. Prototype.js 1.6 (Magento 1.4–1.6) installs `Array.prototype.toJSON`, which makes the
 * browser's `JSON.stringify` write arrays as strings holding JSON, and replaces `Object.keys` with
 * a `for…in` that also lists inherited keys. So `JSON.stringify` is only given primitives (for
 * which it looks up no `toJSON`), and keys are the object's own. Smaller and safer than setting the
 * page's hooks aside around `JSON.stringify` and putting them back: nothing of the page's is
 * touched, even for a moment, and a hook we did not know of cannot slip through.
 */
export function serialize(v: unknown): string | undefined {
  if (!v || typeof v != 'object') return JSON.stringify(v);
  let out = '';
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) out += ',' + (serialize(v[i]) || 'null');
    return '[' + out.slice(1) + ']';
  }
  for (const k in v) {
    const s = own(v as object, k) ? serialize((v as Record<string, unknown>)[k]) : undefined;
    if (s) out += ',' + JSON.stringify(k) + ':' + s;
  }
  return '{' + out.slice(1) + '}';
}
