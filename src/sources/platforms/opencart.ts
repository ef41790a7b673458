import type { Platform } from '../../types/platform';
import { text } from '../../lib/text';
import { found, pick, product } from './common';

/** Routes in PAGE_TYPES order (see pick). */
const ROUTES = 'product/product product/category checkout/cart checkout/checkout checkout/success common/home error/not_found product/search';

const route = (url: URL) => url.searchParams.get('route');

/**
 * OpenCart 3 and 4: the page type from `index.php?route=…`; with SEO URLs, from the page's
 * container, named after its route (`product-product`, `checkout-cart`; `product-info` in 4). On a
 * product page, the product id from the add-to-cart form (`product.twig`: `#product` in 3,
 * `#form-product` in 4) and the price in the heading beside it (the special price when there is one).
 */
/** Whether the page is opencart's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ doc, url }) => !!pick(ROUTES, [route(url)]) || !!(doc.head && doc.head.querySelector('[src*="catalog/view/"],[href*="catalog/view/"]'));

export const opencart: Platform = {
  name: 'opencart',
  // Every OpenCart theme loads its scripts and styles from catalog/view/ (`common/header.twig`).
  detect,
  page({ doc, url, o }) {
    const ids = ROUTES.replace(/[/_]/g, '-');
    const t = pick(ROUTES, [route(url)]) || pick(ids, ids.split(' ').filter((id) => doc.getElementById(id))) || (doc.getElementById('product-info') ? 'product' : undefined);
    // index.php?route=product/category&path=20_27: the category id is the last; SEO URLs name it in the path (the model's fallback).
    if (t !== 'product') return found(t, text((url.searchParams.get('path') || '').split('_').pop()), undefined);
    const id = doc.querySelector<HTMLInputElement>('#product input[name=product_id],#form-product input[name=product_id]');
    const price = doc.querySelector('#content ul.list-unstyled h2');
    const p = product(o, url, undefined, id && id.value, price && price.textContent);
    return p ? { pageType: t, product: p } : { pageType: t };
  },
};
