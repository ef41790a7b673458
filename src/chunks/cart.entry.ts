import { cart } from './cart';
import { register } from './load';

// The core file's cart chunk: StatusCart and PurchasedItems, loaded where a page has a cart or an order, or calls setCart.
register('cart', cart);
