import type { Platform } from '../../types/platform';
import { text } from '../../lib/text';
import { classValue, found, pick } from './common';

/** Storefront controller/action pairs in PAGE_TYPES order (see pick). */
const TYPES = 'product/index navigation/index checkout/cartpage checkout/confirmpage checkout/finishpage navigation/home - search/search';

/**
 * Shopware 6 names every storefront page by its controller and action in the body classes
 * (`base.html.twig`: `is-ctl-product is-act-index`). The product is in its microdata
 * (`buy-widget.html.twig`, read by the microdata reader); a category's key comes from its canonical
 * link, its SEO URL (the page model's fallback).
 */
const type = (cls: string[]) => pick(TYPES, [classValue(cls, /^is-ctl-(.+)/) + '/' + classValue(cls, /^is-act-(.+)/)]);

/** Whether the page is shopware's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ cls }) => !!type(cls);

export const shopware: Platform = {
  name: 'shopware',
  detect,
  page({ doc, cls }) {
    const t = type(cls);
    const el = t === 'purchase' && doc.querySelector('.finish-ordernumber');
    // finish-details.html.twig: the order number as data-order-number (the text is translated).
    return found(t, undefined, text(el && el.getAttribute('data-order-number')));
  },
};
