(() => {
  'use strict';

  const CURRENCY = 'USD';
  const PRODUCTS = [
    { key: '24-MB02', name: 'Fusion Backpack', price: '45.00', inStock: true, color: 'black,grey', material: 'leather', hue: 210,
      blurb: 'A roomy everyday backpack with a padded laptop sleeve and leather trim.',
      size: '45 × 30 × 16 cm', capacity: '22 l', weight: '0.9 kg',
      features: ['Padded sleeve for a 15" laptop', 'Two side pockets for bottles', 'Breathable mesh back panel', 'Luggage strap to slide over a trolley handle'] },
    { key: '24-WB04', name: 'Overnight Duffle', price: '59.00', inStock: true, color: 'brown', material: 'canvas', hue: 30,
      blurb: 'Waxed canvas duffle that fits two nights of clothes and a pair of shoes.',
      size: '52 × 28 × 26 cm', capacity: '38 l', weight: '1.3 kg',
      features: ['Separate shoe compartment', 'Detachable, padded shoulder strap', 'Brass zips and feet', 'Fits most cabin-bag sizers'] },
    { key: '24-UG06', name: 'Compete Track Tote', price: '32.00', inStock: false, color: 'blue', material: 'nylon', hue: 250,
      blurb: 'Light nylon tote with a zip pocket for the gym or the beach.',
      size: '40 × 35 × 14 cm', capacity: '18 l', weight: '0.4 kg',
      features: ['Water-repellent ripstop nylon', 'Inside zip pocket for keys and phone', 'Folds into its own pocket', 'Long handles to carry it on the shoulder'] },
  ];
  const CARE = {
    leather: ['Wipe with a soft, slightly damp cloth; never soak the leather.', 'Feed the trim with a leather balm twice a year.', 'Let it dry at room temperature, away from radiators and direct sun.'],
    canvas: ['Brush off dirt once it is dry; spot-clean with cold water only.', 'Re-wax the canvas once a season to keep it water-resistant.', 'Do not machine wash or tumble dry: it removes the wax.'],
    nylon: ['Machine wash at 30 °C on a gentle cycle, inside out.', 'Hang to dry; do not iron or tumble dry.', 'Empty the zip pocket before washing.'],
  };
  const byKey = Object.fromEntries(PRODUCTS.map((p) => [p.key, p]));
  const CART = 'demo-cart';
  const USER = 'demo-user';
  const ORDER = 'demo-last-order';
  const USER_FIELDS = { email: 'data-yespo-email', phone: 'data-yespo-phone', name: 'data-yespo-name', externalCustomerId: 'data-yespo-external-id' };
  const params = new URLSearchParams(location.search);

  const load = (key, fallback) => {
    try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
  };
  const save = (key, value) => {
    try { value == null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value)); } catch {}
  };
  const money = (n) => '$' + Number(n).toFixed(2);
  const total = (lines) => lines.reduce((sum, l) => sum + l.price * l.qty, 0);
  const all = (selector) => document.querySelectorAll(selector);

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value != null && value !== false && value !== '') el.setAttribute(name, value === true ? '' : value);
    }
    el.append(...children.flat(Infinity).filter((c) => c != null).map((c) => (c instanceof Node ? c : String(c))));
    return el;
  }

  const lineAttrs = (kind, line) => ({
    [`data-yespo-${kind}-item`]: line.key, 'data-yespo-price': line.price, 'data-yespo-quantity': String(line.qty), 'data-yespo-currency': CURRENCY,
  });
  const productUrl = (p, query = '') => `/product/${p.key}${query}`;
  const thumb = (p, href, linkAttrs) => h('a', { class: 'thumb', href, ...linkAttrs, style: `--hue:${p.hue}`, 'aria-hidden': 'true', tabindex: '-1' }, p.name.split(' ').map((w) => w[0]).join(''));
  const addButton = (p, attrs) => h('button', { class: 'btn', 'data-add': p.key, disabled: !p.inStock, ...attrs }, p.inStock ? 'Add to cart' : 'Out of stock');
  const tile = (p, { href = productUrl(p), linkAttrs, attrs, buttonAttrs, extra } = {}) => h('article', { class: 'tile', ...attrs },
    thumb(p, href, linkAttrs),
    h('h3', {}, h('a', { href, ...linkAttrs }, p.name)),
    h('p', { class: 'price' }, money(p.price)),
    h('div', { class: 'actions' }, addButton(p, buttonAttrs), extra));

  const productBlock = (p) => h('div', {
    class: 'product', 'data-yespo-product': p.key, 'data-yespo-price': p.price, 'data-yespo-currency': CURRENCY,
    'data-yespo-in-stock': p.inStock ? '1' : '0', 'data-yespo-tag-color': p.color, 'data-yespo-tag-material': p.material,
  },
  thumb(p),
  h('div', { class: 'info' },
    h('p', { class: 'muted' }, 'SKU ' + p.key),
    h('h1', {}, p.name),
    h('p', { class: 'price' }, money(p.price)),
    h('p', { class: p.inStock ? 'stock' : 'stock out' }, p.inStock ? 'In stock' : 'Out of stock'),
    h('p', {}, p.blurb),
    h('div', { class: 'actions' },
      h('label', {}, 'Qty ', h('input', { type: 'number', name: 'qty', value: '1', min: '1', max: '99', disabled: !p.inStock })),
      addButton(p),
      h('button', { class: 'btn ghost', 'data-yespo-wishlist': true }, 'Add to wishlist'))));

  const cartTable = (cart) => h('table', {},
    h('thead', {}, h('tr', {}, ['Product', 'Price', 'Quantity', 'Total', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, cart.map((l) => h('tr', lineAttrs('cart', l),
      h('td', {}, h('a', { href: '/product/' + l.key }, l.name)),
      h('td', {}, money(l.price)),
      h('td', { class: 'qty' },
        h('button', { 'data-dec': l.key, 'aria-label': 'One less ' + l.name }, '−'),
        h('span', {}, l.qty),
        h('button', { 'data-inc': l.key, 'aria-label': 'One more ' + l.name }, '+')),
      h('td', {}, money(l.price * l.qty)),
      h('td', {}, h('button', { class: 'link', 'data-remove': l.key }, 'Remove'))))),
    h('tfoot', {}, h('tr', {}, h('td', { colspan: '3' }, 'Total'), h('td', {}, money(total(cart))), h('td'))));

  const miniCart = (cart) => h('ul', {}, cart.map((l) => h('li', lineAttrs('cart', l), `${l.name} × ${l.qty}`)));

  function searchResults() {
    const q = (params.get('q') || '').trim();
    if (!q) return h('p', {}, 'Type a word in the search box above.');
    const found = PRODUCTS.filter((p) => `${p.name} ${p.key}`.toLowerCase().includes(q.toLowerCase()));
    return h('div', { 'data-yespo-search': q, 'data-yespo-results': String(found.length) },
      h('h2', {}, `${found.length} result${found.length === 1 ? '' : 's'} for “${q}”`),
      found.length ? h('div', { class: 'grid' }, found.map((p) => tile(p))) : h('p', {}, 'Nothing found. Try “bag” or “tote”.'));
  }

  function orderSummary() {
    const order = load(ORDER, null);
    if (!order) return h('p', {}, 'No recent order.');
    return h('div', { class: 'card', 'data-yespo-order': order.number },
      h('h2', {}, 'Order ' + order.number),
      h('ul', {}, order.items.map((l) => h('li', lineAttrs('order', l), `${l.name} × ${l.qty} — ${money(l.price * l.qty)}`))),
      h('p', {}, h('strong', {}, 'Total ' + money(total(order.items)))));
  }

  /** Tiles of a recommendation block: each links with the block's sc_content and adds to the cart in place. */
  const recTiles = (container, keys, { base = '/product/', linkAttrs } = {}) => keys.map((key) => tile(byKey[key], {
    href: base + key + '?sc_content=' + encodeURIComponent(container),
    linkAttrs,
    attrs: { 'data-yespo-rec-item': key, 'data-yespo-price': byKey[key].price },
    buttonAttrs: { 'data-yespo-add-to-cart': true },
  }));

  const recs = (el) => recTiles(el.closest('[data-yespo-recs]').getAttribute('data-yespo-recs'), el.dataset.items.split(','));

  /** A block the page fills in later, the way recommendation widgets that fetch their items do. */
  function lateRecs(section) {
    const container = section.dataset.container;
    section.setAttribute('data-yespo-recs', container);
    section.replaceChildren(
      h('h2', {}, section.dataset.title),
      h('div', { class: 'grid' }, recTiles(container, section.dataset.items.split(','))));
  }

  const details = (el) => {
    const p = byKey[el.dataset.key];
    const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
    const colors = p.color.split(',').map(cap).join(', ');
    return [
      h('h2', {}, 'Details & care'),
      h('div', { class: 'details-grid' },
        h('div', { class: 'card' },
          h('h3', {}, 'Specifications'),
          h('dl', { class: 'specs' }, [
            ['Size', p.size], ['Capacity', p.capacity], ['Weight', p.weight], ['Material', cap(p.material)], ['Colours', colors], ['SKU', p.key],
          ].map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]))),
        h('div', { class: 'card' },
          h('h3', {}, 'Features'),
          h('ul', { class: 'ticks' }, p.features.map((f) => h('li', {}, f))))),
      h('div', { class: 'card' },
        h('h3', {}, `Caring for ${p.material}`),
        h('ol', {}, CARE[p.material].map((c) => h('li', {}, c))),
        h('p', { class: 'muted' }, 'Store it stuffed with paper and unzipped, so it keeps its shape and stays fresh.')),
      h('div', { class: 'details-grid' },
        h('div', { class: 'card' },
          h('h3', {}, 'Shipping'),
          h('p', {}, 'Free standard shipping on orders over $50; otherwise $4.95.'),
          h('p', {}, 'Orders placed before 2 pm leave our warehouse the same working day and arrive in 2–4 working days.')),
        h('div', { class: 'card' },
          h('h3', {}, 'Returns & warranty'),
          h('p', {}, 'Changed your mind? Send it back unused within 60 days for a full refund; the return label is on us.'),
          h('p', {}, 'Every bag carries a two-year warranty on seams, zips and straps.'))),
      h('div', { class: 'card' },
        h('h3', {}, 'Questions'),
        h('details', {}, h('summary', {}, 'Does it fit as cabin baggage?'),
          h('p', {}, `At ${p.size} it fits the cabin allowance of most airlines; check yours before you fly.`)),
        h('details', {}, h('summary', {}, 'Can I have it engraved?'),
          h('p', {}, 'Not yet. We are working on initials for the leather trims.')),
        h('details', {}, h('summary', {}, 'Is it vegan?'),
          h('p', {}, p.material === 'leather' ? 'No: the trim is leather.' : `Yes: it is ${p.material} throughout.`))),
    ];
  };

  const renderers = {
    featured: () => PRODUCTS.map((p) => tile(p)),
    grid: () => PRODUCTS.map((p) => tile(p, {
      extra: h('button', { class: 'btn ghost', 'data-yespo-wishlist': p.key, 'aria-label': 'Add to wishlist' }, '♡'),
    })),
    recs,
    details,
    product: (el) => {
      document.title = `${byKey[el.dataset.key].name} — Demo shop`;
      return productBlock(byKey[el.dataset.key]);
    },
    search: searchResults,
    order: orderSummary,
  };

  function renderCart() {
    const cart = load(CART, []);
    all('[data-yespo-cart]').forEach((box) => {
      box.replaceChildren(...(cart.length ? [box.dataset.view === 'table' ? cartTable(cart) : miniCart(cart)] : []));
    });
    const count = cart.reduce((n, l) => n + l.qty, 0);
    all('[data-cart-count]').forEach((el) => { el.textContent = count ? `(${count})` : ''; });
    all('[data-cart-total]').forEach((el) => { el.textContent = money(total(cart)); });
  }

  function setQty(key, qty) {
    const cart = load(CART, []);
    const line = cart.find((l) => l.key === key);
    if (line) line.qty = qty;
    else if (byKey[key]) cart.push({ key, name: byKey[key].name, price: byKey[key].price, qty });
    save(CART, cart.filter((l) => l.qty > 0));
    renderCart();
  }
  const qtyOf = (key) => load(CART, []).find((l) => l.key === key)?.qty || 0;

  function renderUser() {
    const user = load(USER, null);
    const label = user && (user.name || user.email || user.phone || user.externalCustomerId);
    const attrs = user && Object.fromEntries(Object.entries(USER_FIELDS).map(([field, attr]) => [attr, user[field]]));
    all('[data-user]').forEach((slot) => slot.replaceChildren(...(user
      ? [h('span', { 'data-yespo-customer': true, ...attrs }, 'Hi, ' + label), h('button', { class: 'link', 'data-sign-out': true }, 'Sign out')]
      : [h('a', { href: '/account' }, 'Sign in')])));
    all('[data-account-status]').forEach((el) => { el.textContent = user ? 'Signed in as ' + label : 'You are not signed in.'; });
  }

  function toast(text) {
    let el = document.querySelector('.toast');
    if (!el) document.body.append((el = h('div', { class: 'toast', role: 'status' })));
    el.textContent = text;
    el.classList.add('show');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => el.classList.remove('show'), 1600);
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('button');
    if (!button) return;
    const { add, inc, dec, remove } = button.dataset;
    if (add) {
      const qty = parseInt(button.closest('.product')?.querySelector('[name=qty]')?.value, 10);
      setQty(add, qtyOf(add) + Math.max(1, qty || 1));
      toast(`Added ${byKey[add].name}`);
    } else if (inc || dec) {
      setQty(inc || dec, qtyOf(inc || dec) + (inc ? 1 : -1));
    } else if (remove) {
      setQty(remove, 0);
    } else if (button.hasAttribute('data-yespo-wishlist')) {
      button.setAttribute('aria-pressed', 'true');
      toast('Saved to your wishlist');
    } else if (button.hasAttribute('data-sign-out')) {
      save(USER, null);
      renderUser();
    }
  });

  document.getElementById('account-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const user = {};
    for (const field of Object.keys(USER_FIELDS)) {
      const value = String(data.get(field) || '').trim();
      if (value) user[field] = value;
    }
    save(USER, user);
    renderUser();
    toast('Signed in');
  });

  document.getElementById('checkout-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const items = load(CART, []);
    if (!items.length) return toast('Your cart is empty');
    event.currentTarget.querySelector('[type=submit]').disabled = true;
    const number = params.get('order') || 'D-' + Date.now();
    setTimeout(() => {
      save(ORDER, { number, items });
      save(CART, []);
      location.href = '/thank-you';
    }, 300);
  });

  window.addEventListener('storage', (event) => {
    if (event.key === CART) renderCart();
    if (event.key === USER) renderUser();
  });

  if (params.has('q')) all('input[name=q]').forEach((input) => { input.value = params.get('q'); });
  all('[data-render]').forEach((el) => el.replaceChildren(...[renderers[el.dataset.render](el)].flat()));
  all('[data-late-recs]').forEach((section) => setTimeout(() => lateRecs(section), Number(section.dataset.lateRecs) || 0));
  renderCart();
  renderUser();

  /** What the client-routed /app section (app.js) builds its views from. */
  window.demoShop = { PRODUCTS, byKey, h, money, tile, recTiles, productBlock, toast };
})();
