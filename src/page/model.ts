import type { ResolvedConfig } from '../config';
import type { PageType } from '../lib/pageTypes';
import { readAttributes, type Found, type Problem } from '../sources/attributes';
import { navigationStatus, urlPageType, urlSearchQuery } from '../sources/url';

/** Everything the tracker knows about the page it is on. */
export interface PageModel extends Found {
  type: PageType;
  /** Which signal decided the type, for debug output. */
  typeFrom: string;
}

/**
 * Decides the page type. Order: an explicit `data-yespo-page`; an HTTP 404 response; the entity
 * attributes (order → purchase, search, product, category); the `pages` URL rules; else `other`.
 */
export function readPage(doc: Document, loc: Location, cfg: ResolvedConfig, problem: Problem, status = navigationStatus()): PageModel {
  const f = readAttributes(doc, problem, cfg.currency);
  let type: PageType | undefined = f.pageType;
  let typeFrom = 'data-yespo-page';
  const pick = (t: PageType | undefined, from: string) => {
    if (!type && t) {
      type = t;
      typeFrom = from;
    }
  };
  pick(status === 404 ? '404' : undefined, 'HTTP status 404');
  pick(f.order ? 'purchase' : undefined, 'data-yespo-order');
  pick(f.searchPage ? 'search' : undefined, 'data-yespo-search');
  pick(f.product ? 'product' : undefined, 'data-yespo-product');
  pick(f.category ? 'category' : undefined, 'data-yespo-category');
  pick(urlPageType(loc.pathname, cfg.pages), 'URL rule');
  pick('other', 'no signal');
  const model: PageModel = { ...f, type: type as PageType, typeFrom };
  if (model.type === 'search') {
    const s = (model.search = model.search || {});
    if (!s.query) s.query = urlSearchQuery(loc.search, cfg.search.params);
  }
  return model;
}
