import type { ResolvedConfig } from '../config/types';
import type { Outgoing, PageModel } from '../types/model';
import type { Report } from '../types/problems';

/**
 * The one event a page view of this type sends (product, category, main, 404, search). Cart,
 * checkout and purchase pages are handled by the cart and order state. Pure: page model in,
 * event out.
 */
export function pageEvent(m: PageModel, cfg: ResolvedConfig, problem: Report): Outgoing | undefined {
  switch (m.type) {
    case 'product':
      if (m.product) return ['ProductPage', { ProductPage: m.product }];
      return __DEBUG__ && problem('page-key-missing', 'product page without a product key (data-yespo-product)'), undefined;
    case 'category':
      if (m.category) return ['CategoryPage', { CategoryPage: { categoryKey: m.category } }];
      return __DEBUG__ && problem('page-key-missing', 'category page without a category key (data-yespo-category)'), undefined;
    case 'main':
      return ['MainPage'];
    case '404':
      return ['NotFound'];
    case 'search': {
      const s = m.search;
      if (!s || !s.query) return __DEBUG__ && problem('page-key-missing', 'search page without a query (data-yespo-search or a URL parameter)'), undefined;
      if (cfg.search.onlyNotFound && s.found !== 0) return undefined;
      const body: { search: string; isFound?: 0 | 1 } = { search: s.query };
      if (s.found !== undefined) body.isFound = s.found;
      return ['SearchRequest', { SearchRequest: body }];
    }
  }
  return undefined;
}
