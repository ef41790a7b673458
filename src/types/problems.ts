/**
 * Problems as data: tools (the audit, the overlay) read `code` and `level`, people read `message`.
 * `error`: something is not sent, or sent wrong; `warning`: sent, but worth a look.
 */
export const PROBLEMS = {
  /** data-yespo-page names no known page type. */
  'page-type-unknown': 'error',
  /** A price that is not a number, or a cart/order line without one. */
  'price-invalid': 'warning',
  /** A cart, order or product element with an empty key. */
  'key-empty': 'warning',
  /** More lines or blocks than are read; the rest were left out. */
  'capped': 'warning',
  /** data-yespo-order without a number, or without lines. */
  'order-incomplete': 'error',
  /** data-yespo-results is not a count. */
  'results-invalid': 'warning',
  /** A wishlist or recommendation add-to-cart click with no product to name. */
  'click-no-product': 'warning',
  /** Two sources say different things; the first one wins. */
  'sources-disagree': 'warning',
  /** An impressions selector the browser rejects. */
  'selector-invalid': 'error',
  /** A recommendation item without product id, or a block without container type. */
  'recs-incomplete': 'error',
  /** A product, category or search page without its key or query: its event is not sent. */
  'page-key-missing': 'error',
  /** Bad input to the yespo API (setCart, track, consent, identify). */
  'api-input': 'warning',
  /** The order was sent from this browser before. */
  'order-sent-before': 'warning',
  /** A JSON-LD block that cannot be read. */
  'jsonld-unreadable': 'error',
  /** A JSON-LD block read after a repair (trailing commas, comments, …). */
  'jsonld-repaired': 'warning',
  /** Products in structured data, none of them the page's own. */
  'product-not-own': 'warning',
  /** A source threw while reading; the others were read. */
  'source-failed': 'warning',
  /** The dataLayer is not an array, or an entry could not be read. */
  'datalayer': 'warning',
  /** A platform's cart could not be read (HTTP error, HTML, malformed JSON). */
  'cart-unreadable': 'warning',
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
export type ProblemLevel = 'error' | 'warning';

export interface Problem {
  code: ProblemCode;
  level: ProblemLevel;
  message: string;
}

/** Reports a problem; the shop bundle compiles every call site out (`__DEBUG__ && problem(…)`). */
export type Report = (code: ProblemCode, message: string) => void;
