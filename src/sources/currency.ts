import { text } from '../lib/text';

/**
 * The currency the page's structured data names (microdata `priceCurrency`, OpenGraph product
 * price tags), for carts that carry none (Magento's customer-data cart section). Read only when needed.
 */
export function pageCurrency(doc: Document): string | undefined {
  const el = doc.querySelector('meta[itemprop=priceCurrency][content],meta[property="product:price:currency"][content],meta[property="og:price:currency"][content]');
  return text(el && el.getAttribute('content'), 8);
}
