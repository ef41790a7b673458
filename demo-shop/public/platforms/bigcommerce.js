/*
 * The demo's BigCommerce Stencil theme (Cornerstone): the requests of bigcommerce/stencil-utils
 * (`src/api/cart.js`) and the Storefront Carts API (https://developer.bigcommerce.com/docs/rest-storefront/carts).
 * - Add to cart: `utils.api.cart.itemAdd(new FormData(form))` → `POST /remote/v1/cart/add` with the
 *   `form[data-cart-item-add]` FormData (action, product_id, qty[]).
 * - The cart page (`[data-cart]`) renders `GET /api/storefront/carts?include=lineItems.physicalItems.options`;
 *   a quantity change is `itemUpdate` → `POST /remote/v1/cart/update` `{ items: [{ id, quantity }] }`,
 *   and "Remove" is `itemRemove`, which stencil-utils sends as the same update with quantity 0.
 */
(function () {
  var $ = function (sel, el) { return (el || document).querySelector(sel); };
  var headers = { 'stencil-config': '{}', 'X-Requested-With': 'stencil-utils', Accept: 'application/json' };
  var money = function (n) { return '$' + Number(n).toFixed(2); };
  var status = function (text) {
    var el = $('#cart-status');
    if (el) el.textContent = text;
  };
  var remote = function (path, body) {
    var h = Object.assign({}, headers);
    if (!(body instanceof FormData)) h['Content-Type'] = 'application/json';
    return fetch('/remote/v1' + path, { method: 'POST', headers: h, credentials: 'include', body: body instanceof FormData ? body : JSON.stringify(body) })
      .then(function (r) { return r.json(); });
  };

  function carts() {
    return fetch('/api/storefront/carts?include=lineItems.physicalItems.options', { credentials: 'include', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      });
  }

  function previewCount() {
    var el = $('.cart-quantity');
    if (!el) return Promise.resolve();
    return carts().then(function (list) {
      var c = list[0];
      var n = c ? c.lineItems.physicalItems.reduce(function (t, i) { return t + i.quantity; }, 0) : 0;
      el.textContent = String(n);
      el.classList.toggle('countPill--positive', n > 0);
    }).catch(function () {});
  }

  function productPage() {
    var form = $('form[data-cart-item-add]');
    if (!form) return;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      status('Adding…');
      remote('/cart/add', new FormData(form))
        .then(function (res) {
          if (res.data && res.data.error) throw new Error(res.data.error);
          status('Ok, ' + res.data.cart_item.quantity + ' × ' + res.data.cart_item.name + ' in your cart.');
          return previewCount();
        })
        .catch(function (err) { status('Could not add: ' + err.message); });
    });
  }

  function renderCart(list) {
    var cart = list[0];
    var items = cart ? cart.lineItems.physicalItems : [];
    var tbody = $('#cart-lines');
    tbody.textContent = '';
    items.forEach(function (i) {
      var tr = document.createElement('tr');
      tr.className = 'cart-item';
      tr.setAttribute('data-item-row', '');
      tr.innerHTML =
        '<td class="cart-item-block cart-item-title"><a href="' + i.url + '">' + i.name + '</a> <span class="muted">SKU ' + i.sku + '</span></td>' +
        '<td class="cart-item-block cart-item-info">' + money(i.salePrice) + '</td>' +
        '<td class="cart-item-block cart-item-quantity"><input class="form-input form-input--incrementTotal cart-item-qty-input qty-input" data-test="qty-input" type="number" min="0" value="' + i.quantity + '" data-cart-itemid="' + i.id + '" aria-label="Quantity"></td>' +
        '<td class="cart-item-block cart-item-info"><strong class="cart-item-value">' + money(i.extendedSalePrice) + '</strong></td>' +
        '<td class="cart-item-block"><button type="button" class="btn ghost cart-remove remove-line" data-test="remove-line" data-cart-itemid="' + i.id + '">Remove</button></td>';
      tbody.appendChild(tr);
    });
    $('#cart-empty').hidden = items.length > 0;
    $('.cart').hidden = items.length === 0;
    $('#cart-total').textContent = money(cart ? cart.cartAmount : 0);
  }

  function cartPage() {
    var box = $('[data-cart]');
    if (!box) return;
    var reload = function () {
      return carts().then(renderCart).catch(function (err) { status('The cart could not be loaded: ' + err.message); });
    };
    var update = function (id, quantity) {
      status('Updating…');
      remote('/cart/update', { items: [{ id: id, quantity: quantity }] })
        .then(function (res) {
          if (!res.data || res.data.status !== 'succeed') throw new Error((res.data && res.data.errors && res.data.errors.join(' ')) || 'failed');
          status('');
          return reload();
        })
        .catch(function (err) { status('Could not update the cart: ' + err.message); });
    };
    box.addEventListener('change', function (e) {
      if (e.target.classList.contains('qty-input')) update(e.target.getAttribute('data-cart-itemid'), Math.max(0, Number(e.target.value) || 0));
    });
    box.addEventListener('click', function (e) {
      var b = e.target.closest && e.target.closest('.remove-line');
      if (b) update(b.getAttribute('data-cart-itemid'), 0);
    });
    reload();
  }

  productPage();
  cartPage();
  previewCount();
})();
