/*
 * The demo's Magento 2 (Luma) theme: the requests Luma makes and what Magento_Customer's
 * `view/frontend/web/js/customer-data.js` does with their answers (magento/magento2).
 * - Add to cart: the product form posted by XMLHttpRequest as FormData to its action
 *   (`/checkout/cart/add/product/ID/`), as Magento_Catalog's `catalog-add-to-cart.js` does.
 * - After a POST that `etc/frontend/sections.xml` ties to sections, those sections are invalidated and
 *   reloaded: `GET /customer/section/load/?sections=cart,…&force_new_section_timestamp=true&_=…`; the
 *   answer is written into localStorage `mage-cache-storage` (one key per section, each with its
 *   `data_id`), the invalidation list into `mage-cache-storage-section-invalidation`, the data ids into
 *   the `section_data_ids` cookie.
 * - The minicart (Magento_Checkout `js/sidebar.js`): qty update `POST /checkout/sidebar/updateItemQty/`
 *   (item_id, item_qty, form_key), remove `POST /checkout/sidebar/removeItem/` (item_id, form_key).
 * - Sign in / out: `POST /customer/ajax/login` (JSON), `POST /customer/ajax/logout`.
 * - Place order: `POST /rest/default/V1/guest-carts/{masked id}/payment-information` (or
 *   `carts/mine/…` when signed in), then the success page.
 */
(function () {
  var STORAGE = 'mage-cache-storage';
  var INVALID = 'mage-cache-storage-section-invalidation';
  var $ = function (sel, el) { return (el || document).querySelector(sel); };
  var formKey = ($('input[name=form_key]') || {}).value || 'k8J2mZr0Qp7Tn4Ex';
  /** Which sections a POST invalidates: Magento_*'s etc/frontend/sections.xml, the part this shop uses. */
  var RULES = [
    [/\/checkout\/cart\/add/, ['cart', 'directory-data']],
    [/\/checkout\/sidebar\/(updateItemQty|removeItem)/, ['cart', 'checkout-data']],
    [/\/customer\/ajax\/log(in|out)/, ['customer', 'cart', 'checkout-data', 'last-ordered-items']],
    [/\/V1\/(guest-carts\/[^/]+|carts\/mine)\/payment-information/, ['cart', 'checkout-data', 'last-ordered-items']],
  ];

  var read = function (key) {
    try { return JSON.parse(localStorage.getItem(key) || '{}') || {}; } catch (e) { return {}; }
  };
  var write = function (key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  };
  var cookie = function (name) {
    var m = new RegExp('(?:^|; )' + name + '=([^;]*)').exec(document.cookie);
    return m ? decodeURIComponent(m[1]) : undefined;
  };
  var status = function (text) {
    var el = $('#cart-status');
    if (el) el.textContent = text;
  };

  function invalidate(names) {
    var inv = read(INVALID);
    names.forEach(function (n) { inv[n] = true; });
    write(INVALID, inv);
  }

  /** customer-data.js reload(): fetch the sections, store them, clear their invalidation, re-render. */
  function reload(names, forceNewTimestamp) {
    var url = '/customer/section/load/?sections=' + encodeURIComponent(names.join(',')) +
      '&force_new_section_timestamp=' + (forceNewTimestamp ? 'true' : 'false') + '&_=' + Date.now();
    return fetch(url, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (sections) {
        var store = read(STORAGE);
        var inv = read(INVALID);
        var ids = {};
        Object.keys(sections).forEach(function (name) {
          store[name] = sections[name];
          delete inv[name];
        });
        Object.keys(store).forEach(function (name) { if (store[name] && store[name].data_id) ids[name] = store[name].data_id; });
        write(STORAGE, store);
        write(INVALID, inv);
        document.cookie = 'section_data_ids=' + encodeURIComponent(JSON.stringify(ids)) + '; path=/; SameSite=Lax';
        render();
        return sections;
      })
      .catch(function (e) { status('Could not load your cart (' + e.message + ').'); });
  }

  /** A POST as jQuery.ajax sends it, then the sections it invalidates, as customer-data.js's ajaxComplete handler. */
  function post(url, body, json) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Accept', 'application/json, text/javascript, */*; q=0.01');
      if (json) xhr.setRequestHeader('Content-Type', 'application/json');
      else if (!(body instanceof FormData)) xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
      xhr.onload = function () {
        var data;
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = undefined; }
        var names = [];
        RULES.forEach(function (r) { if (r[0].test(url)) names = names.concat(r[1]); });
        if (names.length) {
          invalidate(names);
          reload(names, true).then(function () { resolve({ status: xhr.status, data: data }); });
        } else resolve({ status: xhr.status, data: data });
      };
      xhr.onerror = function () { reject(new Error('network error')); };
      xhr.send(json ? JSON.stringify(body) : body instanceof FormData ? body : new URLSearchParams(body).toString());
    });
  }

  function money(n) { return '$' + Number(n).toFixed(2); }

  function render() {
    var store = read(STORAGE);
    var cart = store.cart || { items: [], summary_count: 0, subtotalAmount: 0 };
    var customer = store.customer || {};
    var counter = $('[data-block="minicart"] .counter-number');
    if (counter) counter.textContent = String(cart.summary_count || 0);
    var list = $('#mini-cart');
    if (list) {
      list.textContent = '';
      (cart.items || []).forEach(function (item) {
        var li = document.createElement('li');
        li.className = 'item product product-item';
        li.setAttribute('data-item-id', item.item_id);
        li.innerHTML =
          '<a class="product-item-name" href="' + item.product_url + '">' + item.product_name + '</a> <span class="muted">' + item.product_sku + '</span> ' +
          '<span class="minicart-price"><span class="price">' + money(item.product_price_value) + '</span></span> ' +
          '<label>Qty <input type="number" class="item-qty cart-item-qty qty-input" data-test="qty-input" data-cart-item="' + item.item_id + '" value="' + item.qty + '" min="0" size="4"></label> ' +
          '<button type="button" class="update-cart-item btn ghost" data-test="update-qty" data-cart-item="' + item.item_id + '">Update</button> ' +
          '<a href="#" class="action delete remove-line" data-test="remove-line" data-cart-item="' + item.item_id + '" title="Remove item">Remove</a>';
        list.appendChild(li);
      });
    }
    var subtotal = $('#minicart-subtotal');
    if (subtotal) subtotal.textContent = money(cart.subtotalAmount || 0);
    var empty = $('#minicart-empty');
    if (empty) empty.hidden = (cart.items || []).length > 0;
    var greet = $('.greet.welcome');
    if (greet) greet.textContent = customer.fullname ? 'Welcome, ' + customer.fullname + '!' : 'Default welcome msg!';
    var signIn = $('#sign-in');
    var signOut = $('#sign-out');
    if (signIn) signIn.hidden = !!customer.fullname;
    if (signOut) signOut.hidden = !customer.fullname;
  }

  function minicart() {
    var box = $('[data-block="minicart"]');
    if (!box) return;
    box.addEventListener('click', function (e) {
      var t = e.target;
      var update = t.closest && t.closest('.update-cart-item');
      var remove = t.closest && t.closest('.remove-line');
      if (update) {
        var id = update.getAttribute('data-cart-item');
        var qty = box.querySelector('.qty-input[data-cart-item="' + id + '"]').value;
        status('Updating…');
        post('/checkout/sidebar/updateItemQty/', { item_id: id, item_qty: qty, form_key: formKey }).then(function (r) {
          status(r.data && r.data.success ? '' : (r.data && r.data.error_message) || 'Could not update.');
        });
      } else if (remove) {
        e.preventDefault();
        status('Removing…');
        post('/checkout/sidebar/removeItem/', { item_id: remove.getAttribute('data-cart-item'), form_key: formKey }).then(function (r) {
          status(r.data && r.data.success ? '' : (r.data && r.data.error_message) || 'Could not remove.');
        });
      }
    });
  }

  function addToCart() {
    var form = $('#product_addtocart_form');
    if (!form) return;
    var button = $('#product-addtocart-button');
    var submit = function (e) {
      e.preventDefault();
      status('Adding…');
      button.classList.add('disabled');
      post(form.getAttribute('action'), new FormData(form)).then(function (r) {
        button.classList.remove('disabled');
        var name = $('[itemprop=name]') ? $('[itemprop=name]').textContent : 'The product';
        status(r.data && r.data.backUrl ? 'Could not add the product.' : 'You added ' + name + ' to your shopping cart.');
      });
    };
    button.addEventListener('click', submit);
    form.addEventListener('submit', submit);
  }

  function account() {
    var signIn = $('#sign-in');
    var signOut = $('#sign-out');
    if (signIn) signIn.addEventListener('click', function () {
      post('/customer/ajax/login', { username: 'roni_cost@example.com', password: 'roni_cost3@example.com', context: 'checkout' }, true);
    });
    if (signOut) signOut.addEventListener('click', function () { post('/customer/ajax/logout', {}); });
  }

  function checkout() {
    var form = $('#co-payment-form');
    if (!form) return;
    var cfg = window.checkoutConfig || {};
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = function (n) { return (form.querySelector('[name=' + n + ']') || {}).value || ''; };
      var signedIn = !!(read(STORAGE).customer || {}).fullname;
      var url = signedIn ? '/rest/default/V1/carts/mine/payment-information' : '/rest/default/V1/guest-carts/' + cfg.quoteData.entity_id + '/payment-information';
      var body = {
        cartId: cfg.quoteData.entity_id,
        email: f('username'),
        paymentMethod: { method: 'checkmo', po_number: null, additional_data: null },
        billingAddress: { firstname: f('firstname'), lastname: f('lastname'), city: f('city'), telephone: f('telephone'), countryId: 'US', street: ['1 Main St'], postcode: '10001', email: f('username') },
      };
      status('Placing the order…');
      post(url, body, true).then(function (r) {
        if (r.status !== 200) return status((r.data && r.data.message) || 'The order could not be placed.');
        window.location.href = cfg.defaultSuccessPageUrl || '/zero/magento/checkout/onepage/success/';
      });
    });
  }

  /** customer-data.js at start: a new browser session or an invalidated/missing section reloads from the server. */
  function init() {
    var store = read(STORAGE);
    var inv = read(INVALID);
    var names = [];
    if (!cookie('mage-cache-sessid')) {
      write(STORAGE, (store = {}));
      document.cookie = 'mage-cache-sessid=true; path=/; SameSite=Lax';
    }
    ['cart', 'customer'].forEach(function (n) { if (!store[n] || inv[n]) names.push(n); });
    Object.keys(inv).forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
    render();
    if (names.length) reload(names, false);
  }

  minicart();
  addToCart();
  account();
  checkout();
  init();
})();
