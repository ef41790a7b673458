// @ts-check
// Shopify's Ajax cart API, as the bench server answers it: `POST /cart/add.js` adds lines,
// `GET /cart.js` returns the cart. The reads are counted: how many a tracker makes per page load.

/** @typedef {{ id: number, quantity: number }} Line */

/** @param {Line} l */
function lineJson(l) {
  const price = 1990 + (l.id % 50) * 100;
  return {
    id: l.id,
    properties: {},
    quantity: l.quantity,
    variant_id: l.id,
    key: `${l.id}:bench`,
    title: `Bench item ${l.id}`,
    price,
    original_price: price,
    discounted_price: price,
    line_price: price * l.quantity,
    original_line_price: price * l.quantity,
    final_price: price,
    final_line_price: price * l.quantity,
    total_discount: 0,
    discounts: [],
    sku: `SKU-${l.id}`,
    grams: 500,
    vendor: 'Bench',
    taxable: true,
    product_id: l.id - 1000000,
    gift_card: false,
    url: `/products/bench-${l.id}?variant=${l.id}`,
    handle: `bench-${l.id}`,
    requires_shipping: true,
    product_title: `Bench item ${l.id}`,
    variant_title: null,
  };
}

/** A cart for one page load; `reset()` starts the next load's. */
export function createCart() {
  /** @type {Map<number, Line>} */
  let lines = new Map();
  const counts = { adds: 0, reads: 0 };
  return {
    counts,
    reset() {
      lines = new Map();
      counts.adds = 0;
      counts.reads = 0;
    },
    /** @param {string} body @returns {object} */
    add(body) {
      counts.adds++;
      /** @type {Array<{ id?: unknown, quantity?: unknown }>} */
      let items = [];
      try {
        items = JSON.parse(body).items || [];
      } catch {}
      const added = items.map((i) => {
        const id = Number(i.id) || 0;
        const line = lines.get(id) || { id, quantity: 0 };
        line.quantity += Number(i.quantity) || 1;
        lines.set(id, line);
        return lineJson(line);
      });
      return { items: added };
    },
    read() {
      counts.reads++;
      const items = [...lines.values()].map(lineJson);
      const total = items.reduce((n, i) => n + i.final_line_price, 0);
      return {
        token: 'bench-cart',
        note: null,
        attributes: {},
        original_total_price: total,
        total_price: total,
        total_discount: 0,
        total_weight: items.length * 500,
        item_count: items.reduce((n, i) => n + i.quantity, 0),
        items,
        requires_shipping: items.length > 0,
        currency: 'USD',
        items_subtotal_price: total,
        cart_level_discount_applications: [],
      };
    },
  };
}
