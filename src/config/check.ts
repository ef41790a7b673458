import { isPageType, type PageType } from './lib/pageTypes';
import type { ResolvedConfig, YespoConfig } from './schema/config';

export type { ResolvedConfig, YespoConfig };

export const PRODUCT_KEY_FIELDS = ['sku', 'productID', 'mpn', 'gtin', 'id', 'url'] as const;
export const PLATFORMS = ['shopify', 'woocommerce', 'magento', 'prestashop', 'bigcommerce'] as const;

const BOOL = 'true or false';
const STR = 'a non-empty string';

/** What each option must be, as the warning says it. Shared with the zod schema so both speak alike. */
export const EXPECT: Record<string, string> = {
  scriptId: STR,
  siteId: STR,
  transport: "'es', 'rest' or 'auto'",
  scriptUrl: STR,
  restUrl: STR,
  recoms: BOOL,
  pages: 'an object of page type → path pattern(s)',
  'pages.*': 'a path pattern or a list of them',
  productKey: 'a list of sku, productID, mpn, gtin, id, url',
  currency: STR,
  consent: "'granted' or 'pending'",
  impressions: 'an object',
  'impressions.threshold': 'a number from 0 to 1',
  'impressions.minVisibleMs': 'a number ≥ 0',
  'impressions.flushMs': 'a number ≥ 0',
  'impressions.blockSelector': 'a CSS selector',
  'impressions.itemSelector': 'a CSS selector',
  'impressions.productAttr': 'an attribute name',
  'impressions.containerAttr': 'an attribute name',
  search: 'an object',
  'search.params': 'a list of URL parameter names',
  'search.onlyNotFound': BOOL,
  spa: BOOL,
  // The core build reads neither: there these keys are unknown options.
  ...(__ZERO__
    ? { dataLayer: 'true, false or the name of the array', platforms: 'true, false or an object of platform → true/false', categoryKey: "'url' or 'breadcrumb'" }
    : {}),
  user: 'an object',
  'user.*': STR,
  'user.contactId': 'a string or a number',
  debug: BOOL,
};

export const DEFAULT_PAGES: Partial<Record<PageType, string[]>> = {
  main: ['/'],
  cart: ['/cart', '/basket'],
  checkout: ['/checkout'],
};

export const defaults = (): ResolvedConfig => ({
  transport: 'es',
  scriptUrl: '',
  restUrl: 'https://tracker.yespo.io/api/v2',
  recoms: true,
  pages: { ...DEFAULT_PAGES },
  productKey: ['sku', 'productID', 'id', 'url'],
  consent: 'granted',
  impressions: {
    threshold: 0.5,
    minVisibleMs: 1000,
    flushMs: 1000,
    blockSelector: '[data-yespo-recs]',
    itemSelector: '[data-yespo-rec-item]',
    productAttr: 'data-yespo-rec-item',
    containerAttr: 'data-yespo-recs',
  },
  search: { params: ['q', 's', 'search', 'query'], onlyNotFound: false },
  dataLayer: 'dataLayer',
  spa: true,
  platforms: [],
  categoryKey: 'url',
  debug: false,
});

export const missingMsg = (key: string) => `config "${key}" is required (${EXPECT[key]}); the tracker is off`;
export const invalidMsg = (path: string) =>
  `config "${path}" must be ${EXPECT[path] || EXPECT[path.replace(/\..*/, '.*')]}; using the default`;
export const unknownMsg = (path: string) => `config "${path}" is not a known option; ignored`;

export interface Checked {
  config?: ResolvedConfig;
  errors: string[];
  warnings: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A check returns the value to keep (trimmed, normalised), or undefined when the value is invalid. */
type Check = (v: unknown) => unknown;
const str: Check = (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const bool: Check = (v) => (typeof v === 'boolean' ? v : undefined);
const oneOf = (...a: unknown[]): Check => (v) => (a.indexOf(v) >= 0 ? v : undefined);
const num = (max = Infinity): Check => (v) => (typeof v === 'number' && v >= 0 && v <= max ? v : undefined);
const strList: Check = (v) => (Array.isArray(v) && v.every(str) ? v.map(str) : undefined);
const anyOf = (list: readonly string[], min: number): Check => (v) =>
  Array.isArray(v) && v.length >= min && v.every((x) => list.indexOf(x) >= 0) ? v : undefined;

const TOP: Record<string, Check> = {
  scriptId: str,
  siteId: str,
  transport: oneOf('es', 'rest', 'auto'),
  scriptUrl: str,
  restUrl: str,
  recoms: bool,
  productKey: anyOf(PRODUCT_KEY_FIELDS, 1),
  currency: str,
  consent: oneOf('granted', 'pending'),
  spa: bool,
  ...(__ZERO__
    ? {
        dataLayer: (v: unknown) => (v === true ? 'dataLayer' : v === false ? v : str(v)),
        categoryKey: oneOf('url', 'breadcrumb'),
        platforms: (v: unknown) =>
          v === true ? [] : v === false ? v : isObj(v) && anyOf(PLATFORMS, 0)(Object.keys(v)) && Object.keys(v).every((k) => bool(v[k]) !== undefined) ? Object.keys(v).filter((k) => !v[k]) : undefined,
      }
    : {}),
  debug: bool,
};

/** Object options: each key checked alone, so one bad key keeps the others. */
const SUB: Record<string, Record<string, Check>> = {
  impressions: {
    threshold: num(1),
    minVisibleMs: num(),
    flushMs: num(),
    blockSelector: str,
    itemSelector: str,
    productAttr: str,
    containerAttr: str,
  },
  search: { params: strList, onlyNotFound: bool },
  user: { externalCustomerId: str, email: str, phone: str, name: str, contactId: (v) => (typeof v === 'number' && isFinite(v) ? String(v) : str(v)) },
  pages: {},
};
const pagePattern: Check = (v) => (str(v) ? [str(v)] : strList(v));

/**
 * Checks `window.yespoConfig` with small guards (zod stays out of the bundle); the table test in
 * test/config.test.ts holds these guards to the zod schema in src/schema/config.ts.
 */
export function checkConfig(input: unknown): Checked {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cfg = defaults() as unknown as Record<string, unknown> & ResolvedConfig;
  const raw = isObj(input) ? input : {};
  const warn = (p: string) => warnings.push(invalidMsg(p));
  for (const k in raw) {
    const v = raw[k];
    if (!own(raw, k) || v === undefined) continue;
    if (TOP[k]) {
      const r = TOP[k](v);
      if (r === undefined) warn(k);
      else cfg[k] = r;
    } else if (!SUB[k]) warnings.push(unknownMsg(k));
    else if (!isObj(v)) warn(k);
    else {
      const into = (cfg[k] = cfg[k] || {}) as Record<string, unknown>;
      for (const s in v) {
        if (!own(v, s) || v[s] === undefined) continue;
        const check = k === 'pages' ? (isPageType(s) ? pagePattern : undefined) : SUB[k][s];
        const r = check && check(v[s]);
        if (!check) warnings.push(unknownMsg(k + '.' + s));
        else if (r === undefined) warn(k + '.' + s);
        else into[s] = r;
      }
    }
  }
  for (const k of ['scriptId', 'siteId'] as const)
    if (!cfg[k] && (k === 'scriptId' ? cfg.transport !== 'rest' : cfg.transport !== 'es')) {
      errors.push(missingMsg(k));
      const i = warnings.indexOf(invalidMsg(k));
      if (i >= 0) warnings.splice(i, 1);
    }
  if (!cfg.scriptUrl && cfg.scriptId) cfg.scriptUrl = 'https://cdn.esputnik.com/scripts/' + cfg.scriptId + '.js';
  return errors.length ? { errors, warnings } : { config: cfg, errors, warnings };
}
