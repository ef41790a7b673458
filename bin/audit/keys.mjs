// @ts-check
// Yespo matches productKey to the g:id of the shop's product feed: keys that cannot be such an id.

/**
 * Why a product key does not look like an id from a product feed; empty when it does.
 * @param {string} key
 * @returns {string[]}
 */
export function keyTrouble(key) {
  const why = [];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key) || /^www\./i.test(key)) why.push('it is a URL');
  else if (/^\/[^\s]*\//.test(key)) why.push('it is a URL path');
  else if (/\s/.test(key)) {
    const words = key.trim().split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
    why.push(words.length >= 2 ? 'it looks like a product title' : 'it contains spaces');
  } else if (/["“”‘’«»&(),!?]/.test(key) && /\p{L}{3,}/u.test(key)) why.push('it looks like a product title');
  if (key.length > 64) why.push(`it is ${key.length} characters long`);
  return why;
}

/**
 * Every product key in a value: `productKey` and `product_id` fields at any depth.
 * @param {unknown} v
 * @param {Set<string>} [into]
 */
export function productKeys(v, into = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => productKeys(x, into));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'productKey' || k === 'product_id') && typeof x === 'string') into.add(x);
      else productKeys(x, into);
    }
  return into;
}
