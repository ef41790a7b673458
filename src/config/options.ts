import { isPageType } from '../lib/pageTypes';
import { PLATFORM_NAMES } from '../types/platform';

/**
 * How a value is checked; the guard (check.ts) and the zod schema (schema/config.ts) both read it.
 * 'unit' is a number from 0 to 1, 'keys' a non-empty list of `of`, 'idnum' a string or a number.
 */
export type Kind = 'str' | 'bool' | 'num' | 'unit' | 'enum' | 'keys' | 'strs' | 'pattern' | 'idnum' | 'obj' | 'dataLayer' | 'platforms';

/**
 * One configuration option, the single description of it (a tuple, so the table stays small in
 * the bundle): the path ('transport', 'impressions.threshold'; 'pages.*' for any key of that
 * object), how it is checked, its default (objects are built from their options' defaults), the
 * values of an 'enum', 'keys' or 'platforms' option, and 1 when only the full build (the
 * zero-config readers) has it. What a warning says an option must be is in messages.ts.
 */
export type Option = readonly [path: string, kind: Kind, def?: unknown, of?: readonly string[], zero?: 1];

export const PRODUCT_KEY_FIELDS = ['sku', 'productID', 'mpn', 'gtin', 'id', 'url'] as const;

export const OPTIONS: readonly Option[] = [
  ['scriptId', 'str'],
  ['siteId', 'str'],
  // The core build has no REST transport: 'es' is the one value it takes.
  ['transport', 'enum', 'es', __REST__ ? ['es', 'rest', 'auto'] : ['es']],
  ['scriptUrl', 'str', ''],
  // The REST endpoint: the core build has no REST transport.
  ...((__REST__ ? [['restUrl', 'str', 'https://tracker.yespo.io/api/v2']] : []) as Option[]),
  ['recoms', 'bool', true],
  ['pages', 'obj', { main: ['/'], cart: ['/cart', '/basket'], checkout: ['/checkout'] }],
  ['pages.*', 'pattern'],
  ['currency', 'str'],
  ['consent', 'enum', 'granted', ['granted', 'pending']],
  ['impressions', 'obj'],
  ['impressions.threshold', 'unit', 0.5],
  ['impressions.minVisibleMs', 'num', 1000],
  ['impressions.flushMs', 'num', 1000],
  ['impressions.blockSelector', 'str', '[data-yespo-recs]'],
  ['impressions.itemSelector', 'str', '[data-yespo-rec-item]'],
  ['impressions.productAttr', 'str', 'data-yespo-rec-item'],
  ['impressions.containerAttr', 'str', 'data-yespo-recs'],
  ['search', 'obj'],
  ['search.params', 'strs', ['q', 's', 'search', 'query']],
  ['search.onlyNotFound', 'bool', false],
  ['spa', 'bool', true],
  // The full build's options; the core build reads none of them (there they are unknown options).
  ...((__ZERO__
    ? [
        ['productKey', 'keys', ['sku', 'productID', 'id', 'url'], PRODUCT_KEY_FIELDS, 1],
        ['dataLayer', 'dataLayer', 'dataLayer', undefined, 1],
        ['platforms', 'platforms', [], PLATFORM_NAMES, 1],
        ['categoryKey', 'enum', 'url', ['url', 'breadcrumb'], 1],
      ]
    : []) as Option[]),
  ['user', 'obj'],
  ['user.externalCustomerId', 'str'],
  ['user.email', 'str'],
  ['user.phone', 'str'],
  ['user.name', 'str'],
  ['user.contactId', 'idnum'],
  ['debug', 'bool', false],
];

/** The option at a path ('pages.cart' finds 'pages.*'; 'pages.nope' finds none), if this build has it. */
export function option(path: string): Option | undefined {
  const [top, sub] = path.split('.');
  for (const o of OPTIONS) if ((o[0] === path || (o[0] === top + '.*' && isPageType(sub))) && (__ZERO__ || !o[4])) return o;
  return undefined;
}
