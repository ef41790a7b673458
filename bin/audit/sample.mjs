// @ts-check
// Page kinds: URL patterns from the first path segments, so a shop's thousands of product pages
// become one kind (`/products/*`) that a sample stands for.

/**
 * The page kind of a URL:
 * `/` → `/`; `/cart` → `/cart`; `/fusion-backpack.html` → `/*.html`;
 * `/products/fusion` → `/products/*`; `/zero/product/tee` → `/zero/product/*` (two segments kept
 * when there are three or more; a segment of digits only becomes `*`).
 * @param {string} url
 */
export function pageKind(url) {
  let path;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0];
  }
  const segs = path.split('/').filter(Boolean);
  const seg = (/** @type {string} */ s) => (/^\d+$/.test(s) ? '*' : s);
  if (!segs.length) return '/';
  if (segs.length === 1) {
    const ext = /\.([a-z0-9]{1,5})$/i.exec(segs[0]);
    return ext ? `/*.${ext[1].toLowerCase()}` : `/${seg(segs[0])}`;
  }
  if (segs.length === 2) return `/${seg(segs[0])}/*`;
  return `/${seg(segs[0])}/${seg(segs[1])}/*`;
}

/**
 * Decides page by page, in the order offered: at most `perKind` pages of each kind (0: no
 * sampling) and `max` pages in all.
 * @param {number} perKind
 * @param {number} max
 */
export function sampler(perKind, max) {
  /** @type {Map<string, number>} */
  const kinds = new Map();
  let taken = 0;
  const skipped = { sample: 0, limit: 0 };
  /** @param {string} url */
  const take = (url) => {
    const kind = pageKind(url);
    const n = kinds.get(kind) || 0;
    if (perKind > 0 && n >= perKind) return skipped.sample++, false;
    if (taken >= max) return skipped.limit++, false;
    kinds.set(kind, n + 1);
    taken++;
    return true;
  };
  return { take, skipped };
}

/**
 * @param {string[]} urls
 * @param {number} perKind
 * @param {number} max
 */
export function sampleUrls(urls, perKind, max) {
  const s = sampler(perKind, max);
  const picked = urls.filter(s.take);
  return { picked, skipped: s.skipped };
}
