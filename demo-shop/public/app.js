/*
 * The demo's client-routed section: everything under /app is one HTML page (pages/app.html) and
 * this router swaps the content of <main id="app-view"> without reloading, the way single-page
 * apps do. It builds its views from what shop.js exposes as window.demoShop.
 *
 * - Links with data-route inside #app are intercepted: pushState, then (like Next.js or Vue
 *   Router) a replaceState of the same URL, then a render after a simulated 150 ms data fetch.
 * - Back/forward (popstate) renders the same way; a popstate that only changed the hash does not.
 * - The first view is rendered synchronously, before the tracker script runs.
 */
(() => {
  'use strict';

  const shop = window.demoShop;
  const app = document.getElementById('app');
  const view = document.getElementById('app-view');
  if (!shop || !app || !view) return;
  const { PRODUCTS, byKey, h, tile, recTiles, productBlock, toast } = shop;

  const FETCH_MS = 150;
  const HOME_RECS = '4001_r1v1';
  const route = { 'data-route': true };
  const clean = (path) => path.replace(/(.)\/+$/, '$1');
  const where = () => location.pathname + location.search;

  const home = () => ({
    title: 'App home — Demo app',
    node: h('div', { class: 'app-main', 'data-yespo-page': 'main' },
      h('section', { class: 'hero' },
        h('h1', {}, 'The demo app'),
        h('p', {}, 'Every page here is rendered in the browser: the URL changes, the document stays.')),
      h('section', { class: 'recs', 'data-yespo-recs': HOME_RECS },
        h('h2', {}, 'Picked for you'),
        h('div', { class: 'grid' }, recTiles(HOME_RECS, ['24-MB02', '24-WB04'], { base: '/app/product/', linkAttrs: route })))),
  });

  const category = () => ({
    title: 'Bags — Demo app',
    node: h('div', { class: 'app-category', 'data-yespo-page': 'category', 'data-yespo-category': 'bags' },
      h('nav', { class: 'crumbs' }, h('a', { href: '/app', ...route }, 'App'), ' / Bags'),
      h('h1', {}, 'Bags'),
      h('div', { class: 'grid' }, PRODUCTS.map((p) => tile(p, { href: '/app/product/' + p.key, linkAttrs: route })))),
  });

  const product = (p) => ({
    title: `${p.name} — Demo app`,
    node: h('div', { class: 'app-product' },
      h('nav', { class: 'crumbs' }, h('a', { href: '/app', ...route }, 'App'), ' / ', h('a', { href: '/app/category/bags', ...route }, 'Bags')),
      productBlock(p)),
  });

  const notFound = () => ({
    title: 'Not found — Demo app',
    node: h('div', { class: 'app-missing narrow center', 'data-yespo-page': '404' },
      h('h1', {}, 'Not found in the app'),
      h('p', {}, 'There is no such page in the app. The server answered 200 all the same: here the app decides what is missing.'),
      h('a', { class: 'btn', href: '/app', ...route }, 'Back to the app home')),
  });

  function resolve(path) {
    const p = clean(path);
    if (p === '/app') return home();
    if (p === '/app/category/bags') return category();
    const m = /^\/app\/product\/([^/]+)$/.exec(p);
    if (m && byKey[decodeURIComponent(m[1])]) return product(byKey[decodeURIComponent(m[1])]);
    return notFound();
  }

  function show() {
    const { title, node } = resolve(location.pathname);
    view.replaceChildren(node);
    view.removeAttribute('aria-busy');
    document.title = title;
    const here = clean(location.pathname);
    app.querySelectorAll('.app-nav a[data-route]').forEach((a) => {
      if (a.getAttribute('href') === here) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  /** The URL (path and query) the view shows or is loading. */
  let current = where();
  let pending;

  /** Renders the current URL once its "data" has arrived. */
  function load() {
    current = where();
    clearTimeout(pending);
    view.setAttribute('aria-busy', 'true');
    pending = setTimeout(show, FETCH_MS);
  }

  app.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[data-route]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    history.pushState({}, '', href);
    history.replaceState(history.state, '', href);
    window.scrollTo(0, 0);
    load();
  });

  // Chrome fires popstate for hash changes too: only a new path or query is a new page.
  window.addEventListener('popstate', () => {
    if (where() !== current) load();
  });

  let hashes = 0;
  document.getElementById('app-hash')?.addEventListener('click', () => {
    location.hash = 'tab-' + (++hashes);
    toast('Only the hash changed: ' + location.hash);
  });

  show();
})();
