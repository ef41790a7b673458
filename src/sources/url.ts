import { PAGE_TYPES, type PageType } from '../lib/pageTypes';
import { text } from '../lib/text';

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const trimSlash = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

/** Does a path match a rule? `*` is any run of characters; a trailing slash never matters. */
export function matchPath(path: string, rule: string): boolean {
  const re = new RegExp('^' + escape(trimSlash(rule)).replace(/\*/g, '.*') + '$', 'i');
  return re.test(trimSlash(path || '/'));
}

/** The page type the `pages` rules give a path; when several match, the most specific (longest) rule wins. */
export function urlPageType(path: string, pages: Partial<Record<PageType, string[]>>): PageType | undefined {
  let best: PageType | undefined;
  let len = -1;
  for (const t of PAGE_TYPES)
    for (const r of pages[t] || [])
      if (matchPath(path, r) && r.replace(/\*/g, '').length > len) {
        best = t;
        len = r.replace(/\*/g, '').length;
      }
  return best;
}

/** The search query from the first configured URL parameter that has one. */
export function urlSearchQuery(search: string, params: string[]): string | undefined {
  try {
    const q = new URLSearchParams(search);
    for (const p of params) {
      const v = text(q.get(p));
      if (v) return v;
    }
  } catch {
    /* a malformed query string has no search */
  }
  return undefined;
}

/**
 * A search results URL by the common conventions: `/search` (Shopify, BigCommerce, most themes),
 * `/catalogsearch/result` (Magento), WordPress's `/?s=` — with a query in one of the `params`.
 */
export function looksLikeSearch(path: string, search: string, params: string[]): boolean {
  return !!urlSearchQuery(search, params) && (/\/(search|catalogsearch\/result)(\/|\.|$)/i.test(path) || (path === '/' && /[?&]s=/.test(search)));
}

/** `sc_content` of a URL: which recommendation block a visit came through. */
export function scContent(search: string): string | undefined {
  try {
    return text(new URLSearchParams(search).get('sc_content'));
  } catch {
    return undefined;
  }
}

/** HTTP status of the document's own response (Navigation Timing), when the browser reports it. */
export function navigationStatus(): number | undefined {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { responseStatus?: number };
    return (nav && nav.responseStatus) || undefined;
  } catch {
    return undefined;
  }
}

/** A URL (absolute or relative to `base`), or false when it is not one. */
export const parse = (u: unknown, base: string) => {
  try {
    return typeof u === 'string' && new URL(u, base);
  } catch {
    return false;
  }
};

/** The last segment of a path, without a trailing slash or `.html`. */
export const lastSegment = (path: string) => text((/([^/]+?)(\.html?)?\/*$/i.exec(path) || [])[1]);

/**
 * The last path segment of a URL without query, fragment or `.html`, URI-decoded: the `id` / `url`
 * product key and the category key.
 */
export function segment(u: unknown, base: string): string | undefined {
  const p = parse(u, base);
  try {
    // WordPress paginates archives as /product-category/hoodies/page/2/.
    return p ? lastSegment(decodeURIComponent(p.pathname.replace(/(\/page\/\d+)?\/*$/, ''))) : undefined;
  } catch {
    return undefined;
  }
}
