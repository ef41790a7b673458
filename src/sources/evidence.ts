import type { CartItem, OrderItem, ProductPagePayload } from '../schema/events';
import type { PageType } from '../lib/pageTypes';
import type { Identity } from '../events/identity';

/**
 * What one structured-data source (JSON-LD, microdata, OpenGraph, dataLayer, a platform adapter)
 * says about the page. Sources only read; page/model.ts merges their evidence by precedence.
 */
export interface Evidence {
  /** Short name for debug output: 'json-ld', 'microdata', 'opengraph', 'dataLayer', 'shopify', … */
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
  order?: { number: string; items: OrderItem[] };
  cart?: CartItem[];
  customer?: Identity;
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
  problem: (msg: string) => void;
}
