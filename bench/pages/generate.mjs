// @ts-check
// Deterministic generator of the benchmark pages. Every page has a `<!--TRACKER-->` marker just
// before `</body>`; the bench server replaces it with the variant's script tags.
//
//   node bench/pages/generate.mjs [outDir]   writes the pages (default bench/.build/pages)
//
// heavy.html       category page: 5,000 product tiles, 40 recommendation blocks x 20 items
//                  (data-yespo-recs="C_n", items data-yespo-rec-item="P_m"), a 5,000-item JSON-LD
//                  ItemList, a mini-cart; about 60k elements.
// product.html     a typical product page: one JSON-LD Product, a GA4 dataLayer view_item, specs,
//                  reviews and 36 tiles, no recommendation blocks; about 1,000 elements.
// spa.html         small single-page app: window.__benchNav(i) pushes /spa/p/<i> and re-renders the
//                  product and its recommendation block, then dispatches `bench:rendered`.
// cart-burst.html  a Shopify-like product page (window.Shopify, ShopifyAnalytics.meta) whose own
//                  script POSTs /cart/add.js 50 times at once after load, then sets __burstDone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEAVY = { tiles: 5000, blocks: 40, perBlock: 20, itemList: 5000 };
export const PRODUCT = { tiles: 36, specs: 40, reviews: 60 };
export const CART_BURST = { adds: 50, tiles: 20 };
const ORIGIN = 'https://shop.example';

/** mulberry32: the same numbers on every run. @param {number} seed */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Trail', 'Runner', 'Classic', 'Leather', 'Canvas', 'Suede', 'Merino', 'Light', 'Pro', 'Urban', 'Alpine', 'Street', 'Court', 'Retro', 'Knit', 'Waterproof'];
const KINDS = ['Sneaker', 'Boot', 'Loafer', 'Sandal', 'Jacket', 'Hoodie', 'Sock', 'Cap', 'Backpack', 'Belt'];
const sku = (/** @type {number} */ i) => 'SKU-' + String(i).padStart(5, '0');
const esc = (/** @type {unknown} */ s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** @typedef {{ sku: string, name: string, price: string, stock: boolean }} Item */

/** @param {number} n @param {number} seed @returns {Item[]} */
function catalog(n, seed) {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    sku: sku(i + 1),
    name: `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} ${KINDS[Math.floor(r() * KINDS.length)]}`,
    price: (9 + Math.floor(r() * 30000) / 100).toFixed(2),
    stock: r() > 0.1,
  }));
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #222; }
header, footer { padding: 12px 24px; background: #f4f4f4; }
nav ul { display: flex; flex-wrap: wrap; gap: 8px 16px; list-style: none; margin: 0; padding: 0; }
.grid { display: grid; grid-template-columns: repeat(5, 1fr); gap: 16px; list-style: none; margin: 0; padding: 16px 24px; }
.tile article { border: 1px solid #e2e2e2; border-radius: 6px; padding: 8px; height: 250px; overflow: hidden; }
.tile img, .rec img { display: block; width: 100%; height: 110px; background: #eaeef2; }
.tile h3 { font-size: 14px; margin: 6px 0 2px; }
.tile p { margin: 0; color: #666; font-size: 12px; }
.recs { margin: 8px 24px; padding: 8px; background: #fafaf5; border: 1px solid #ecebd8; }
.recs h2 { font-size: 16px; margin: 0 0 6px; }
.rec-row { display: grid; grid-template-columns: repeat(10, 1fr); gap: 8px; }
.rec { border: 1px solid #e8e8e8; padding: 4px; height: 150px; overflow: hidden; font-size: 12px; }
.rec img { height: 70px; }
.cart { float: right; }
`;

/** @param {string} title @param {string} [extra] */
function head(title, extra = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="canonical" href="${ORIGIN}/">
<link rel="icon" href="data:,">
<style>${STYLE}</style>
${extra}
</head>`;
}

function siteHeader() {
  const links = [];
  for (let i = 1; i <= 60; i++) links.push(`<li><a href="/c/${i}">Category ${i}</a></li>`);
  return `<header>
<div class="cart" data-yespo-cart>
  <span data-yespo-cart-item="SKU-00007" data-yespo-price="49.90" data-yespo-quantity="1" data-yespo-currency="USD">Trail Runner Sneaker</span>
  <span data-yespo-cart-item="SKU-00042" data-yespo-price="19.00" data-yespo-quantity="2" data-yespo-currency="USD">Merino Sock</span>
</div>
<a href="/">Bench Shop</a>
<nav><ul>${links.join('')}</ul></nav>
</header>`;
}

function siteFooter() {
  const cols = [];
  for (let c = 0; c < 4; c++) {
    const li = [];
    for (let i = 0; i < 10; i++) li.push(`<li><a href="/info/${c}-${i}">Info ${c}.${i}</a></li>`);
    cols.push(`<ul>${li.join('')}</ul>`);
  }
  return `<footer>${cols.join('')}<p>&copy; Bench Shop</p></footer>`;
}

/** A product tile: 11 elements. @param {Item} p */
function tile(p) {
  return `<li class="tile"><article data-id="${p.sku}"><a class="tile-link" href="/p/${p.sku}"><picture><img alt="" width="160" height="110"></picture><h3>${esc(p.name)}</h3></a><p class="tile-desc">Free delivery</p><div class="tile-meta"><span class="price">$${p.price}</span><span class="stock">${p.stock ? 'In stock' : 'Sold out'}</span></div><button type="button">Add to cart</button></article></li>`;
}

/** A recommendation block: 3 + 20 x 6 elements. @param {number} n @param {Array<{ id: string, name: string, price: string }>} items */
function recBlock(n, items) {
  const ct = 'C_' + n;
  const row = items
    .map(
      (p) =>
        `<div class="rec" data-yespo-rec-item="${p.id}" data-yespo-price="${p.price}"><a href="/p/${p.id}?sc_content=${ct}"><img alt=""><span class="rec-name">${esc(p.name)}</span></a><span class="rec-price">$${p.price}</span><button type="button" data-yespo-add-to-cart>Add</button></div>`,
    )
    .join('');
  return `<section class="recs" data-yespo-recs="${ct}"><h2>You may also like</h2><div class="rec-row">${row}</div></section>`;
}

/**
 * A whole page around `main`, with the marker the server fills in.
 * @param {string} headHtml @param {string} main @param {string} [after] @param {string} [mainAttrs]
 */
function shopPage(headHtml, main, after = '', mainAttrs = '') {
  return `${headHtml}
<body>
${siteHeader()}
<main${mainAttrs}>
${main}
</main>
${siteFooter()}
${after}<!--TRACKER-->
</body>
</html>
`;
}

export function heavyPage() {
  const { tiles, blocks, perBlock, itemList } = HEAVY;
  const products = catalog(tiles, 1);
  const r = rng(2);
  const list = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: 'Shoes',
    numberOfItems: itemList,
    itemListElement: products.slice(0, itemList).map((p, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      url: `${ORIGIN}/p/${p.sku}`,
      name: p.name,
    })),
  };
  const crumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${ORIGIN}/` },
      { '@type': 'ListItem', position: 2, name: 'Shoes', item: `${ORIGIN}/c/shoes` },
    ],
  };
  const ld = `<script type="application/ld+json">${JSON.stringify(list)}</script>\n<script type="application/ld+json">${JSON.stringify(crumbs)}</script>`;
  const per = tiles / blocks;
  const parts = [];
  let m = 1;
  for (let b = 0; b < blocks; b++) {
    parts.push(`<ul class="grid">${products.slice(b * per, (b + 1) * per).map(tile).join('')}</ul>`);
    const items = [];
    for (let k = 0; k < perBlock; k++, m++) items.push({ id: 'P_' + m, name: products[Math.floor(r() * tiles)].name, price: (5 + Math.floor(r() * 20000) / 100).toFixed(2) });
    parts.push(recBlock(b + 1, items));
  }
  return shopPage(head('Shoes - Bench Shop', ld), `<h1>Shoes</h1>\n${parts.join('\n')}`, '', ' data-yespo-category="shoes"');
}

/** The product's own part of a product page: title, picture, price, button, specs and reviews. @param {Item} p @param {() => number} r */
function productMain(p, r) {
  const specs = [];
  for (let i = 0; i < PRODUCT.specs; i++) specs.push(`<tr><th>Spec ${i + 1}</th><td>Value ${Math.floor(r() * 1000)}</td></tr>`);
  const reviews = [];
  for (let i = 0; i < PRODUCT.reviews; i++) reviews.push(`<li><strong>Buyer ${i + 1}</strong> <span>${1 + Math.floor(r() * 5)}/5</span><p>Review text number ${i + 1}.</p></li>`);
  return `<h1>${esc(p.name)}</h1>
<div class="product"><img alt="" width="400" height="300"><p class="price">$${p.price}</p><button type="button">Add to cart</button></div>
<table>${specs.join('')}</table>
<ul class="reviews">${reviews.join('')}</ul>`;
}

export function productPage() {
  const products = catalog(400, 3);
  const p = products[0];
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    sku: p.sku,
    image: `${ORIGIN}/img/${p.sku}.jpg`,
    description: 'A shoe for the benchmark.',
    brand: { '@type': 'Brand', name: 'Bench' },
    offers: { '@type': 'Offer', price: p.price, priceCurrency: 'USD', availability: 'https://schema.org/InStock', url: `${ORIGIN}/p/${p.sku}` },
  };
  const dl = {
    event: 'view_item',
    ecommerce: { currency: 'USD', value: Number(p.price), items: [{ item_id: p.sku, item_name: p.name, price: Number(p.price), quantity: 1 }] },
  };
  const extra = `<script type="application/ld+json">${JSON.stringify(ld)}</script>\n<script>window.dataLayer = window.dataLayer || []; dataLayer.push(${JSON.stringify(dl)});</script>`;
  const more = `<ul class="grid">${products.slice(1, 1 + PRODUCT.tiles).map(tile).join('')}</ul>`;
  return shopPage(head(p.name + ' - Bench Shop', extra), productMain(p, rng(4)) + '\n' + more);
}

/** Shopify's globals as a theme prints them; the tracker's Shopify adapter reads them. */
const SHOPIFY_GLOBALS = `<script>window.Shopify = { routes: { root: '/' } }; window.ShopifyAnalytics = { meta: { page: { pageType: 'product' } } };</script>`;

/** The burst: after load, every add-to-cart at once (a "buy the bundle" button, a quick-add script). */
const BURST = `<script>
addEventListener('load', function () {
  var adds = [];
  for (var i = 0; i < ${CART_BURST.adds}; i++)
    adds.push(fetch('/cart/add.js', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items: [{ id: 41000000 + i, quantity: 1 }] }) }));
  Promise.all(adds).then(function () { window.__burstDone = true; }, function () { window.__burstDone = true; });
});
</script>
`;

export function cartBurstPage() {
  const products = catalog(100, 5);
  const p = products[0];
  const more = `<ul class="grid">${products.slice(1, 1 + CART_BURST.tiles).map(tile).join('')}</ul>`;
  return shopPage(head(p.name + ' - Bench Shop', SHOPIFY_GLOBALS), productMain(p, rng(6)) + '\n' + more, BURST);
}

export function spaPage() {
  return `${head('Bench SPA')}
<body>
<header><a href="/spa/p/0">Bench SPA</a></header>
<main id="app"></main>
<script>
(function () {
  var NAMES = ${JSON.stringify(WORDS)};
  function render(i) {
    var key = 'SPA-' + i;
    var items = '';
    for (var k = 0; k < 20; k++) {
      var id = 'P_' + (i * 20 + k + 1);
      items += '<div class="rec" data-yespo-rec-item="' + id + '" data-yespo-price="' + (10 + k) + '.00"><a href="/spa/p/' + (i + k + 1) + '?sc_content=spa_recs"><img alt=""><span>' + NAMES[(i + k) % NAMES.length] + '</span></a></div>';
    }
    document.getElementById('app').innerHTML =
      '<div data-yespo-product="' + key + '" data-yespo-price="' + (20 + (i % 50)) + '.00" data-yespo-currency="USD" data-yespo-in-stock="1">' +
      '<h1>' + NAMES[i % NAMES.length] + ' ' + i + '</h1><p class="price">$' + (20 + (i % 50)) + '.00</p></div>' +
      '<section class="recs" data-yespo-recs="spa_recs"><h2>Related</h2><div class="rec-row">' + items + '</div></section>';
    window.dispatchEvent(new CustomEvent('bench:rendered', { detail: { i: i, productKey: key, price: 20 + (i % 50) } }));
  }
  window.__benchNav = function (i) {
    history.pushState({ i: i }, '', '/spa/p/' + i);
    render(i);
  };
  var m = /\\/spa\\/p\\/(\\d+)/.exec(location.pathname);
  render(m ? Number(m[1]) : 0);
})();
</script>
<!--TRACKER-->
</body>
</html>
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] || resolve(dirname(fileURLToPath(import.meta.url)), '../.build/pages'));
  mkdirSync(out, { recursive: true });
  for (const [name, html] of Object.entries({ 'heavy.html': heavyPage(), 'product.html': productPage(), 'spa.html': spaPage(), 'cart-burst.html': cartBurstPage() })) {
    writeFileSync(resolve(out, name), html);
    console.log(`${name}: ${(html.length / 1024).toFixed(0)} KB`);
  }
}
