import type { ProductPagePayload } from '../schema/events';
import { describe } from '../lib/describe';
import { pick } from '../lib/obj';
import type { Report } from '../types/problems';
import { A, attr, readProduct } from './attributeParts';

/**
 * The product a `data-yespo-wishlist` button adds: its own value, else the nearest
 * `data-yespo-product` around it, else the page's product.
 */
export function readWishlist(btn: Element, pageProduct: ProductPagePayload | undefined, problem: Report) {
  const key = attr(btn, 'wishlist');
  const holder = btn.closest('[' + A + 'product]');
  const holderKey = holder && attr(holder, 'product');
  let p: ProductPagePayload | undefined;
  if (holder && (!key || key === holderKey)) p = readProduct(holder, problem);
  else if (pageProduct && (!key || key === pageProduct.productKey)) p = pageProduct;
  else if (key) p = readProduct(btn, problem, key);
  if (!p) return __DEBUG__ && problem('click-no-product', `${describe(btn)}: no product key (give the button a value or put it inside data-yespo-product)`), undefined;
  return wishlistOf(p);
}

/** The AddToWishlist body for a product: its key, price and stock, without tags. */
export const wishlistOf = (p: ProductPagePayload) => pick(p, ['productKey', 'price', 'isInStock']);
