import { cartEvents, setCartEvents } from '../events/cartEvents';
import { once } from '../events/once';
import { readCart, readOrder } from '../sources/attributeLines';

/**
 * The cart's and the order's events — StatusCart, PurchasedItems (exactly once across tabs),
 * `setCart`'s input — and their data-yespo-* lines.
 */
export const cart = { cartEvents, setCartEvents, once, readCart, readOrder };
