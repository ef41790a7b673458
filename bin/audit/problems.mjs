// @ts-check
// The audit's own problem codes, beside the tracker's (src/types/problems.ts): tools read `code`
// and `level`, people read `message`.

/** @typedef {'error' | 'warning'} Level */
/** @typedef {{ code: string, level: Level, message: string }} Problem */

/** @type {Record<string, Level>} */
export const AUDIT_PROBLEMS = {
  /** The page could not be loaded. */
  'page-unreachable': 'error',
  /** The page answered HTTP 4xx/5xx other than 404. */
  'http-error': 'error',
  /** The page took longer than the per-page time limit. */
  'page-timeout': 'error',
  /** The audit itself failed on the page. */
  'audit-failed': 'error',
  /** The tracker did not start on the page. */
  'not-started': 'error',
  /** A line the tracker logged (console.error / console.warn) that is not one of its inspected problems. */
  'tracker-log': 'warning',
  /** The page's own config (or bundle tag) has no scriptId. */
  'config-missing-script-id': 'error',
  /** An eS call or REST body that does not match Yespo's format. */
  'event-format': 'error',
  /** A page type without its event (product page without ProductPage, …). */
  'event-missing': 'error',
  /** A page-level event sent more than once. */
  'event-repeated': 'warning',
  /** A product page without a price. */
  'price-missing': 'warning',
  /** A product key that does not look like a product feed id. */
  'key-not-feed-like': 'warning',
  /** No signal decides the page type: nothing page-specific is sent. */
  'no-page-signal': 'warning',
  /** Consent pending or denied by Google Consent Mode: the audit accepted. */
  'consent-held': 'warning',
  /** The page's own bundle is not the debug build: only its events are known. */
  'not-inspectable': 'warning',
  /** The page includes the tracker but it did not start; the audit injected its own copy. */
  'bundle-not-started': 'warning',
  /** A shop platform with a cart source was detected, but no cart was read from it. */
  'cart-not-read': 'warning',
  /** An uncaught error in the page. */
  'page-error': 'warning',
  /** Cart scenario: no add-to-cart button found on the product page. */
  'cart-no-button': 'warning',
  /** Cart scenario: add to cart was clicked, but no StatusCart followed. */
  'cart-not-sent': 'error',
};

/**
 * One of the audit's own problems, at the level its code has.
 * @param {keyof typeof AUDIT_PROBLEMS} code
 * @param {string} message
 * @param {Level} [level] only for `tracker-log`, whose level is the console's
 * @returns {Problem}
 */
export const problem = (code, message, level) => ({ code, level: level || AUDIT_PROBLEMS[code], message });

/**
 * Each problem once (same code and message), errors first.
 * @param {Problem[]} list
 */
export function tidy(list) {
  const seen = new Set();
  return list
    .filter((p) => !seen.has(p.code + '\n' + p.message) && seen.add(p.code + '\n' + p.message))
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
}
