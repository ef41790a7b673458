/**
 * The demo shop's platform carts: the cart endpoints of Shopify, WooCommerce, Magento 2,
 * PrestaShop and BigCommerce, answered the way each platform answers them, with one cart per
 * visitor (cookie `demo_cart`) and platform, in memory. The zero-config pages under
 * `/zero/{shopify,woo,magento,prestashop,bigcommerce}/…` load a small "theme" script each
 * (`public/platforms/*.js`) that makes the platform's real requests; the tracker only watches.
 *
 * Response shapes follow the platforms' own references:
 * - Shopify Ajax API: https://shopify.dev/docs/api/ajax/reference/cart
 * - WooCommerce Store API: woocommerce/woocommerce `plugins/woocommerce/src/StoreApi/Schemas/V1/CartSchema.php`,
 *   `CartItemSchema.php`; classic AJAX: `plugins/woocommerce/includes/class-wc-ajax.php`
 * - Magento 2: magento/magento2 `app/code/Magento/Checkout/CustomerData/Cart.php`, `DefaultItem.php`,
 *   `app/code/Magento/Customer/CustomerData/Customer.php`, `Controller/Section/Load.php`
 * - PrestaShop 1.7/8: PrestaShop/PrestaShop `controllers/front/CartController.php` (displayAjaxUpdate),
 *   `src/Adapter/Presenter/Cart/CartPresenter.php`
 * - BigCommerce: https://developer.bigcommerce.com/docs/rest-storefront/carts (Storefront Carts API),
 *   bigcommerce/stencil-utils `src/api/cart.js` (the theme's /remote/v1/cart/* requests)
 *
 * Test hooks (opt-in, for the end-to-end flows):
 * - `POST /__demo/reset-carts` empties the caller's carts, orders and sign-ins (`?all=1`: every visitor's);
 *   `GET /__demo/carts` shows the caller's raw state.
 * - `?delay=MS` on an add request, or the cookie `demo_cart_delay=MS`, holds the add for MS ms (at most
 *   10 s) before the cart changes and the answer goes out, so two adds can overlap.
 * - The cookie `demo_cart_fail=500|html|json` makes each platform's cart *read* endpoint answer a 500,
 *   an HTML page or malformed JSON (Shopify `GET /cart.js`, the Store API `GET …/cart`, Magento's
 *   section load, BigCommerce `GET /api/storefront/carts`).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const COOKIE = 'demo_cart';
const MAX_DELAY = 10_000;

// ---------------------------------------------------------------------------------------------
// Catalogs: 2–3 products per platform.

/** Shopify: product and variant ids, SKUs and cent prices of the tee page's ShopifyAnalytics.meta. */
const SHOPIFY_PRODUCTS = [
  {
    id: 7000000000001, handle: 'shopify-tee', title: 'Classic Tee – Black', vendor: 'Demo Apparel', type: 'T-Shirt',
    variants: [
      { id: 40000000000001, sku: 'TEE-BLK-S', title: 'S', price: 2500, available: true },
      { id: 40000000000002, sku: 'TEE-BLK-M', title: 'M', price: 2500, available: true },
      { id: 40000000000003, sku: 'TEE-BLK-L', title: 'L', price: 2500, available: false },
    ],
  },
  {
    // An automatic discount takes $2.00 off each pack: the line's final price differs from its price.
    id: 7000000000002, handle: 'shopify-socks', title: 'Rib Socks (3 pack)', vendor: 'Demo Apparel', type: 'Socks',
    variants: [{ id: 40000000000011, sku: 'SOCK-RIB-3', title: 'Default Title', price: 1200, compareAt: 1500, available: true }],
    discount: { title: 'Sock drawer deal', each: 200 },
  },
];
const SHOPIFY_CURRENCY = 'USD';

/** WooCommerce: the sandal is on sale (regular 45.00, sale 36.00). Prices in cents. */
const WOO_PRODUCTS = [
  { id: 101, slug: 'trail-runner', name: 'Trail Runner', sku: 'WC-TR-101', regular: 8900, sale: null },
  { id: 102, slug: 'leather-sandal', name: 'Leather Sandal', sku: 'WC-LS-102', regular: 4500, sale: 3600 },
];

/** Magento 2 (Luma sample data). */
const MAGENTO_PRODUCTS = [
  { id: 1, sku: '24-MB01', name: 'Joust Duffle Bag', price: 34, url: '/zero/product/magento-bag' },
  { id: 2, sku: '24-MB04', name: 'Strive Shoulder Pack', price: 32, url: '/zero/product/magento-backpack' },
  { id: 3, sku: '24-MB03', name: 'Crown Summit Backpack', price: 38, url: '/zero/product/magento-tote' },
];

/** PrestaShop (classic demo data), EUR; the t-shirt has a 20 % specific price. */
const PRESTA_PRODUCTS = [
  {
    id: 1, slug: 'hummingbird-printed-t-shirt', name: 'Hummingbird printed t-shirt', reference: 'demo_1', regular: 23.9, price: 19.12,
    attributes: [{ id: 1, name: 'S' }, { id: 2, name: 'M' }],
  },
  { id: 11, slug: 'mug-the-best-is-yet-to-come', name: 'Mug The best is yet to come', reference: 'demo_11', regular: 11.9, price: 11.9, attributes: [] },
];
const PRESTA_TOKEN = '3c5a2e9b1f0d4c7e8a6b2d4f6e8a0c1b';

/** BigCommerce (Cornerstone sample data), USD. */
const BC_PRODUCTS = [
  { id: 80, variantId: 64, slug: 'orbit-terrarium-large', name: '[Sample] Orbit Terrarium - Large', sku: 'OTL', price: 109, brand: 'OFS' },
  { id: 86, variantId: 70, slug: 'chemex-coffeemaker-3-cup', name: '[Sample] Chemex Coffeemaker 3 Cup', sku: 'CC3C', price: 49.5, brand: 'Chemex' },
];

// ---------------------------------------------------------------------------------------------
// Visitors

/** visitor id → state; one cart per platform. */
const visitors = new Map();
let orderSeq = 100;

function freshState() {
  return {
    shopify: { token: randomBytes(16).toString('hex'), note: '', lines: [] },
    woo: { lines: [], billing: {}, orders: {} },
    magento: { lines: [], nextItem: 1, maskedId: randomBytes(16).toString('hex'), customer: null, lastOrder: null },
    presta: { lines: [], idCart: 0, customer: null, orders: {} },
    bc: { cartId: null, lines: [] },
  };
}

function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The visitor's state; a new visitor gets the `demo_cart` cookie on this answer. */
function visitorOf(req, res) {
  let id = readCookie(req, COOKIE);
  if (!id || !/^[0-9a-f]{16,64}$/.test(id)) {
    id = randomBytes(12).toString('hex');
    appendCookie(res, `${COOKIE}=${id}; Path=/; SameSite=Lax`);
  }
  if (!visitors.has(id)) visitors.set(id, freshState());
  return visitors.get(id);
}

function appendCookie(res, value) {
  const old = res.getHeader('Set-Cookie');
  res.setHeader('Set-Cookie', old ? [].concat(old, value) : [value]);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const md5 = (s) => createHash('md5').update(String(s)).digest('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const money = (n, sym = '$') => `${sym}${Number(n).toFixed(2)}`;
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON for inside a `<script>`. */
const scriptJson = (v) => JSON.stringify(v).replace(/</g, '\\u003c');
const int = (v, d = 0) => {
  const n = Number.parseInt(String(v ?? ''), 10);
  return Number.isFinite(n) ? n : d;
};

function sendRaw(req, res, status, type, body, headers = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}
const json = (req, res, status, value, headers) => sendRaw(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);

/** The visitor's `demo_cart_fail` mode answers a cart read: true when it did. */
function failedRead(req, res) {
  const mode = readCookie(req, 'demo_cart_fail');
  if (mode === '500') return json(req, res, 500, { message: 'Internal Server Error (demo_cart_fail)' }), true;
  if (mode === 'html') return sendRaw(req, res, 200, 'text/html; charset=utf-8', '<!doctype html><title>Maintenance</title><h1>We’ll be right back</h1>\n'), true;
  if (mode === 'json') return sendRaw(req, res, 200, 'application/json; charset=utf-8', '{"items": [{"id": 1, "quantity": '), true;
  return false;
}

/** `?delay=` on the request, else the `demo_cart_delay` cookie. */
async function addDelay(req, url) {
  const ms = Math.min(MAX_DELAY, Math.max(0, int(url.searchParams.get('delay') ?? readCookie(req, 'demo_cart_delay'), 0)));
  if (ms) await sleep(ms);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The request's parameters: the query string, then the body (JSON, form-encoded or multipart
 * FormData). Repeated form keys and `a[b]`-style keys stay flat strings; `items` of a JSON body stays as is.
 */
async function params(req, url) {
  const out = Object.fromEntries(url.searchParams);
  if (req.method === 'GET' || req.method === 'HEAD') return out;
  const text = await readBody(req);
  const type = String(req.headers['content-type'] ?? '');
  if (!text) return out;
  if (type.includes('application/json') || /^\s*[[{]/.test(text)) {
    try {
      const body = JSON.parse(text);
      return body && typeof body === 'object' && !Array.isArray(body) ? { ...out, ...body } : out;
    } catch {
      return { ...out, __invalid: true };
    }
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (boundary) {
    for (const part of text.split(`--${boundary[1] || boundary[2]}`)) {
      const m = /name="([^"]*)"[^]*?\r\n\r\n([^]*?)\r\n$/.exec(part);
      if (m) out[m[1]] = m[2];
    }
    return out;
  }
  return { ...out, ...Object.fromEntries(new URLSearchParams(text)) };
}

// ---------------------------------------------------------------------------------------------
// Shopify Ajax API

const shopifyVariant = (id) => {
  for (const p of SHOPIFY_PRODUCTS) for (const v of p.variants) if (String(v.id) === String(id)) return { p, v };
  return undefined;
};
const shopifyKey = (variantId) => `${variantId}:${md5(`props:${variantId}`)}`;

function shopifyItem(line) {
  const { p, v } = shopifyVariant(line.variantId);
  const q = line.quantity;
  const off = p.discount ? p.discount.each : 0;
  const allocated = off * q;
  const single = p.variants.length === 1;
  return {
    id: v.id,
    properties: {},
    quantity: q,
    variant_id: v.id,
    key: shopifyKey(v.id),
    title: single ? p.title : `${p.title} - ${v.title}`,
    price: v.price,
    original_price: v.price,
    presentment_price: v.price / 100,
    discounted_price: v.price - off,
    line_price: v.price * q,
    original_line_price: v.price * q,
    total_discount: allocated,
    discounts: p.discount ? [{ amount: allocated, title: p.discount.title }] : [],
    sku: v.sku,
    grams: 220,
    vendor: p.vendor,
    taxable: true,
    product_id: p.id,
    product_has_only_default_variant: single,
    gift_card: false,
    final_price: v.price - off,
    final_line_price: (v.price - off) * q,
    url: `/zero/product/${p.handle}?variant=${v.id}`,
    featured_image: { aspect_ratio: 1, alt: p.title, height: 1200, url: `https://demo-shop.example/cdn/shop/products/${p.handle}.jpg`, width: 1200 },
    image: `https://demo-shop.example/cdn/shop/products/${p.handle}.jpg`,
    handle: p.handle,
    requires_shipping: true,
    product_type: p.type,
    product_title: p.title,
    product_description: '',
    variant_title: single ? null : v.title,
    variant_options: [single ? 'Default Title' : v.title],
    options_with_values: [{ name: single ? 'Title' : 'Size', value: single ? 'Default Title' : v.title }],
    line_level_discount_allocations: p.discount
      ? [{
          amount: allocated,
          discount_application: {
            type: 'automatic', key: md5(p.discount.title).slice(0, 12), title: p.discount.title, description: null,
            value: (off / 100).toFixed(1), created_at: '2024-01-01T00:00:00.000Z', value_type: 'fixed_amount',
            allocation_method: 'each', target_selection: 'entitled', target_type: 'line_item', total_allocated_amount: allocated,
          },
        }]
      : [],
    line_level_total_discount: allocated,
    has_components: false,
  };
}

function shopifyCart(s) {
  const items = s.lines.map(shopifyItem);
  const sum = (k) => items.reduce((t, i) => t + i[k], 0);
  return {
    token: `${s.token}?key=${md5(s.token).slice(0, 32)}`,
    note: s.note,
    attributes: {},
    original_total_price: sum('original_line_price'),
    total_price: sum('final_line_price'),
    total_discount: sum('total_discount'),
    total_weight: items.reduce((t, i) => t + i.grams * i.quantity, 0),
    item_count: sum('quantity'),
    items,
    requires_shipping: items.length > 0,
    currency: SHOPIFY_CURRENCY,
    items_subtotal_price: sum('final_line_price'),
    cart_level_discount_applications: [],
  };
}

const shopifyError = (req, res, status, description, message = 'Cart Error') => json(req, res, status, { status, message, description });

/** One variant into the cart, or the Ajax API's 422 description. */
function shopifyAddOne(s, id, quantity) {
  const found = shopifyVariant(id);
  if (!found) return { error: [404, 'Cannot find variant'] };
  if (!found.v.available) return { error: [422, `The product '${found.p.title} - ${found.v.title}' is already sold out.`] };
  const q = Math.max(1, int(quantity, 1));
  let line = s.lines.find((l) => l.variantId === found.v.id);
  if (line) line.quantity += q;
  else s.lines.push((line = { variantId: found.v.id, quantity: q }));
  return { line };
}

/** `line` (1-based) or `id` (a line key or a variant id) → the line's index, or -1. */
function shopifyLineIndex(s, p) {
  if (p.line !== undefined && p.line !== '') {
    const n = int(p.line, 0);
    return n >= 1 && n <= s.lines.length ? n - 1 : -1;
  }
  const id = String(p.id ?? '');
  return s.lines.findIndex((l) => shopifyKey(l.variantId) === id || String(l.variantId) === id);
}

async function shopify(req, res, url, op) {
  const s = visitorOf(req, res).shopify;
  if (!op) {
    if (failedRead(req, res)) return;
    return json(req, res, 200, shopifyCart(s));
  }
  const p = await params(req, url);
  if (p.__invalid) return shopifyError(req, res, 400, 'The request body is not valid JSON.', 'Bad Request');
  if (op === 'add') {
    await addDelay(req, url);
    const wantsJson = url.pathname.endsWith('.js') || /javascript|json/.test(String(req.headers.accept ?? '')) || req.headers['x-requested-with'];
    // `items: [{id, quantity}]` (JSON), or a single `id` + `quantity` (the product form's FormData).
    const list = Array.isArray(p.items) ? p.items : [{ id: p.id, quantity: p.quantity }];
    const added = [];
    const before = JSON.stringify(s.lines);
    for (const it of list) {
      const r = shopifyAddOne(s, it && it.id, it && it.quantity);
      if (r.error) {
        s.lines = JSON.parse(before);
        return wantsJson ? shopifyError(req, res, r.error[0], r.error[1]) : redirect(res, '/zero/shopify/cart');
      }
      added.push(shopifyItem(r.line));
    }
    if (!wantsJson) return redirect(res, '/zero/shopify/cart');
    return json(req, res, 200, Array.isArray(p.items) ? { items: added } : added[0]);
  }
  if (op === 'change') {
    const i = shopifyLineIndex(s, p);
    if (i < 0) return json(req, res, 400, { status: 'bad_request', message: 'no valid id or line parameter', description: 'no valid id or line parameter' });
    const q = int(p.quantity, NaN);
    if (!(q >= 0)) return json(req, res, 400, { status: 'bad_request', message: 'Parameter Missing or Invalid', description: 'Required parameter missing or invalid: quantity' });
    if (q === 0) s.lines.splice(i, 1);
    else s.lines[i].quantity = q;
    return json(req, res, 200, shopifyCart(s));
  }
  if (op === 'update') {
    if (typeof p.note === 'string') s.note = p.note;
    const u = p.updates;
    const pairs = Array.isArray(u) ? u.map((q, i) => [i, q, true]) : u && typeof u === 'object' ? Object.entries(u).map(([k, q]) => [k, q, false]) : [];
    for (const [k, q, byIndex] of pairs) {
      const n = Math.max(0, int(q, 0));
      const i = byIndex ? (k < s.lines.length ? k : -1) : s.lines.findIndex((l) => String(l.variantId) === String(k) || shopifyKey(l.variantId) === k);
      if (i >= 0) s.lines[i].quantity = n;
      else if (!byIndex && n > 0) shopifyAddOne(s, k, n);
    }
    s.lines = s.lines.filter((l) => l.quantity > 0);
    return json(req, res, 200, shopifyCart(s));
  }
  if (op === 'clear') {
    s.lines = [];
    s.note = '';
    return json(req, res, 200, shopifyCart(s));
  }
}

function redirect(res, location) {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

// ---------------------------------------------------------------------------------------------
// WooCommerce: classic wc-ajax endpoints and the Store API (blocks)

const wooProduct = (id) => WOO_PRODUCTS.find((p) => String(p.id) === String(id));
const wooKey = (id) => md5(`wc-cart-item:${id}`);
const wooPrice = (p) => (p.sale ?? p.regular);
const cents = (n) => String(Math.round(n));
const WOO_CURRENCY = {
  currency_code: 'USD', currency_symbol: '$', currency_minor_unit: 2, currency_decimal_separator: '.',
  currency_thousand_separator: ',', currency_prefix: '$', currency_suffix: '',
};

function wooItem(line) {
  const p = wooProduct(line.productId);
  const price = wooPrice(p);
  return {
    key: wooKey(p.id),
    id: p.id,
    type: 'simple',
    quantity: line.quantity,
    quantity_limits: { minimum: 1, maximum: 9999, multiple_of: 1, editable: true },
    name: p.name,
    short_description: '',
    description: '',
    sku: p.sku,
    low_stock_remaining: null,
    backorders_allowed: false,
    show_backorder_badge: false,
    sold_individually: false,
    permalink: `/zero/woo/product/${p.slug}/`,
    images: [],
    variation: [],
    item_data: [],
    prices: {
      price: cents(price),
      regular_price: cents(p.regular),
      sale_price: cents(price),
      price_range: null,
      ...WOO_CURRENCY,
      raw_prices: { precision: 6, price: String(price * 10000), regular_price: String(p.regular * 10000), sale_price: String(price * 10000) },
    },
    totals: { line_subtotal: cents(price * line.quantity), line_subtotal_tax: '0', line_total: cents(price * line.quantity), line_total_tax: '0', ...WOO_CURRENCY },
    catalog_visibility: 'visible',
    extensions: {},
  };
}

function wooAddress(b, billing) {
  const a = { first_name: '', last_name: '', company: '', address_1: '', address_2: '', city: '', state: '', postcode: '', country: 'US', ...b };
  return billing ? { ...a, email: b.email ?? '', phone: b.phone ?? '' } : { ...a, phone: b.phone ?? '' };
}

function wooCart(w) {
  const items = w.lines.map(wooItem);
  const total = items.reduce((t, i) => t + Number(i.totals.line_total), 0);
  const { email, ...shipping } = w.billing;
  return {
    items,
    coupons: [],
    fees: [],
    totals: {
      total_items: cents(total), total_items_tax: '0', total_fees: '0', total_fees_tax: '0', total_discount: '0', total_discount_tax: '0',
      total_shipping: null, total_shipping_tax: null, total_price: cents(total), total_tax: '0', tax_lines: [], ...WOO_CURRENCY,
    },
    shipping_address: wooAddress(shipping, false),
    billing_address: wooAddress(w.billing, true),
    needs_payment: items.length > 0,
    needs_shipping: items.length > 0,
    payment_requirements: ['products'],
    has_calculated_shipping: false,
    shipping_rates: [],
    items_count: items.reduce((t, i) => t + i.quantity, 0),
    items_weight: 0,
    cross_sells: [],
    errors: [],
    payment_methods: ['bacs', 'cod'],
    extensions: {},
  };
}

const wooHash = (w) => (w.lines.length ? md5(JSON.stringify(w.lines)) : '');

/** The cookies WooCommerce keeps beside its session (`wc_setcookie` in class-wc-cart-session.php). */
function wooCookies(res, w) {
  const n = w.lines.reduce((t, l) => t + l.quantity, 0);
  if (n) {
    appendCookie(res, 'woocommerce_items_in_cart=1; Path=/; SameSite=Lax');
    appendCookie(res, `woocommerce_cart_hash=${wooHash(w)}; Path=/; SameSite=Lax`);
  } else {
    appendCookie(res, 'woocommerce_items_in_cart=; Path=/; Max-Age=0');
    appendCookie(res, 'woocommerce_cart_hash=; Path=/; Max-Age=0');
  }
}

/** The mini-cart widget, as `woocommerce_mini_cart()` prints it, for the classic fragments. */
function wooMiniCart(w) {
  if (!w.lines.length) return '<div class="widget_shopping_cart_content"><p class="woocommerce-mini-cart__empty-message">No products in the cart.</p></div>';
  const rows = w.lines.map((l) => {
    const p = wooProduct(l.productId);
    const key = wooKey(p.id);
    return `<li class="woocommerce-mini-cart-item mini_cart_item"><a href="/zero/woo/cart?remove_item=${key}" class="remove remove_from_cart_button" aria-label="Remove ${esc(p.name)} from cart" data-product_id="${p.id}" data-cart_item_key="${key}" data-product_sku="${esc(p.sku)}">×</a> <a href="/zero/woo/product/${p.slug}/">${esc(p.name)}</a> <span class="quantity">${l.quantity} × <span class="woocommerce-Price-amount amount"><bdi>${money(wooPrice(p) / 100)}</bdi></span></span></li>`;
  });
  const total = w.lines.reduce((t, l) => t + wooPrice(wooProduct(l.productId)) * l.quantity, 0);
  return `<div class="widget_shopping_cart_content"><ul class="woocommerce-mini-cart cart_list product_list_widget">${rows.join('')}</ul><p class="woocommerce-mini-cart__total total"><strong>Subtotal:</strong> <span class="woocommerce-Price-amount amount"><bdi>${money(total / 100)}</bdi></span></p><p class="woocommerce-mini-cart__buttons buttons"><a href="/zero/woo/cart" class="button wc-forward">View cart</a> <a href="/zero/woo/checkout" class="button checkout wc-forward">Checkout</a></p></div>`;
}

const wooFragments = (w) => ({
  fragments: { 'div.widget_shopping_cart_content': wooMiniCart(w), 'span.cart-contents-count': `<span class="cart-contents-count">${w.lines.reduce((t, l) => t + l.quantity, 0)}</span>` },
  cart_hash: wooHash(w),
});

function wooAdd(w, id, quantity) {
  const p = wooProduct(id);
  if (!p) return false;
  const q = Math.max(1, int(quantity, 1));
  const line = w.lines.find((l) => l.productId === p.id);
  if (line) line.quantity += q;
  else w.lines.push({ productId: p.id, quantity: q });
  return true;
}

async function wooAjax(req, res, url, endpoint) {
  const w = visitorOf(req, res).woo;
  const p = await params(req, url);
  if (endpoint === 'add_to_cart') {
    await addDelay(req, url);
    if (!wooAdd(w, p.product_id, p.quantity)) return json(req, res, 200, { error: true, product_url: '/zero/woo/cart' });
    wooCookies(res, w);
    return json(req, res, 200, wooFragments(w));
  }
  if (endpoint === 'remove_from_cart') {
    const i = w.lines.findIndex((l) => wooKey(l.productId) === p.cart_item_key);
    if (i < 0) return json(req, res, 200, { error: true });
    w.lines.splice(i, 1);
    wooCookies(res, w);
    return json(req, res, 200, wooFragments(w));
  }
  if (endpoint === 'get_refreshed_fragments') return json(req, res, 200, wooFragments(w));
  if (endpoint === 'checkout') {
    const missing = ['billing_first_name', 'billing_last_name', 'billing_email'].filter((k) => !String(p[k] ?? '').trim());
    if (!w.lines.length) missing.unshift('cart');
    if (missing.length) return json(req, res, 200, { result: 'failure', messages: `<ul class="woocommerce-error" role="alert"><li>${missing.map(esc).join(', ')}: required.</li></ul>`, refresh: false, reload: false });
    w.billing = {
      first_name: p.billing_first_name, last_name: p.billing_last_name, email: p.billing_email,
      phone: p.billing_phone ?? '', city: p.billing_city ?? '',
    };
    const number = ++orderSeq;
    w.orders[number] = { number, key: `wc_order_${randomBytes(6).toString('hex')}`, items: w.lines.map(wooItem), billing: { ...w.billing }, date: new Date() };
    w.lines = [];
    wooCookies(res, w);
    return json(req, res, 200, { result: 'success', order_id: number, redirect: `/zero/woo/checkout/order-received/${number}/?key=${w.orders[number].key}` });
  }
  return json(req, res, 200, -1);
}

async function wooStore(req, res, url, route) {
  const w = visitorOf(req, res).woo;
  const headers = { Nonce: md5(`nonce:${readCookie(req, COOKIE)}`).slice(0, 10), 'Nonce-Timestamp': String(Math.floor(Date.now() / 1000)) };
  if (route === 'cart' && (req.method === 'GET' || req.method === 'HEAD')) {
    if (failedRead(req, res)) return;
    return json(req, res, 200, wooCart(w), headers);
  }
  if (req.method !== 'POST') return json(req, res, 405, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
  const p = await params(req, url);
  const fail = (status, code, message) => json(req, res, status, { code, message, data: { status, cart: wooCart(w) } }, headers);
  if (route === 'cart/add-item') {
    await addDelay(req, url);
    if (!wooAdd(w, p.id, p.quantity)) return fail(400, 'woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.');
    wooCookies(res, w);
    return json(req, res, 201, wooCart(w), headers);
  }
  const i = w.lines.findIndex((l) => wooKey(l.productId) === p.key);
  if (route === 'cart/update-item' || route === 'cart/remove-item') {
    if (i < 0) return fail(409, 'woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.');
    const q = route === 'cart/remove-item' ? 0 : Math.max(0, int(p.quantity, 0));
    if (q === 0) w.lines.splice(i, 1);
    else w.lines[i].quantity = q;
    wooCookies(res, w);
    return json(req, res, 200, wooCart(w), headers);
  }
  return json(req, res, 404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
}

// ---------------------------------------------------------------------------------------------
// Magento 2: the add-to-cart controller, the sidebar controllers, and the customer sections

const magentoProduct = (id) => MAGENTO_PRODUCTS.find((p) => String(p.id) === String(id));
const MAGENTO_FORM_KEY = 'k8J2mZr0Qp7Tn4Ex';
const magentoPriceHtml = (n) => `\n\n<span class="price-wrapper ">\n<span class="price-excluding-tax" data-label="Excl.&#x20;Tax">\n<span class="minicart-price">\n<span class="price">${money(n)}</span></span>\n</span>\n</span>\n`;

function magentoSections(m, names) {
  const all = !names.length || names.includes('*');
  const want = (n) => all || names.includes(n);
  const dataId = Math.floor(Date.now() / 1000);
  const out = {};
  if (want('cart')) {
    const lines = m.lines.slice().reverse();
    const subtotal = m.lines.reduce((t, l) => t + magentoProduct(l.productId).price * l.qty, 0);
    out.cart = {
      summary_count: m.lines.reduce((t, l) => t + l.qty, 0),
      subtotalAmount: subtotal,
      subtotal: `<span class="price">${money(subtotal)}</span>`,
      possible_onepage_checkout: true,
      items: lines.map((l) => {
        const p = magentoProduct(l.productId);
        return {
          product_type: 'simple', options: [], qty: l.qty, item_id: String(l.itemId),
          configure_url: `/checkout/cart/configure/id/${l.itemId}/product_id/${p.id}/`, is_visible_in_site_visibility: true,
          product_id: String(p.id), product_name: p.name, product_sku: p.sku, product_url: p.url, product_has_url: true,
          product_price: magentoPriceHtml(p.price), product_price_value: p.price,
          product_image: { src: `/media/catalog/product/cache/1/thumbnail/75x75/${p.sku.toLowerCase()}.jpg`, alt: p.name, width: 75, height: 75 },
          canApplyMsrp: false, message: '',
        };
      }),
      extra_actions: '',
      isGuestCheckoutAllowed: true,
      website_id: '1',
      storeId: '1',
      subtotal_incl_tax: `<span class="price">${money(subtotal)}</span>`,
      subtotal_excl_tax: `<span class="price">${money(subtotal)}</span>`,
      data_id: dataId,
    };
  }
  if (want('customer')) {
    const c = m.customer;
    out.customer = c ? { fullname: `${c.firstname} ${c.lastname}`, firstname: c.firstname, websiteId: '1', data_id: dataId } : { data_id: dataId };
  }
  if (want('last-ordered-items')) {
    const o = m.lastOrder;
    out['last-ordered-items'] = { items: o ? o.items.map((i) => ({ id: String(i.itemId), name: i.name, url: i.url, is_saleable: true, product_id: String(i.productId) })) : [], data_id: dataId };
  }
  if (want('messages')) out.messages = { messages: [], data_id: dataId };
  if (want('directory-data')) out['directory-data'] = { data_id: dataId };
  if (want('checkout-data')) out['checkout-data'] = { data_id: dataId };
  return out;
}

function magentoFormKeyOk(req, p) {
  const key = String(p.form_key ?? '');
  return key === MAGENTO_FORM_KEY || (key !== '' && key === readCookie(req, 'form_key'));
}

async function magento(req, res, url, path) {
  const m = visitorOf(req, res).magento;
  if (path === '/customer/section/load') {
    if (failedRead(req, res)) return;
    const names = String(url.searchParams.get('sections') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return json(req, res, 200, magentoSections(m, names));
  }
  const p = await params(req, url);
  const add = /^\/checkout\/cart\/add(?:\/product\/(\d+))?$/.exec(path);
  if (add) {
    await addDelay(req, url);
    if (!magentoFormKeyOk(req, p)) return json(req, res, 200, { backUrl: p.uenc ? '/zero/product/magento-bag' : '/' });
    const prod = magentoProduct(p.product ?? add[1]);
    if (!prod) return json(req, res, 200, { backUrl: '/' });
    const qty = Math.max(1, int(p.qty, 1));
    const line = m.lines.find((l) => l.productId === prod.id);
    if (line) line.qty += qty;
    else m.lines.push({ itemId: m.nextItem++, productId: prod.id, qty });
    // Luma's catalog-add-to-cart.js takes an empty JSON answer as success.
    return json(req, res, 200, []);
  }
  if (path === '/checkout/sidebar/updateItemQty' || path === '/checkout/sidebar/removeItem') {
    if (!magentoFormKeyOk(req, p)) return json(req, res, 200, { success: false, error_message: 'Invalid Form Key. Please refresh the page.' });
    const i = m.lines.findIndex((l) => String(l.itemId) === String(p.item_id));
    if (i < 0) return json(req, res, 200, { success: false, error_message: 'We can\'t find the quote item.' });
    const qty = path.endsWith('removeItem') ? 0 : int(p.item_qty, NaN);
    if (!(qty >= 0)) return json(req, res, 200, { success: false, error_message: 'The qty is not valid.' });
    if (qty === 0) m.lines.splice(i, 1);
    else m.lines[i].qty = qty;
    return json(req, res, 200, { success: true });
  }
  if (path === '/customer/ajax/login') {
    if (String(p.username ?? '').trim() === '' || String(p.password ?? '') === '') return json(req, res, 200, { errors: true, message: 'Invalid login or password.' });
    // Luma's sample customer, or a name made from the address.
    const local = String(p.username).split('@')[0].split(/[._-]/).filter(Boolean);
    const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
    const known = String(p.username).toLowerCase() === 'roni_cost@example.com';
    m.customer = { email: String(p.username), firstname: known ? 'Veronica' : cap(local[0] || 'Guest'), lastname: known ? 'Costello' : cap(local[1] || 'Customer') };
    return json(req, res, 200, { errors: false, message: 'Login successful.' });
  }
  if (path === '/customer/ajax/logout') {
    m.customer = null;
    return json(req, res, 200, { message: 'Logout Successful' });
  }
  const place = /^\/rest\/[\w-]+\/V1\/(?:guest-carts\/([^/]+)|carts\/mine)\/payment-information$/.exec(path);
  if (place) {
    if (place[1] === undefined && !m.customer) return json(req, res, 401, { message: 'The consumer isn\'t authorized to access %resources.', parameters: { resources: 'self' } });
    if (place[1] !== undefined && place[1] !== m.maskedId) return json(req, res, 404, { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'cartId', fieldValue: place[1] } });
    if (!m.lines.length) return json(req, res, 400, { message: 'The shipping address is missing. Set the address and try again.' });
    const entity = ++orderSeq;
    m.lastOrder = {
      entity, increment: String(entity).padStart(9, '0'), email: String(p.email ?? p.billingAddress?.email ?? ''),
      items: m.lines.map((l) => ({ ...magentoProduct(l.productId), productId: l.productId, itemId: l.itemId, qty: l.qty })),
      signedIn: !!m.customer,
    };
    m.lines = [];
    m.maskedId = randomBytes(16).toString('hex');
    return json(req, res, 200, String(entity));
  }
  return json(req, res, 404, { message: 'Request does not match any route.' });
}

// ---------------------------------------------------------------------------------------------
// PrestaShop 1.7/8: CartController's ajax update and the presented cart

const prestaProduct = (id) => PRESTA_PRODUCTS.find((p) => String(p.id) === String(id));
const eur = (n) => `€${Number(n).toFixed(2)}`;
const prestaCartUrl = '/zero/prestashop/cart';

function prestaLine(l) {
  const p = prestaProduct(l.idProduct);
  const attr = p.attributes.find((a) => a.id === l.idAttr);
  const q = `id_product=${p.id}&id_product_attribute=${l.idAttr}&token=${PRESTA_TOKEN}`;
  return {
    id_product: String(p.id),
    id_product_attribute: String(l.idAttr),
    id_customization: '0',
    id_shop: '1',
    name: p.name,
    reference: p.reference,
    category: 'men',
    attributes: attr ? { Size: attr.name } : {},
    attributes_small: attr ? attr.name : '',
    price: eur(p.price),
    price_amount: p.price,
    price_wt: p.price,
    price_without_reduction: p.regular,
    regular_price: eur(p.regular),
    regular_price_amount: p.regular,
    has_discount: p.price !== p.regular,
    discount_type: p.price !== p.regular ? 'percentage' : null,
    discount_percentage: p.price !== p.regular ? '-20%' : null,
    quantity: l.quantity,
    cart_quantity: String(l.quantity),
    total: eur(p.price * l.quantity),
    total_wt: Math.round(p.price * l.quantity * 100) / 100,
    url: `/zero/prestashop/product/${p.slug}${l.idAttr ? `#/1-size-${attr ? attr.name.toLowerCase() : ''}` : ''}`,
    canonical_url: `/zero/prestashop/product/${p.slug}`,
    remove_from_cart_url: `${prestaCartUrl}?delete=1&${q}`,
    up_quantity_url: `${prestaCartUrl}?update=1&${q}&op=up`,
    down_quantity_url: `${prestaCartUrl}?update=1&${q}&op=down`,
    update_quantity_url: `${prestaCartUrl}?update=1&${q}`,
  };
}

function prestaCart(ps) {
  const products = ps.lines.map(prestaLine);
  const total = Math.round(products.reduce((t, p) => t + p.price_amount * p.quantity, 0) * 100) / 100;
  const count = products.reduce((t, p) => t + p.quantity, 0);
  const amount = (type, label, value) => ({ type, label, amount: value, value: eur(value) });
  return {
    products,
    totals: { total: amount('total', 'Total', total), total_including_tax: amount('total', 'Total (tax incl.)', total), total_excluding_tax: amount('total', 'Total (tax excl.)', total) },
    subtotals: { products: amount('products', 'Subtotal', total), discounts: null, shipping: amount('shipping', 'Shipping', 0), tax: null },
    products_count: count,
    summary_string: count === 1 ? '1 item' : `${count} items`,
    labels: { tax_short: '(tax incl.)', tax_long: '(tax included)' },
    id_address_delivery: 0,
    id_address_invoice: 0,
    is_virtual: false,
    vouchers: { allowed: 0, added: [] },
    discounts: [],
    minimalPurchase: 0,
    minimalPurchaseRequired: '',
  };
}

function prestaCustomer(c) {
  if (!c) return { lastname: null, firstname: null, email: null, birthday: null, newsletter: null, is_logged: false, gender: { type: null, name: null }, addresses: [] };
  return { id: c.id, lastname: c.lastname, firstname: c.firstname, email: c.email, birthday: '0000-00-00', newsletter: '0', id_default_group: '2', is_logged: true, is_guest: '1', gender: { type: null, name: null }, addresses: [] };
}

async function prestaUpdate(req, res, url) {
  const ps = visitorOf(req, res).presta;
  const p = await params(req, url);
  const answer = (extra) => json(req, res, 200, { success: true, id_product: String(p.id_product ?? ''), id_product_attribute: String(p.id_product_attribute ?? '0'), id_customization: '0', quantity: 0, ...extra, cart: prestaCart(ps), errors: '', hasError: false });
  const error = (msg) => json(req, res, 200, { hasError: true, errors: [msg], quantity: 0 });
  if (p.action === 'refresh') return answer({});
  if (p.token !== PRESTA_TOKEN) return error('Invalid token.');
  const prod = prestaProduct(p.id_product);
  if (!prod) return error('This product is no longer available.');
  const attr = prod.attributes.length ? int(p.id_product_attribute, prod.attributes[0].id) : 0;
  if (prod.attributes.length && !prod.attributes.some((a) => a.id === attr)) return error('This combination does not exist for this product.');
  const i = ps.lines.findIndex((l) => l.idProduct === prod.id && l.idAttr === attr);
  if (!ps.idCart) ps.idCart = ++orderSeq;
  if (p.add) {
    await addDelay(req, url);
    const q = Math.max(1, int(p.qty, 1));
    if (i >= 0) ps.lines[i].quantity += q;
    else ps.lines.push({ idProduct: prod.id, idAttr: attr, quantity: q });
    return answer({ quantity: q });
  }
  if (i < 0) return error('This product is not in your cart.');
  if (p.delete) {
    ps.lines.splice(i, 1);
    return answer({});
  }
  if (p.update) {
    const q = Math.max(0, int(p.qty, 1));
    const n = p.op === 'down' ? ps.lines[i].quantity - q : p.op === 'up' ? ps.lines[i].quantity + q : q;
    if (n <= 0) ps.lines.splice(i, 1);
    else ps.lines[i].quantity = n;
    return answer({ quantity: q });
  }
  return error('Unknown cart action.');
}

/** ps_wirepayment's validation controller: the order from the cart, then order-confirmation. */
async function prestaValidate(req, res, url) {
  const ps = visitorOf(req, res).presta;
  const p = await params(req, url);
  if (!ps.lines.length) return redirect(res, prestaCartUrl);
  const email = String(p.email ?? '').trim();
  if (email) ps.customer = { id: ps.customer?.id ?? String(++orderSeq), email, firstname: String(p.firstname ?? '').trim(), lastname: String(p.lastname ?? '').trim() };
  const id = ++orderSeq;
  const reference = randomBytes(5).toString('hex').toUpperCase().replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[d]).slice(0, 9);
  ps.orders[id] = { id, reference, idCart: ps.idCart, cart: prestaCart(ps) };
  const idCart = ps.idCart;
  ps.lines = [];
  ps.idCart = 0;
  return redirect(res, `/zero/prestashop/order-confirmation?id_cart=${idCart}&id_module=34&id_order=${id}&key=${md5(`key:${id}`)}`);
}

// ---------------------------------------------------------------------------------------------
// BigCommerce: stencil-utils' /remote/v1/cart/* and the Storefront Carts API

const bcProduct = (id) => BC_PRODUCTS.find((p) => String(p.id) === String(id));

function bcCart(b, withOptions) {
  const items = b.lines.map((l) => {
    const p = bcProduct(l.productId);
    const item = {
      id: l.id, parentId: null, variantId: p.variantId, productId: p.id, sku: p.sku, name: p.name,
      url: `/zero/bigcommerce/product/${p.slug}/`, quantity: l.quantity, brand: p.brand, isTaxable: true,
      imageUrl: `https://cdn11.bigcommerce.com/s-demo/products/${p.id}/images/1/${p.slug}.jpg`, discounts: [], discountAmount: 0, couponAmount: 0,
      originalPrice: p.price, listPrice: p.price, salePrice: p.price, extendedListPrice: p.price * l.quantity, extendedSalePrice: p.price * l.quantity,
      isShippingRequired: true, type: 'physical', giftWrapping: null, isMutable: true,
    };
    if (withOptions) item.options = [];
    return item;
  });
  const amount = items.reduce((t, i) => t + i.extendedSalePrice, 0);
  return {
    id: b.cartId, customerId: 0, email: '', currency: { name: 'US Dollars', code: 'USD', symbol: '$', decimalPlaces: 2 },
    isTaxIncluded: false, baseAmount: amount, discountAmount: 0, cartAmount: amount, coupons: [], discounts: [],
    lineItems: { physicalItems: items, digitalItems: [], giftCertificates: [], customItems: [] },
    createdTime: b.created, updatedTime: new Date().toISOString(), locale: 'en',
  };
}

async function bigcommerce(req, res, url, path) {
  const b = visitorOf(req, res).bc;
  if (path === '/api/storefront/carts' || path === '/api/storefront/cart') {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(req, res, 405, { status: 405, title: 'Method not allowed' });
    if (failedRead(req, res)) return;
    const withOptions = /lineItems\.physicalItems\.options/.test(url.searchParams.get('include') ?? '');
    const carts = b.lines.length ? [bcCart(b, withOptions)] : [];
    return json(req, res, 200, path.endsWith('carts') ? carts : carts[0] ?? null);
  }
  const p = await params(req, url);
  if (path === '/remote/v1/cart/add') {
    await addDelay(req, url);
    const prod = bcProduct(p.product_id);
    if (!prod) return json(req, res, 200, { data: { error: 'Please select a product.' }, status: 'error' });
    const q = Math.max(1, int(p['qty[]'] ?? p.qty, 1));
    if (!b.cartId) {
      b.cartId = randomUUID();
      b.created = new Date().toISOString();
    }
    let line = b.lines.find((l) => l.productId === prod.id);
    if (line) line.quantity += q;
    else b.lines.push((line = { id: randomUUID(), productId: prod.id, quantity: q }));
    return json(req, res, 200, {
      data: {
        cart_id: b.cartId,
        cart_item: { hash: md5(`${prod.id}`), id: line.id, product_id: prod.id, quantity: line.quantity, variant_id: prod.variantId, sku: prod.sku, name: prod.name },
      },
    });
  }
  if (path === '/remote/v1/cart/update' || path === '/remote/v1/cart/remove') {
    // stencil-utils sends `items: [{id, quantity}]` (itemRemove is an update to 0); `/remove` takes `item_id`.
    const items = Array.isArray(p.items) ? p.items : [{ id: p.item_id ?? p.id, quantity: path.endsWith('remove') ? 0 : p.quantity ?? p.qty }];
    for (const it of items) {
      const i = b.lines.findIndex((l) => l.id === String(it && it.id));
      if (i < 0) return json(req, res, 200, { data: { status: 'failed', errors: ['The cart item could not be found.'] } });
      const q = path.endsWith('remove') ? 0 : Math.max(0, int(it.quantity, 0));
      if (q === 0) b.lines.splice(i, 1);
      else b.lines[i].quantity = q;
    }
    if (!b.lines.length) b.cartId = null;
    return json(req, res, 200, { data: { status: 'succeed' } });
  }
  return json(req, res, 404, { status: 404, title: 'Not found' });
}

// ---------------------------------------------------------------------------------------------
// Routing

/** Cart endpoints: method + path → an async answer. */
function route(req, url) {
  const path = url.pathname.replace(/(.)\/+$/, '$1');
  const method = req.method;
  const q = url.searchParams;
  // WooCommerce answers wc-ajax on any path; plain permalinks reach the Store API through rest_route.
  if (q.has('wc-ajax') && method === 'POST') return (res) => wooAjax(req, res, url, q.get('wc-ajax'));
  const rest = path.startsWith('/wp-json/') ? path.slice('/wp-json'.length) : q.get('rest_route');
  const store = rest && /^\/wc\/store(?:\/v1)?\/(cart(?:\/[\w-]+)?)\/?$/.exec(rest);
  if (store) return (res) => wooStore(req, res, url, store[1]);
  // Shopify, with or without a locale prefix (/en-gb/cart.js), `.js` or `.json`, and Dawn's bare /cart/add.
  const sh = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/cart(?:\/(add|change|update|clear))?(\.js|\.json)?$/i.exec(path);
  if (sh && (sh[2] || (sh[1] && method === 'POST'))) {
    if (!sh[1] && (method === 'GET' || method === 'HEAD')) return (res) => shopify(req, res, url, '');
    if (sh[1] && method === 'POST') return (res) => shopify(req, res, url, sh[1].toLowerCase());
  }
  if (path === '/customer/section/load' && (method === 'GET' || method === 'HEAD')) return (res) => magento(req, res, url, path);
  if (method === 'POST' && (/^\/checkout\/(cart\/add|sidebar\/)/.test(path) || /^\/customer\/ajax\/log(in|out)$/.test(path) || /^\/rest\/[\w-]+\/V1\/(guest-carts|carts\/mine)\//.test(path)))
    return (res) => magento(req, res, url, path);
  // PrestaShop: the cart controller by friendly URL (/cart, the demo's /zero/prestashop/cart) or index.php?controller=cart.
  if (method === 'POST' && (path === '/cart' || path === prestaCartUrl || (path === '/index.php' && q.get('controller') === 'cart'))) return (res) => prestaUpdate(req, res, url);
  if (method === 'POST' && path === '/module/ps_wirepayment/validation') return (res) => prestaValidate(req, res, url);
  if (path.startsWith('/remote/v1/cart/') && method === 'POST') return (res) => bigcommerce(req, res, url, path);
  if (path === '/api/storefront/carts' || path === '/api/storefront/cart') return (res) => bigcommerce(req, res, url, path);
  if (path === '/__demo/reset-carts' && method === 'POST') return (res) => resetCarts(req, res, url);
  if (path === '/__demo/carts' && method === 'GET') return (res) => json(req, res, 200, visitorOf(req, res));
  return undefined;
}

function resetCarts(req, res, url) {
  req.resume();
  if (url.searchParams.get('all') === '1') visitors.clear();
  else {
    const id = readCookie(req, COOKIE);
    if (id) visitors.delete(id);
  }
  // The browser's WooCommerce cookies go with the cart.
  appendCookie(res, 'woocommerce_items_in_cart=; Path=/; Max-Age=0');
  appendCookie(res, 'woocommerce_cart_hash=; Path=/; Max-Age=0');
  return json(req, res, 200, { ok: true });
}

/**
 * Answers a platform cart request. Returns true when the request was one (the answer may still be
 * on its way), false when the caller should handle it.
 */
export function handlePlatformCart(req, res, url) {
  const answer = route(req, url);
  if (!answer) return false;
  Promise.resolve()
    .then(() => answer(res))
    .catch((error) => {
      console.error(error);
      if (!res.headersSent) json(req, res, 500, { message: 'Internal error' });
    });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Pages: what the platforms' templates print from the server's state

/** Zero-config page paths with a path parameter → the page's path in the server's ZERO list. */
export function platformPagePath(path) {
  if (/^\/zero\/woo\/checkout\/order-received\/\d+$/.test(path)) return '/zero/woo/checkout/order-received';
  return undefined;
}

/** The page paths this module renders (for the server's ZERO list). */
export const PLATFORM_PAGES = [
  ['/en-gb/zero/product/shopify-tee', 'product-shopify-tee.html'],
  ['/zero/product/shopify-socks', 'product-shopify-socks.html'],
  ['/zero/shopify/cart', 'shopify-cart.html'],
  ...WOO_PRODUCTS.map((p) => [`/zero/woo/product/${p.slug}`, 'woo-product.html']),
  ['/zero/woo/checkout', 'woo-checkout.html'],
  ['/zero/woo/checkout/order-received', 'woo-order-received.html'],
  ['/zero/product/magento-backpack', 'product-magento-backpack.html'],
  ['/zero/magento/checkout', 'magento-checkout.html'],
  ['/zero/magento/checkout/onepage/success', 'magento-success.html'],
  ...PRESTA_PRODUCTS.map((p) => [`/zero/prestashop/product/${p.slug}`, 'prestashop-product.html']),
  ['/zero/prestashop/cart', 'prestashop-cart.html'],
  ['/zero/prestashop/order', 'prestashop-checkout.html'],
  ['/zero/prestashop/order-confirmation', 'prestashop-order-confirmation.html'],
  ...BC_PRODUCTS.map((p) => [`/zero/bigcommerce/product/${p.slug}`, 'bigcommerce-product.html']),
  ['/zero/bigcommerce/cart', 'bigcommerce-cart.html'],
];

/** `{{name}}` placeholders of a platform page → values; unknown names are left alone. */
const fill = (html, vars) => html.replace(/\{\{(\w+)\}\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

/**
 * A zero-config page as the platform's templates print it for this visitor: the product of the
 * URL, the server-side cart or order where the platform prints one. Pages of other sections pass
 * through unchanged.
 */
export function fillPlatformPage(req, res, url, html) {
  const path = url.pathname.replace(/(.)\/+$/, '$1');
  if (path === '/en-gb/zero/product/shopify-tee') {
    // Shopify prints the market's locale prefix into Shopify.routes.root and Dawn's window.routes.
    return html
      .replace('Shopify.routes.root = "/";', 'Shopify.routes.root = "/en-gb/";')
      .replace('Shopify.locale = "en";', 'Shopify.locale = "en-GB";')
      .replace(/(cart_(?:add|change|update)_url: ')\/cart/g, '$1/en-gb/cart');
  }
  let m = /^\/zero\/woo\/product\/([\w-]+)$/.exec(path);
  if (m) {
    const p = WOO_PRODUCTS.find((x) => x.slug === m[1]);
    if (!p) return html;
    return fill(html, {
      id: p.id, slug: p.slug, name: esc(p.name), sku: esc(p.sku),
      price: (wooPrice(p) / 100).toFixed(2),
      priceHtml: p.sale ? `<del aria-hidden="true"><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&#36;</span>${(p.regular / 100).toFixed(2)}</bdi></span></del> <ins><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&#36;</span>${(p.sale / 100).toFixed(2)}</bdi></span></ins>` : `<span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&#36;</span>${(p.regular / 100).toFixed(2)}</bdi></span>`,
      saleClass: p.sale ? ' sale' : '',
    });
  }
  m = /^\/zero\/woo\/checkout\/order-received\/(\d+)$/.exec(path);
  if (m) {
    const w = visitorOf(req, res).woo;
    const o = w.orders[m[1]];
    const rows = o ? o.items.map((i) => `<tr class="woocommerce-table__line-item order_item"><td class="woocommerce-table__product-name product-name"><a href="${i.permalink}">${esc(i.name)}</a> <strong class="product-quantity">&times;&nbsp;${i.quantity}</strong></td><td class="woocommerce-table__product-total product-total"><span class="woocommerce-Price-amount amount"><bdi>${money(Number(i.totals.line_total) / 100)}</bdi></span></td></tr>`).join('') : '';
    const total = o ? o.items.reduce((t, i) => t + Number(i.totals.line_total), 0) / 100 : 0;
    return fill(html, {
      number: esc(m[1]), email: esc(o ? o.billing.email : ''), total: money(total), rows,
      date: (o ? o.date : new Date()).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }),
    });
  }
  if (path === '/zero/magento/checkout' || path === '/zero/magento/checkout/onepage/success' || path === '/zero/product/magento-bag' || path === '/zero/product/magento-backpack') {
    const mg = visitorOf(req, res).magento;
    const o = mg.lastOrder;
    return fill(html, {
      maskedId: mg.maskedId,
      // Magento_Checkout's success.phtml: a link for a signed-in customer's order, a span for a guest's.
      orderNumber: !o ? '' : o.signedIn
        ? `<p>Your order number is: <a href="/sales/order/view/order_id/${o.entity}/" class="order-number"><strong>${o.increment}</strong></a>.</p>`
        : `<p>Your order # is: <span>${o.increment}</span>.</p>`,
      orderEmail: esc(o ? o.email : ''),
    });
  }
  if (path.startsWith('/zero/prestashop/')) return fillPresta(req, res, url, path, html);
  m = /^\/zero\/bigcommerce\/product\/([\w-]+)$/.exec(path);
  if (m) {
    const p = BC_PRODUCTS.find((x) => x.slug === m[1]);
    if (!p) return html;
    return fill(html, { id: p.id, slug: p.slug, name: esc(p.name), sku: esc(p.sku), price: p.price.toFixed(2), priceValue: p.price, brand: esc(p.brand) });
  }
  return html;
}

function fillPresta(req, res, url, path, html) {
  const ps = visitorOf(req, res).presta;
  const pageName = { '/zero/prestashop/cart': 'cart', '/zero/prestashop/order': 'checkout', '/zero/prestashop/order-confirmation': 'order-confirmation' }[path] ?? 'product';
  const slug = (/^\/zero\/prestashop\/product\/([\w-]+)$/.exec(path) || [])[1];
  const p = slug && PRESTA_PRODUCTS.find((x) => x.slug === slug);
  const order = pageName === 'order-confirmation' ? ps.orders[url.searchParams.get('id_order') ?? ''] : undefined;
  const front = {
    cart: prestaCart(ps),
    currency: { id: 1, name: 'Euro', iso_code: 'EUR', iso_code_num: '978', sign: '€' },
    customer: prestaCustomer(ps.customer),
    language: { name: 'English (English)', iso_code: 'en', locale: 'en-US', language_code: 'en-us', is_rtl: '0', id: 1 },
    page: {
      title: '', canonical: null, meta: { title: '', description: '', keywords: '', robots: 'index' },
      page_name: pageName, body_classes: { [`page-${pageName}`]: true, 'lang-en': true },
      admin_notifications: [],
    },
    shop: { name: 'Demo shop', logo: '/img/logo.png' },
    urls: {
      base_url: '/', current_url: url.pathname + url.search,
      pages: { cart: prestaCartUrl, order: '/zero/prestashop/order', order_confirmation: '/zero/prestashop/order-confirmation', index: '/zero/' },
    },
    configuration: { display_taxes_label: false, is_catalog: false, show_prices: true, opt_in: { partner: true }, quantity_discount: { type: 'discount', label: 'Unit discount' }, voucher_enabled: 0, return_enabled: 0 },
    field_required: [],
    static_token: PRESTA_TOKEN,
    token: md5(`tok:${readCookie(req, COOKIE)}`),
  };
  const vars = { prestashop: scriptJson(front), pageName, token: PRESTA_TOKEN };
  if (p) {
    Object.assign(vars, {
      id: p.id, slug: p.slug, name: esc(p.name), reference: esc(p.reference), price: eur(p.price), priceAmount: p.price.toFixed(2),
      regular: p.price !== p.regular ? `<span class="regular-price">${eur(p.regular)}</span> <span class="discount discount-percentage">Save 20%</span>` : '',
      attrOptions: p.attributes.length
        ? `<div class="product-variants-item"><label class="control-label" for="group_1">Size</label> <select class="form-control form-control-select" id="group_1" aria-label="Size" data-product-attribute="1" name="group[1]">${p.attributes.map((a, i) => `<option value="${a.id}" title="${a.name}"${i === 0 ? ' selected' : ''}>${a.name}</option>`).join('')}</select></div>`
        : '',
      idAttr: p.attributes.length ? p.attributes[0].id : 0,
      productJson: scriptJson({ id_product: String(p.id), id_product_attribute: String(p.attributes.length ? p.attributes[0].id : 0), name: p.name, reference: p.reference, price_amount: p.price, quantity: 100 }),
    });
  }
  if (pageName === 'order-confirmation') {
    Object.assign(vars, {
      orderId: esc(url.searchParams.get('id_order') ?? ''),
      orderReference: order ? order.reference : '',
      orderRows: order ? order.cart.products.map((l) => `<div class="order-line row"><div class="col-sm-6 details"><span>${esc(l.name)}${l.attributes_small ? ` - Size : ${esc(l.attributes_small)}` : ''}</span></div><div class="col-sm-6 qty"><div class="row"><div class="col-xs-4 text-sm-center">${l.price}</div><div class="col-xs-4">${l.quantity}</div><div class="col-xs-4 text-xs-right bold">${l.total}</div></div></div></div>`).join('') : '',
      orderTotal: order ? order.cart.totals.total.value : '',
      orderEmail: esc(ps.customer ? ps.customer.email : ''),
    });
  }
  return fill(html, vars);
}
