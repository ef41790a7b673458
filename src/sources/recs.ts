import type { ResolvedConfig } from '../config/types';
import { describe } from '../lib/describe';
import { text } from '../lib/text';
import type { ProductPagePayload } from '../schema/events';
import type { Report } from '../types/problems';
import { linkScContent } from './attributes';
import { readProduct } from './attributeParts';

type Recs = ResolvedConfig['impressions'];

/**
 * Where a recommendation item sits: its block, and the two ids a block can carry — the block's
 * container attribute, and the `sc_content` Yespo's widget puts in the item's link.
 */
export function recPlace(item: Element, block: Element | null, o: Recs) {
  return { attr: block ? text(block.getAttribute(o.containerAttr)) : undefined, link: linkScContent(item) };
}

/**
 * A `data-yespo-add-to-cart` click in a recommendation item: the item's product, and `s_location`
 * — the eS.JS document asks for the sc_content of the item's link, else the block's container type.
 */
export function readRecAddToCart(btn: Element, o: Recs, problem: Report): { product: ProductPagePayload; loc?: string } | undefined {
  let item: Element | null = null;
  try {
    item = btn.closest(o.itemSelector);
  } catch {
    /* an invalid selector was reported when impressions started */
  }
  const key = item && text(item.getAttribute(o.productAttr));
  const product = item && key ? readProduct(item, problem, key) : undefined;
  if (!product) return __DEBUG__ && problem('click-no-product', `${describe(btn)}: not inside a recommendation item with a product id`), undefined;
  const at = recPlace(item!, item!.closest(o.blockSelector), o);
  return { product, loc: at.link || at.attr };
}
