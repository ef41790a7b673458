import type { CartItem, OrderItem, ProductPagePayload } from '../schema/events';
import type { PageType } from '../lib/pageTypes';
import type { Identity } from './identity';
import type { Report } from './problems';

/**
 * What one source (the `data-yespo-*` attributes, JSON-LD, microdata, OpenGraph, the dataLayer, a
 * platform adapter) says about the page. Sources only read; page/model.ts folds their evidence by
 * precedence.
 */
export interface Evidence {
  /** Short name for debug output: 'data-yespo-*', 'json-ld', 'microdata', 'opengraph', 'dataLayer', 'shopify', … */
  source: string;
  /** The page type this source supports, if it has a view on it. */
  pageType?: PageType;
  /** The page's main product (only when it is the page's subject, never a widget or list item). */
  product?: ProductPagePayload;
  /** The category key of a category page. */
  category?: string;
  /** The name of the page's last breadcrumb (for `categoryKey: 'breadcrumb'`). */
  crumb?: string;
  search?: { query?: string; found?: 0 | 1 };
  /** A search page by its own marker (`data-yespo-search`), not by a result count alone. */
  searchPage?: boolean;
  order?: { number: string; items: OrderItem[] };
  /** The current cart; undefined when this source does not know it. */
  cart?: CartItem[];
  customer?: Identity;
  /** Tolerances used to read it, for the audit and the debug build (e.g. "offers read as offers"). */
  notes?: string[];
}

/** Options a source needs from the config. */
export interface SourceOptions {
  /** Which field becomes productKey, in order of preference (config `productKey`). */
  productKey: Array<'sku' | 'productID' | 'mpn' | 'gtin' | 'id' | 'url'>;
  /** Currency when the data gives none (config `currency`). */
  currency?: string;
  /** The page URL (for `?variant=` selection, canonical comparisons). */
  url: string;
  /** Debug line naming the block/element and what is wrong. */
  problem: Report;
}
