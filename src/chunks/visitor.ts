import { learn } from '../lib/identity';
import { readCustomerForm } from '../sources/forms';
import { readWishlist } from '../sources/wishlist';

/**
 * Who the visitor is and what they do that the page's markup asks to hear: an identity to learn
 * (config `user`, `data-yespo-customer`, `yespo.identify`, a customer form), a customer form's
 * fields, a wishlist click. The core file loads it where a page has any of them.
 */
export const visitor = { learn, readCustomerForm, readWishlist };
