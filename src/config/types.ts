import type { PageType } from '../lib/pageTypes';

export type ProductKeyField = 'sku' | 'productID' | 'mpn' | 'gtin' | 'id' | 'url';

/** `window.yespoConfig` as a shop writes it. Every key is optional; see README "Configuration". */
export interface YespoConfig {
  /** Store id in the eS loader URL. Required for transport 'es' and 'auto'. */
  scriptId?: string;
  /** `GeneralInfo.siteId` of the REST tracker API. Required for transport 'rest' and 'auto'. */
  siteId?: string;
  /** Defaults to 'es'. 'auto': eS.JS, falling back to REST for the visit when the loader does not load. */
  transport?: 'es' | 'rest' | 'auto';
  /** Defaults to `https://cdn.esputnik.com/scripts/<scriptId>.js`. */
  scriptUrl?: string;
  /** Defaults to `https://tracker.yespo.io/api/v2`. */
  restUrl?: string;
  /** `RECOMS` passed to `eS('init')`. Defaults to true. */
  recoms?: boolean;
  /** URL-path rules per page type, `*` a wildcard. Defaults to `{ main: ['/'], cart: ['/cart', '/basket'], checkout: ['/checkout'] }`. */
  pages?: Partial<Record<PageType, string | string[]>>;
  /** Which structured-data field becomes productKey. Defaults to `['sku', 'productID', 'id', 'url']`. */
  productKey?: ProductKeyField[];
  /** Currency when the page gives none. */
  currency?: string;
  /** 'pending': nothing is loaded, stored or sent until `yespo.consent('granted')`. Defaults to 'granted'. */
  consent?: 'granted' | 'pending';
  /** When a recommendation item counts as seen, and where blocks and items are found. */
  impressions?: {
    /** Defaults to 0.5. */
    threshold?: number;
    /** Defaults to 1000. */
    minVisibleMs?: number;
    /** Defaults to 1000. */
    flushMs?: number;
    /** Defaults to '[data-yespo-recs]'. */
    blockSelector?: string;
    /** Defaults to '[data-yespo-rec-item]'. */
    itemSelector?: string;
    /** Defaults to 'data-yespo-rec-item'. */
    productAttr?: string;
    /** Defaults to 'data-yespo-recs'. */
    containerAttr?: string;
  };
  /** Defaults to `{ params: ['q', 's', 'search', 'query'], onlyNotFound: false }`. */
  search?: { params?: string[]; onlyNotFound?: boolean };
  /** The GA4 / UA ecommerce array to read (full build). Defaults to true ('dataLayer'). */
  dataLayer?: boolean | string;
  /** Platform adapters to use (full build). Defaults to true. */
  platforms?: boolean | Partial<Record<string, boolean>>;
  /** A category page's key from structured data (full build): its URL or its last breadcrumb. Defaults to 'url'. */
  categoryKey?: 'url' | 'breadcrumb';
  /** Follow SPA route changes as page views. Defaults to true. */
  spa?: boolean;
  /** The visitor as the page knows them at load. */
  user?: { externalCustomerId?: string; email?: string; phone?: string; name?: string; contactId?: string | number };
  /** Log every signal and event; show the overlay. Defaults to false (also on with `?yespo_debug=1`). */
  debug?: boolean;
}

/** The configuration after defaults are applied: what the tracker runs with. */
export interface ResolvedConfig {
  scriptId?: string;
  siteId?: string;
  transport: 'es' | 'rest' | 'auto';
  scriptUrl: string;
  restUrl: string;
  recoms: boolean;
  pages: Partial<Record<PageType, string[]>>;
  productKey: ProductKeyField[];
  currency?: string;
  consent: 'granted' | 'pending';
  impressions: Required<NonNullable<YespoConfig['impressions']>>;
  search: Required<NonNullable<YespoConfig['search']>>;
  dataLayer: false | string;
  /** false: no platform adapters; otherwise the ones switched off. */
  platforms: false | string[];
  categoryKey: 'url' | 'breadcrumb';
  spa: boolean;
  user?: { externalCustomerId?: string; email?: string; phone?: string; name?: string; contactId?: string };
  debug: boolean;
}

export interface Checked {
  config?: ResolvedConfig;
  errors: string[];
  warnings: string[];
}

/** A config problem: a required option missing, an invalid value (its default used), an unknown option. */
export type ConfigProblem = readonly [what: 'required' | 'invalid' | 'unknown', path: string];

/** The config with its problems, as codes (messages.ts words them), in the order they are reported. */
export interface CheckedOptions {
  config?: ResolvedConfig;
  problems: ConfigProblem[];
}
