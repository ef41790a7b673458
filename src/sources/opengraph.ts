import type { Evidence, SourceOptions } from '../types/evidence';
import { payload } from './schemaOrg';
import { meta } from './head';

/**
 * OpenGraph product tags: a product page when og:type is `product` (also `og:product`,
 * `product.item`, `product.group`) and a product key can be read: `product:retailer_item_id` for
 * sku / productID, `og:url` for url. Price: Facebook's `product:sale_price:amount`, else
 * `product:price:amount`, else Shopify's `og:price:amount`.
 */
export function readOpenGraph(doc: Document, opts: SourceOptions): Evidence {
  const ev: Evidence = { source: 'opengraph' };
  try {
    const m = (name: string) => meta(doc, name);
    if (!/^(og:)?product\b/.test((m('og:type') || '').trim().toLowerCase())) return ev;
    const id = m('product:retailer_item_id');
    const p = payload(
      {
        sku: id,
        productID: id,
        mpn: m('product:mfr_part_no'),
        gtin: m('product:gtin') || m('product:ean') || m('product:upc'),
        url: m('og:url') || opts.url,
        offers: {
          price: m('product:sale_price:amount') || m('product:price:amount') || m('og:price:amount'),
          availability: m('product:availability') || m('og:availability'),
        },
      },
      opts,
    );
    if (p) (ev.pageType = 'product'), (ev.product = p);
  } catch (e) {
    __DEBUG__ && opts.problem('source-failed', 'OpenGraph: ' + e);
  }
  return ev;
}
