/*
 * The demo's WooCommerce theme: the requests a classic (Storefront) theme and the Cart/Checkout blocks make.
 * - Classic add to cart: `POST /?wc-ajax=add_to_cart` (form-encoded product_id, quantity, product_sku) by
 *   XMLHttpRequest, as `assets/js/frontend/add-to-cart.js` does through jQuery; the answer's
 *   `fragments` replace the mini-cart; the mini-cart's × posts `?wc-ajax=remove_from_cart` (cart_item_key).
 * - Blocks add to cart: `POST /wp-json/wc/store/v1/cart/add-item` `{ id, quantity }` with the `Nonce`
 *   header, then `wc-blocks_added_to_cart` on document.body (woocommerce/woocommerce
 *   `plugins/woocommerce/client/blocks/assets/js/base/utils/legacy-events.ts`).
 * - The cart page renders `GET /wp-json/wc/store/v1/cart` and changes lines with `cart/update-item`
 *   `{ key, quantity }` and `cart/remove-item` `{ key }`, as the Cart block does.
 * - The checkout page posts the classic checkout form to `/?wc-ajax=checkout` and follows its `redirect`.
 */
(function () {
  var params = window.wc_add_to_cart_params || { wc_ajax_url: '/?wc-ajax=%%endpoint%%' };
  var nonce = (window.wcBlocksMiddlewareConfig && wcBlocksMiddlewareConfig.storeApiNonce) || '';
  var STORE = '/wp-json/wc/store/v1/';
  var $ = function (sel, el) { return (el || document).querySelector(sel); };
  var ajaxUrl = function (endpoint) { return params.wc_ajax_url.replace('%%endpoint%%', endpoint); };
  var minor = function (s, unit) { return '$' + (Number(s) / Math.pow(10, unit)).toFixed(unit); };
  var notice = function (text) {
    var el = $('.woocommerce-notices-wrapper');
    if (el) el.textContent = text;
  };

  /** jQuery.post as WooCommerce's scripts use it: form-encoded, X-Requested-With, JSON answer. */
  function xhrPost(url, data) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.onload = function () {
        try { resolve(JSON.parse(xhr.responseText)); } catch (e) { reject(new Error('HTTP ' + xhr.status)); }
      };
      xhr.onerror = function () { reject(new Error('network error')); };
      xhr.send(new URLSearchParams(data).toString());
    });
  }

  function store(path, method, body) {
    var init = { method: method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') {
      init.headers.Nonce = nonce;
      init.body = JSON.stringify(body || {});
    }
    return fetch(STORE + path, init).then(function (r) {
      var n = r.headers.get('Nonce');
      if (n) nonce = n;
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.message || 'HTTP ' + r.status);
        return data;
      });
    });
  }

  function applyFragments(res) {
    var fragments = (res && res.fragments) || {};
    Object.keys(fragments).forEach(function (sel) {
      document.querySelectorAll(sel).forEach(function (el) { el.outerHTML = fragments[sel]; });
    });
  }

  function productPage() {
    var form = $('form.cart');
    if (!form) return;
    var id = form.querySelector('[name=add-to-cart]').value;
    var sku = form.getAttribute('data-product_sku') || '';
    var qty = function () { return Math.max(1, Number(form.querySelector('[name=quantity]').value) || 1); };
    $('#add-to-cart').addEventListener('click', function (e) {
      e.preventDefault();
      notice('Adding…');
      xhrPost(ajaxUrl('add_to_cart'), { product_sku: sku, product_id: id, quantity: String(qty()) })
        .then(function (res) {
          if (res.error) throw new Error('the product could not be added');
          applyFragments(res);
          notice('“' + form.getAttribute('data-product_name') + '” has been added to your cart.');
        })
        .catch(function (err) { notice('Could not add: ' + err.message); });
    });
    $('#add-to-cart-blocks').addEventListener('click', function () {
      notice('Adding…');
      store('cart/add-item', 'POST', { id: Number(id), quantity: qty() })
        .then(function (cart) {
          document.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart', { bubbles: true, cancelable: true, detail: { preserveCartData: false } }));
          notice('Added. Cart: ' + cart.items_count + ' item(s).');
          return xhrPost(ajaxUrl('get_refreshed_fragments'), { time: String(Date.now()) }).then(applyFragments);
        })
        .catch(function (err) { notice('Could not add: ' + err.message); });
    });
  }

  /** The mini-cart widget (classic): its × removes a line through wc-ajax. */
  function miniCart() {
    document.addEventListener('click', function (e) {
      var a = e.target && e.target.closest && e.target.closest('.remove_from_cart_button');
      if (!a) return;
      e.preventDefault();
      xhrPost(ajaxUrl('remove_from_cart'), { cart_item_key: a.getAttribute('data-cart_item_key') })
        .then(applyFragments)
        .catch(function (err) { notice('Could not remove: ' + err.message); });
    });
    if ($('div.widget_shopping_cart_content')) xhrPost(ajaxUrl('get_refreshed_fragments'), { time: String(Date.now()) }).then(applyFragments).catch(function () {});
  }

  function renderCart(cart) {
    var tbody = $('#cart-lines');
    tbody.textContent = '';
    cart.items.forEach(function (item) {
      var u = item.prices.currency_minor_unit;
      var tr = document.createElement('tr');
      tr.className = 'woocommerce-cart-form__cart-item cart_item';
      tr.setAttribute('data-key', item.key);
      var sale = item.prices.sale_price !== item.prices.regular_price;
      tr.innerHTML =
        '<td class="product-remove"><a href="#" class="remove remove-line" data-test="remove-line" aria-label="Remove ' + item.name + ' from cart" data-key="' + item.key + '">&times;</a></td>' +
        '<td class="product-name" data-title="Product"><a href="' + item.permalink + '">' + item.name + '</a> <span class="muted">SKU ' + item.sku + '</span></td>' +
        '<td class="product-price" data-title="Price">' + (sale ? '<del class="muted">' + minor(item.prices.regular_price, u) + '</del> ' : '') +
        '<span class="woocommerce-Price-amount amount"><bdi>' + minor(item.prices.price, u) + '</bdi></span></td>' +
        '<td class="product-quantity" data-title="Quantity"><input type="number" class="input-text qty text qty-input" data-key="' + item.key + '" value="' + item.quantity + '" aria-label="Product quantity" min="0" step="1"></td>' +
        '<td class="product-subtotal" data-title="Subtotal"><span class="woocommerce-Price-amount amount"><bdi>' + minor(item.totals.line_total, u) + '</bdi></span></td>';
      tbody.appendChild(tr);
    });
    $('#cart-empty').hidden = cart.items.length > 0;
    $('.woocommerce-cart-form').hidden = cart.items.length === 0;
    $('#cart-subtotal').textContent = minor(cart.totals.total_price, cart.totals.currency_minor_unit);
  }

  function cartPage() {
    var form = $('.woocommerce-cart-form');
    var run = function (p) {
      notice('Updating…');
      p.then(function (cart) { notice(''); renderCart(cart); }).catch(function (err) { notice('The cart could not be updated: ' + err.message); });
    };
    form.addEventListener('change', function (e) {
      var input = e.target;
      if (!input.classList || !input.classList.contains('qty-input')) return;
      run(store('cart/update-item', 'POST', { key: input.getAttribute('data-key'), quantity: Math.max(0, Number(input.value) || 0) }));
    });
    form.addEventListener('click', function (e) {
      var a = e.target && e.target.closest && e.target.closest('.remove-line');
      if (!a) return;
      e.preventDefault();
      run(store('cart/remove-item', 'POST', { key: a.getAttribute('data-key') }).then(function (cart) {
        document.body.dispatchEvent(new CustomEvent('wc-blocks_removed_from_cart', { bubbles: true, cancelable: true }));
        return cart;
      }));
    });
    store('cart', 'GET').then(renderCart).catch(function (err) { notice('The cart could not be loaded: ' + err.message); });
  }

  function checkoutPage() {
    var form = $('form.checkout');
    store('cart', 'GET')
      .then(function (cart) {
        var u = cart.totals.currency_minor_unit;
        $('#order-review').innerHTML = cart.items.length
          ? cart.items.map(function (i) { return '<tr class="cart_item"><td class="product-name">' + i.name + ' <strong class="product-quantity">&times;&nbsp;' + i.quantity + '</strong></td><td class="product-total">' + minor(i.totals.line_total, u) + '</td></tr>'; }).join('') +
            '<tr class="order-total"><th>Total</th><td><strong>' + minor(cart.totals.total_price, u) + '</strong></td></tr>'
          : '<tr><td colspan="2">Your cart is empty.</td></tr>';
        var b = cart.billing_address || {};
        ['first_name', 'last_name', 'email', 'phone', 'city'].forEach(function (k) {
          var input = form.querySelector('[name=billing_' + k + ']');
          if (input && !input.value && b[k]) input.value = b[k];
        });
      })
      .catch(function (err) { notice('The cart could not be loaded: ' + err.message); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      notice('Placing the order…');
      xhrPost(ajaxUrl('checkout'), new FormData(form))
        .then(function (res) {
          if (res.result !== 'success') {
            notice('');
            $('.woocommerce-NoticeGroup-checkout').innerHTML = res.messages || 'The order could not be placed.';
            return;
          }
          window.location.href = res.redirect;
        })
        .catch(function (err) { notice('The order could not be placed: ' + err.message); });
    });
  }

  var body = document.body.classList;
  if (body.contains('single-product')) productPage();
  if (body.contains('woocommerce-cart')) cartPage();
  else if (body.contains('woocommerce-checkout') && !body.contains('woocommerce-order-received')) checkoutPage();
  miniCart();
})();
