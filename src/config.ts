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
  dataLayer: 'true, false or the name of the array',
  spa: BOOL,
  platforms: 'true, false or an object of platform → true/false',
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
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNum = (v: unknown, max = Infinity): v is number => typeof v === 'number' && v >= 0 && v <= max;
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const trim = (v: unknown): unknown => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.map(trim) : v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Checks `window.yespoConfig` with small guards (zod stays out of the bundle); the table test in
 * test/config.test.ts holds these guards to the zod schema in src/schema/config.ts.
 */
export function checkConfig(input: unknown): Checked {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cfg = defaults();
  const raw = isObj(input) ? input : {};
  const warn = (p: string) => warnings.push(invalidMsg(p));
  const top = (k: keyof ResolvedConfig, ok: (v: unknown) => boolean, set: (v: never) => void) => {
    if (!own(raw, k) || raw[k] === undefined) return;
    if (ok(raw[k])) set(raw[k] as never);
    else warn(k);
  };
  const sub = (k: 'impressions' | 'search', checks: Record<string, (v: unknown) => boolean>) => {
    const v = raw[k];
    if (v === undefined) return;
    if (!isObj(v)) {
      warn(k);
      return;
    }
    for (const s in v) {
      if (!own(v, s) || v[s] === undefined) continue;
      if (!checks[s]) warnings.push(unknownMsg(k + '.' + s));
      else if (checks[s](v[s])) (cfg[k] as Record<string, unknown>)[s] = trim(v[s]);
      else warn(k + '.' + s);
    }
  };

  for (const k in raw) if (own(raw, k) && !EXPECT[k]) warnings.push(unknownMsg(k));
  top('scriptId', isStr, (v: string) => (cfg.scriptId = v.trim()));
  top('siteId', isStr, (v: string) => (cfg.siteId = v.trim()));
  top('transport', (v) => v === 'es' || v === 'rest' || v === 'auto', (v: ResolvedConfig['transport']) => (cfg.transport = v));
  top('scriptUrl', isStr, (v: string) => (cfg.scriptUrl = v.trim()));
  top('restUrl', isStr, (v: string) => (cfg.restUrl = v.trim()));
  top('recoms', isBool, (v: boolean) => (cfg.recoms = v));
  top('productKey', (v) => Array.isArray(v) && v.length > 0 && v.every((f) => (PRODUCT_KEY_FIELDS as readonly unknown[]).indexOf(f) >= 0), (v: ResolvedConfig['productKey']) => (cfg.productKey = v));
  top('currency', isStr, (v: string) => (cfg.currency = v.trim()));
  top('consent', (v) => v === 'granted' || v === 'pending', (v: ResolvedConfig['consent']) => (cfg.consent = v));
  top('dataLayer', (v) => isBool(v) || isStr(v), (v: boolean | string) => (cfg.dataLayer = v === true ? 'dataLayer' : v));
  top('spa', isBool, (v: boolean) => (cfg.spa = v));
  top(
    'platforms',
    (v) => isBool(v) || (isObj(v) && Object.keys(v).every((k) => (PLATFORMS as readonly string[]).indexOf(k) >= 0 && isBool(v[k]))),
    (v: boolean | Record<string, boolean>) => (cfg.platforms = v === false ? false : v === true ? [] : (Object.keys(v).filter((k) => !v[k]) as ResolvedConfig['platforms'])),
  );
  top('debug', isBool, (v: boolean) => (cfg.debug = v));
  sub('impressions', {
    threshold: (v) => isNum(v, 1),
    minVisibleMs: isNum,
    flushMs: isNum,
    blockSelector: isStr,
    itemSelector: isStr,
    productAttr: isStr,
    containerAttr: isStr,
  });
  sub('search', { params: isStrList, onlyNotFound: isBool });

  const pages = raw.pages;
  if (pages !== undefined) {
    if (!isObj(pages)) warn('pages');
    else
      for (const t in pages) {
        if (!own(pages, t) || pages[t] === undefined) continue;
        const v = pages[t];
        if (!isPageType(t)) warnings.push(unknownMsg('pages.' + t));
        else if (isStr(v)) cfg.pages[t] = [v];
        else if (isStrList(v)) cfg.pages[t] = v;
        else warn('pages.' + t);
      }
  }

  const user = raw.user;
  if (user !== undefined) {
    if (!isObj(user)) warn('user');
    else {
      const u: NonNullable<ResolvedConfig['user']> = {};
      for (const f in user) {
        if (!own(user, f) || user[f] === undefined) continue;
        const v = user[f];
        if (f !== 'externalCustomerId' && f !== 'email' && f !== 'phone' && f !== 'name' && f !== 'contactId')
          warnings.push(unknownMsg('user.' + f));
        else if (isStr(v) || (f === 'contactId' && typeof v === 'number' && isFinite(v))) u[f] = String(v).trim();
        else warn('user.' + f);
      }
      cfg.user = u;
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
