/*
 * The demo's PrestaShop 1.7/8 theme (Classic): the front object's event emitter and the cart requests
 * of PrestaShop/PrestaShop `themes/_core/js/cart.js` and `themes/classic/_dev/js/cart.js`.
 * - `prestashop.on / emit` as `themes/_core/js/prestashop.js` gives the front object (an EventEmitter).
 * - Add to cart: `POST {urls.pages.cart}?add=1&id_product=…&id_product_attribute=…&token=…&action=update`
 *   with the product form's fields and `ajax=1`; the answer `{ success, cart, … }` goes out as
 *   `prestashop.emit('updateCart', { reason: { idProduct, idProductAttribute, linkAction: 'add-to-cart', cart }, resp })`.
 * - The cart page: "+" / "−" post the line's `up_quantity_url` / `down_quantity_url`, the trash link its
 *   `remove_from_cart_url` (each with `ajax=1&action=update`), then `updateCart` again.
 * The theme keeps `prestashop.cart` equal to the last answer's cart.
 */
(function () {
  var ps = window.prestashop;
  if (!ps) return;
  var $ = function (sel, el) { return (el || document).querySelector(sel); };
  var listeners = {};
  ps.on = function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); return ps; };
  ps.emit = function (name) {
    var args = Array.prototype.slice.call(arguments, 1);
    (listeners[name] || []).slice().forEach(function (fn) { fn.apply(ps, args); });
    return ps;
  };
  var status = function (text) {
    var el = $('#cart-status');
    if (el) el.textContent = text;
  };

  function post(url, data) {
    return fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json, text/javascript, */*; q=0.01', 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest' },
      body: new URLSearchParams(data).toString(),
      credentials: 'same-origin',
    }).then(function (r) { return r.json(); });
  }

  function updated(resp, reason) {
    if (resp.hasError) throw new Error([].concat(resp.errors).join(' '));
    ps.cart = resp.cart;
    reason.cart = resp.cart;
    ps.emit('updateCart', { reason: reason, resp: resp });
  }

  /** The header's blockcart (ps_shoppingcart): the count of prestashop.cart. */
  ps.on('updateCart', function () { renderBlockcart(); });
  function renderBlockcart() {
    var el = $('.blockcart .cart-products-count');
    if (el) el.textContent = '(' + ps.cart.products_count + ')';
  }

  function productPage() {
    var form = $('#add-to-cart-or-refresh');
    if (!form) return;
    var button = $('[data-button-action="add-to-cart"]');
    button.addEventListener('click', function (e) {
      e.preventDefault();
      var fields = new FormData(form);
      var idProduct = fields.get('id_product');
      var select = form.querySelector('[name="group[1]"]');
      var idAttr = select ? select.value : form.querySelector('[name=id_product_attribute]').value;
      var url = ps.urls.pages.cart + '?add=1&id_product=' + idProduct + '&id_product_attribute=' + idAttr + '&token=' + ps.static_token + '&action=update';
      var data = { token: ps.static_token, id_product: idProduct, id_customization: '0', qty: fields.get('qty') || '1', add: '1', action: 'update', ajax: '1' };
      if (select) data['group[1]'] = select.value;
      status('Adding…');
      post(url, data)
        .then(function (resp) {
          updated(resp, { idProduct: idProduct, idProductAttribute: idAttr, idCustomization: '0', linkAction: 'add-to-cart' });
          status('Product successfully added to your shopping cart');
        })
        .catch(function (err) { status('Could not add: ' + err.message); });
    });
  }

  function renderCart() {
    var list = $('#cart-lines');
    if (!list) return;
    var cart = ps.cart;
    list.textContent = '';
    cart.products.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'cart-item';
      li.setAttribute('data-id-product', p.id_product);
      li.setAttribute('data-id-product-attribute', p.id_product_attribute);
      li.innerHTML =
        '<div class="product-line-info"><a class="label" href="' + p.url + '">' + p.name + '</a> <span class="muted">' + p.reference + (p.attributes_small ? ' · Size ' + p.attributes_small : '') + '</span></div>' +
        '<div class="product-line-info product-price">' + (p.has_discount ? '<span class="regular-price muted"><s>' + p.regular_price + '</s></span> ' : '') + '<span class="price">' + p.price + '</span></div>' +
        '<div class="qty"><a class="btn ghost js-decrease-product-quantity" data-test="qty-down" href="' + p.down_quantity_url + '" data-link-action="update-quantity">−</a> ' +
        '<input class="js-cart-line-product-quantity qty-input" data-test="qty-input" type="number" min="0" value="' + p.quantity + '" data-update-url="' + p.update_quantity_url + '" data-product-id="' + p.id_product + '" aria-label="Quantity"> ' +
        '<a class="btn ghost js-increase-product-quantity" data-test="qty-up" href="' + p.up_quantity_url + '" data-link-action="update-quantity">+</a></div>' +
        '<div class="product-price"><strong>' + p.total + '</strong></div>' +
        '<a class="remove-from-cart remove-line" data-test="remove-line" rel="nofollow" href="' + p.remove_from_cart_url + '" data-link-action="delete-from-cart" data-id-product="' + p.id_product + '" data-id-product-attribute="' + p.id_product_attribute + '">Remove</a>';
      list.appendChild(li);
    });
    $('#cart-empty').hidden = cart.products.length > 0;
    $('#cart-total').textContent = cart.totals.total.value;
    $('#cart-summary-count').textContent = cart.summary_string;
    var checkout = $('#proceed-to-checkout');
    if (checkout) checkout.hidden = cart.products.length === 0;
  }

  function cartPage() {
    var list = $('#cart-lines');
    if (!list) return;
    ps.on('updateCart', renderCart);
    var change = function (url, reason) {
      status('Updating…');
      post(url, { ajax: '1', action: 'update' })
        .then(function (resp) { status(''); updated(resp, reason); })
        .catch(function (err) { status('Could not update the cart: ' + err.message); });
    };
    list.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('[data-link-action]');
      if (!a) return;
      e.preventDefault();
      var li = a.closest('.cart-item');
      change(a.getAttribute('href'), {
        idProduct: li.getAttribute('data-id-product'), idProductAttribute: li.getAttribute('data-id-product-attribute'),
        linkAction: a.getAttribute('data-link-action'),
      });
    });
    list.addEventListener('change', function (e) {
      var input = e.target;
      if (!input.classList.contains('qty-input')) return;
      var li = input.closest('.cart-item');
      var line = ps.cart.products.filter(function (p) { return p.id_product === li.getAttribute('data-id-product') && p.id_product_attribute === li.getAttribute('data-id-product-attribute'); })[0];
      var delta = (Number(input.value) || 0) - (line ? line.quantity : 0);
      if (!delta) return;
      change(input.getAttribute('data-update-url') + '&op=' + (delta > 0 ? 'up' : 'down') + '&qty=' + Math.abs(delta), {
        idProduct: li.getAttribute('data-id-product'), idProductAttribute: li.getAttribute('data-id-product-attribute'), linkAction: 'update-quantity',
      });
    });
    renderCart();
  }

  renderBlockcart();
  productPage();
  cartPage();
})();
