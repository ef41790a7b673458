// @ts-check
// Sitemaps (sitemaps.org): a `<urlset>` of page addresses or a `<sitemapindex>` of further sitemaps,
// any namespace prefix, plain or gzipped (the fetcher unpacks); also the plain-text form, one URL a line.

export class SitemapError extends Error {}

const ENTITIES = /** @type {Record<string, string>} */ ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });

/** @param {string} s */
function xmlText(s) {
  const cdata = /^\s*<!\[CDATA\[([^]*?)\]\]>\s*$/.exec(s);
  if (cdata) return cdata[1].trim();
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ENTITIES[e] ?? m))
    .trim();
}

/**
 * The addresses a sitemap lists. `index`: they are sitemaps; `urlset` and `text`: they are pages.
 * Throws SitemapError for anything that is not a well-formed sitemap.
 * @param {string} text
 * @returns {{ type: 'index' | 'urlset' | 'text', locs: string[] }}
 */
export function parseSitemap(text) {
  const body = text.replace(/^\uFEFF/, '').replace(/<!--[^]*?-->/g, '').trim();
  if (!body.startsWith('<')) {
    const lines = body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length && lines.every((l) => /^https?:\/\/\S+$/i.test(l))) return { type: 'text', locs: lines };
    throw new SitemapError('not a sitemap: neither XML nor one URL a line');
  }
  // The root element, after the XML declaration and any doctype or processing instructions.
  const root = /^(?:<\?[^]*?\?>\s*|<!DOCTYPE[^>]*>\s*)*<(?:([\w.-]+):)?([\w.-]+)[\s>/]/i.exec(body);
  if (!root) throw new SitemapError('not well-formed XML: no root element');
  const [, prefix = '', name] = root;
  if (name !== 'urlset' && name !== 'sitemapindex') throw new SitemapError(`not a sitemap: the root element is <${prefix ? prefix + ':' : ''}${name}>, not <urlset> or <sitemapindex>`);
  const p = prefix ? prefix + ':' : '';
  if (!new RegExp(`</${p}${name}\\s*>\\s*$`).test(body)) throw new SitemapError(`not well-formed XML: <${p}${name}> is not closed (a cut-off file?)`);
  // Only <loc> in the sitemap's own namespace: image and video extensions have their own <image:loc>.
  const locs = [];
  for (const m of body.matchAll(new RegExp(`<${p}loc(?:\\s[^>]*)?>([^]*?)</${p}loc\\s*>`, 'g'))) {
    const loc = xmlText(m[1]);
    if (loc) locs.push(loc);
  }
  return { type: name === 'urlset' ? 'urlset' : 'index', locs };
}

/**
 * @typedef {object} SitemapLimits
 * @property {number} [maxUrls] stop collecting past this many page URLs
 * @property {number} [maxFiles] read at most this many sitemap files
 */

/**
 * Page URLs of a sitemap, following sitemap indexes (breadth first, each file once).
 * @param {string} url
 * @param {(url: string) => Promise<string>} get the file's text (gzip already unpacked)
 * @param {SitemapLimits} [limits]
 */
export async function readSitemaps(url, get, { maxUrls = 50_000, maxFiles = 200 } = {}) {
  /** @type {string[]} */
  const urls = [];
  /** @type {Array<{ url: string, message: string }>} */
  const errors = [];
  const files = [];
  const queue = [url];
  const seen = new Set(queue);
  while (queue.length && files.length < maxFiles && urls.length < maxUrls) {
    const file = /** @type {string} */ (queue.shift());
    files.push(file);
    let map;
    try {
      map = parseSitemap(await get(file));
    } catch (e) {
      errors.push({ url: file, message: String((e && /** @type {Error} */ (e).message) || e) });
      continue;
    }
    for (const loc of map.locs) {
      const abs = absolute(loc, file);
      if (!abs) continue;
      if (map.type !== 'index') urls.push(abs);
      else if (!seen.has(abs)) seen.add(abs), queue.push(abs);
    }
  }
  return { urls: [...new Set(urls)].slice(0, maxUrls), files, errors };
}

/**
 * An http(s) address, relative ones resolved against the sitemap's own.
 * @param {string} loc
 * @param {string} base
 */
function absolute(loc, base) {
  try {
    const u = new URL(loc, base);
    u.hash = '';
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}
