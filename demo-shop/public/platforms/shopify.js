/*
 * The demo's Shopify theme: what a Dawn-like theme does with the Ajax API.
 * - The tee page adds with `POST {root}cart/add.js` and a JSON body `{ items: [{ id, quantity }] }`, as
 *   shopify.dev's Cart API reference shows (https://shopify.dev/docs/api/ajax/reference/cart).
 * - The socks page adds as Dawn's `assets/product-form.js` does: the product form's FormData posted
 *   to `routes.cart_add_url` (`/cart/add`) with `Accept: application/javascript`.
 * - The cart page reads `GET {root}cart.js` and changes lines as Dawn's `assets/cart.js` does:
 *   `POST routes.cart_change_url` with `{ line, quantity }` (quantity 0 removes); "Clear cart" posts
 *   `cart/clear.js`, the note `cart/update.js`.
 * Dawn's variant picker replaces the URL with `?variant=ID` when a size is chosen.
 */
(function () {
  var root = (window.Shopify && Shopify.routes && Shopify.routes.root) || '/';
  var routes = window.routes || {};
  var money = function (cents) { return '$' + (cents / 100).toFixed(2); };
  var $ = function (sel, el) { return (el || document).querySelector(sel); };
  var jsonConfig = function (body) {
    return { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
  };
  var status = function (text) {
    var el = $('#cart-status');
    if (el) el.textContent = text;
  };

  function bubble(count) {
    var el = $('#cart-icon-bubble .cart-count-bubble');
    if (el) el.textContent = String(count);
  }

  function refreshBubble() {
    return fetch(root + 'cart.js', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (cart) { bubble(cart.item_count); return cart; })
      .catch(function () { bubble('?'); });
  }

  /** Dawn's variant radios: the chosen size's variant id goes into the form, and into the URL. */
  function variantPicker(form) {
    var variants = (window.ShopifyAnalytics && ShopifyAnalytics.meta && ShopifyAnalytics.meta.product && ShopifyAnalytics.meta.product.variants) || [];
    form.addEventListener('change', function (e) {
      if (!e.target || e.target.name !== 'Size') return;
      var v = variants.filter(function (x) { return x.public_title === e.target.value; })[0];
      if (!v) return;
      form.querySelector('[name=id]').value = String(v.id);
      ShopifyAnalytics.meta.selectedVariantId = String(v.id);
      history.replaceState({}, '', location.pathname + '?variant=' + v.id);
    });
  }

  function addJson(form, button) {
    var id = Number(form.querySelector('[name=id]').value);
    var qtyInput = form.querySelector('[name=quantity]');
    var quantity = qtyInput ? Number(qtyInput.value) || 1 : 1;
    button.setAttribute('aria-disabled', 'true');
    status('Adding…');
    fetch(root + 'cart/add.js', jsonConfig({ items: [{ id: id, quantity: quantity }] }))
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.status) throw new Error(res.description || res.message);
        status('Added to cart: ' + res.items.map(function (i) { return i.title; }).join(', '));
        return refreshBubble();
      })
      .catch(function (e) { status('Could not add: ' + e.message); })
      .then(function () { button.removeAttribute('aria-disabled'); });
  }

  function addDawn(form, button) {
    var body = new FormData(form);
    button.setAttribute('aria-disabled', 'true');
    status('Adding…');
    fetch(routes.cart_add_url || root + 'cart/add', {
      method: 'POST',
      headers: { Accept: 'application/javascript', 'X-Requested-With': 'XMLHttpRequest' },
      body: body,
    })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.status) throw new Error(res.description || res.message);
        status('Added to cart: ' + res.title);
        return refreshBubble();
      })
      .catch(function (e) { status('Could not add: ' + e.message); })
      .then(function () { button.removeAttribute('aria-disabled'); });
  }

  function productPage() {
    var form = $('form[action$="/cart/add"]');
    var button = $('#add-to-cart');
    if (!form || !button) return;
    variantPicker(form);
    var dawn = form.getAttribute('data-add') === 'dawn';
    button.addEventListener('click', function (e) {
      e.preventDefault();
      (dawn ? addDawn : addJson)(form, button);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      button.click();
    });
    refreshBubble();
  }

  function renderCart(cart) {
    var tbody = $('#cart-lines');
    bubble(cart.item_count);
    $('#cart-empty').hidden = cart.items.length > 0;
    $('#cart-table').hidden = cart.items.length === 0;
    tbody.textContent = '';
    cart.items.forEach(function (item, i) {
      var tr = document.createElement('tr');
      tr.className = 'cart-item';
      tr.id = 'CartItem-' + (i + 1);
      tr.setAttribute('data-line', String(i + 1));
      tr.setAttribute('data-variant-id', String(item.variant_id));
      var discount = item.line_level_discount_allocations.map(function (a) {
        return '<li class="discounts__discount">' + a.discount_application.title + ' (−' + money(a.amount) + ')</li>';
      }).join('');
      tr.innerHTML =
        '<td class="cart-item__details"><a href="' + item.url + '" class="cart-item__name">' + item.product_title + '</a>' +
        (item.variant_title ? '<div class="product-option">Size: ' + item.variant_title + '</div>' : '') +
        '<div class="product-option muted">SKU ' + item.sku + '</div>' +
        (discount ? '<ul class="discounts list-unstyled" role="list">' + discount + '</ul>' : '') + '</td>' +
        '<td class="cart-item__price">' + (item.final_price !== item.original_price ? '<s class="muted">' + money(item.original_price) + '</s> ' : '') + money(item.final_price) + '</td>' +
        '<td class="cart-item__quantity"><input class="quantity__input qty-input" type="number" name="updates[]" min="0" value="' + item.quantity + '" data-index="' + (i + 1) + '" aria-label="Quantity for ' + item.title + '">' +
        ' <button type="button" class="btn ghost remove-line" data-index="' + (i + 1) + '" aria-label="Remove ' + item.title + '">Remove</button></td>' +
        '<td class="cart-item__totals">' + money(item.final_line_price) + '</td>';
      tbody.appendChild(tr);
    });
    $('#cart-total').textContent = money(cart.total_price) + ' ' + cart.currency;
    var note = $('#Cart-note');
    if (note && document.activeElement !== note) note.value = cart.note || '';
  }

  function loadCart() {
    return fetch(root + 'cart.js', { headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(renderCart)
      .catch(function (e) { status('The cart could not be loaded (' + e.message + ').'); });
  }

  function post(url, body) {
    status('Updating…');
    return fetch(url, jsonConfig(body))
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.status) throw new Error(res.description || res.message);
        status('');
        renderCart(res);
      })
      .catch(function (e) { status('Could not update the cart: ' + e.message); });
  }

  function cartPage() {
    var change = routes.cart_change_url || root + 'cart/change';
    var table = $('#cart-table');
    table.addEventListener('change', function (e) {
      var input = e.target;
      if (!input.classList || !input.classList.contains('qty-input')) return;
      post(change, { line: Number(input.getAttribute('data-index')), quantity: Math.max(0, Number(input.value) || 0) });
    });
    table.addEventListener('click', function (e) {
      var b = e.target && e.target.closest && e.target.closest('.remove-line');
      if (b) post(change, { line: Number(b.getAttribute('data-index')), quantity: 0 });
    });
    $('#clear-cart').addEventListener('click', function () { post(root + 'cart/clear.js', {}); });
    $('#save-note').addEventListener('click', function () { post(root + 'cart/update.js', { note: $('#Cart-note').value }); });
    loadCart();
  }

  if ($('#cart-table')) cartPage();
  else productPage();
})();
