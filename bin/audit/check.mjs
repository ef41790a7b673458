// @ts-check
// Pure: what the audit saw on a page (the tracker's inspection, the recorded calls) → the page type,
// the facts read, the events sent and the problems. No browser, no I/O.
import { keyTrouble, productKeys } from './keys.mjs';
import { problem, tidy } from './problems.mjs';
import { short } from './text.mjs';

/** @typedef {import('./types.js').Observed} Observed */
/** @typedef {import('./types.js').Inspection} Inspection */
/** @typedef {import('./types.js').PageModel} PageModel */
/** @typedef {import('./types.js').Problem} Problem */
/** @typedef {import('./types.js').SentEvent} SentEvent */

const PAGE_EVENTS = ['ProductPage', 'CategoryPage', 'MainPage', 'NotFound', 'SearchRequest', 'StatusCartPage', 'PurchasedItems'];
const FACTS = ['product', 'category', 'search', 'cart', 'order', 'customer'];
/** The platform adapters that read a cart (src/sources/platforms/): all of them. */
const CART_PLATFORMS = ['shopify', 'woocommerce', 'magento', 'prestashop', 'bigcommerce'];
/** The event each page type must send, when the page gives its key. */
const EXPECTED = /** @type {Record<string, [string, string]>} */ ({ product: ['product', 'ProductPage'], category: ['category', 'CategoryPage'] });

/**
 * @param {Observed} seen
 * @param {import('./types.js').Formats} formats
 */
export function checkPage(seen, formats) {
  const insp = seen.inspection;
  const model = insp && insp.page;
  const events = eventsOf(seen);
  const problems = [...formatProblems(seen, formats), ...startProblems(seen)];
  if (seen.running) {
    const names = events.map((e) => e.name);
    problems.push(
      ...installProblems(seen),
      ...inspected(insp),
      ...expectations(model, insp, names),
      ...repeats(names),
      ...keyProblems([events, model && [model.product, model.cart, model.order]]),
      ...cartProblems(insp),
      ...pageErrors(seen.pageErrors),
    );
  }
  // The tolerances the readers used (structured data as platforms print it), e.g. "Offers read as offers".
  const notes = model && Array.isArray(model.notes) ? model.notes.map(String) : [];
  return { type: model ? model.type : null, typeFrom: model ? model.typeFrom : null, facts: factsOf(model), notes, events, problems: tidy(problems) };
}

/** @param {PageModel | undefined} model */
export function factsOf(model) {
  /** @type {Record<string, { value: unknown, from: string }>} */
  const facts = {};
  const from = (model && model.from) || {};
  for (const k of FACTS) {
    const value = model && /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (model))[k];
    if (value !== undefined && from[k]) facts[k] = { value, from: from[k] };
  }
  return facts;
}

/**
 * What was sent: the eS calls as recorded and the bodies posted to a tracker API; when neither was
 * caught, the tracker's own `yespo:event`s.
 * @param {Observed} seen
 * @returns {SentEvent[]}
 */
export function eventsOf(seen) {
  /** @type {SentEvent[]} */
  const events = seen.calls
    .filter((c) => c[0] === 'sendEvent')
    .map((c) => (c.length > 2 ? { name: String(c[1]), payload: c[2] } : { name: String(c[1]) }));
  for (const b of seen.restBodies) events.push({ name: b.GeneralInfo.eventName, via: 'rest', body: b });
  if (!seen.calls.length && !seen.restBodies.length)
    for (const e of seen.sent) events.push(e.body ? { name: e.name, via: 'rest', body: e.body } : { name: e.name, payload: e.payload });
  return events;
}

/**
 * @param {Observed} seen
 * @param {import('./types.js').Formats} formats
 */
function formatProblems(seen, formats) {
  const out = [];
  for (const c of seen.calls) {
    const bad = formats.checkEsCall(c);
    if (bad.length) out.push(problem('event-format', `eS(${c.slice(0, 2).map((x) => JSON.stringify(x)).join(', ')}) does not match Yespo's format: ${bad.join('; ')}`));
  }
  for (const b of seen.restBodies) {
    const bad = formats.checkRestBody(b);
    if (bad.length) out.push(problem('event-format', `REST ${b.GeneralInfo.eventName} does not match Yespo's format: ${bad.join('; ')}`));
  }
  return out;
}

/**
 * Did the tracker run? What it logged that its inspection does not list.
 * @param {Observed} seen
 */
function startProblems(seen) {
  const listed = new Set(((seen.inspection && seen.inspection.problems) || []).map((p) => (typeof p === 'string' ? p : p.message)));
  // The tracker logs format mismatches too; the audit checks every call itself (event-format).
  const formatLines = eventsOf(seen).map((e) => `${e.name} does not match Yespo's format:`);
  const out = seen.logged
    .filter((l) => !listed.has(l.text) && !formatLines.some((f) => l.text.startsWith(f)))
    .map((l) => problem('tracker-log', l.text, l.type === 'error' ? 'error' : 'warning'));
  if (!seen.running)
    out.push(problem('not-started', `the tracker did not start${seen.bundle === 'injected' ? '' : " (the page's own bundle)"}${seen.logged.length ? '' : '; it logged nothing'}`));
  return out;
}

/**
 * How the page installs the tracker: its scriptId, consent, a bundle that cannot be inspected.
 * @param {Observed} seen
 */
function installProblems(seen) {
  const out = [];
  const insp = seen.inspection;
  const config = (insp && insp.config) || seen.config || {};
  const installed = seen.bundle !== 'injected' || (seen.cfg && seen.cfg.own);
  if (installed && !(seen.cfg && seen.cfg.keys.includes('scriptId')) && !seen.scriptIdAttr && config.transport !== 'rest')
    out.push(problem('config-missing-script-id', "the page's window.yespoConfig has no scriptId (nor data-yespo-script-id on the script tag): the tracker would stay off; the audit supplied one"));
  if (seen.granted === 'google')
    out.push(problem('consent-held', 'Google Consent Mode denies analytics_storage: nothing is sent until the visitor accepts; the audit accepted (gtag consent update), and the events shown are those that follow'));
  else if (seen.granted === 'config' || config.consent === 'pending')
    out.push(problem('consent-held', "consent is \"pending\": nothing is sent until the page calls yespo.consent('granted'); the audit called it, and the events shown are those that follow"));
  if (seen.bundle !== 'injected' && !insp)
    out.push(problem('not-inspectable', `the page's own bundle (${seen.version || 'unknown version'}) is not the debug build, so the page type, sources and problems are unknown; only the sent events are shown`));
  return out;
}

/**
 * The debug build's own findings, with their codes and levels.
 * @param {Inspection | undefined} insp
 * @returns {Problem[]}
 */
function inspected(insp) {
  // A build older than problem codes reports bare lines: they are warnings.
  return ((insp && insp.problems) || []).map((p) => (typeof p === 'string' ? { code: 'tracker-log', level: 'warning', message: p } : { code: p.code, level: p.level, message: p.message }));
}

/**
 * A page type without its event, a product without a price, a page nothing decided.
 * @param {PageModel | undefined} model
 * @param {Inspection | undefined} insp
 * @param {string[]} names
 */
function expectations(model, insp, names) {
  if (!model) return [];
  const out = [];
  const keyMissing = ((insp && insp.problems) || []).some((p) => typeof p !== 'string' && p.code === 'page-key-missing');
  if (model.type === 'product' && !model.product && !keyMissing) out.push(problem('event-missing', 'product page without a product key: no ProductPage is sent'));
  if (model.type === 'product' && model.product && model.product.price === undefined)
    out.push(problem('price-missing', `product page without a price (product "${model.product.productKey}"): ProductPage is sent without one`));
  const [fact, event] = EXPECTED[model.type] || [];
  if (fact && /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (model))[fact] && !names.includes(event))
    out.push(problem('event-missing', `${model.type} page, but no ${event} event was sent`));
  if (model.type === 'purchase' && !names.includes('PurchasedItems'))
    out.push(problem('event-missing', `purchase page, but no PurchasedItems event was sent${model.order ? '' : ' (no order found: data-yespo-order, JSON-LD Order or a dataLayer purchase)'}`));
  if (model.type === 'other' && model.typeFrom === 'no signal')
    out.push(problem('no-page-signal', 'no page-type signal (data-yespo-page, structured data, dataLayer or a URL rule): nothing page-specific is sent here'));
  return out;
}

/** @param {string[]} names */
function repeats(names) {
  const out = [];
  for (const n of PAGE_EVENTS) {
    const times = names.filter((x) => x === n).length;
    if (times > 1) out.push(problem('event-repeated', `${n} was sent ${times} times (does the page also call eS itself?)`));
  }
  return out;
}

/** @param {unknown} where */
function keyProblems(where) {
  const out = [];
  for (const k of productKeys(where)) {
    const why = keyTrouble(k);
    if (why.length) out.push(problem('key-not-feed-like', `product key ${short(JSON.stringify(k), 90)} does not look like a feed id: ${why.join(', ')} (Yespo matches productKey to the g:id of the product feed)`));
  }
  return out;
}

/**
 * A page a platform adapter read (its name is a source of the model), while no cart came from it.
 * @param {Inspection | undefined} insp
 */
function cartProblems(insp) {
  const model = insp && insp.page;
  if (!model || insp.cart || (model.from && model.from.cart)) return [];
  const sources = [model.typeFrom, ...Object.values(model.from || {})];
  const platform = CART_PLATFORMS.find((p) => sources.some((s) => typeof s === 'string' && s.toLowerCase().startsWith(p)));
  return platform ? [problem('cart-not-read', `the page is ${platform}'s, but no cart was read from ${platform}'s cart source: StatusCart cannot follow the visitor's cart`)] : [];
}

/** @param {string[]} errors */
function pageErrors(errors) {
  const out = errors.slice(0, 3).map((e) => problem('page-error', `uncaught error in the page: ${short(e, 200)}`));
  if (errors.length > 3) out.push(problem('page-error', `${errors.length - 3} more uncaught errors in the page`));
  return out;
}
