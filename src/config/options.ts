import { PLATFORM_NAMES } from '../types/platform';

/**
 * How a value is checked; the guard (check.ts) and the zod schema (schema/config.ts) both read it.
 * 'unit' is a number from 0 to 1, 'keys' a non-empty list of `of`, 'idnum' a string or a number.
 */
export type Kind = 'str' | 'bool' | 'num' | 'unit' | 'enum' | 'keys' | 'strs' | 'pattern' | 'idnum' | 'obj' | 'dataLayer' | 'platforms';

/**
 * One configuration option, the single description of it (a tuple, so the table stays small in
 * the bundle): the path ('transport', 'impressions.threshold'; 'pages.*' for any key of that
 * object), how it is checked, its default (objects are built from their options' defaults), what a
 * warning says it must be where the kind's own words do not fit, the values of an 'enum', 'keys'
 * or 'platforms' option, and 1 when only the full build (the zero-config readers) has it.
 */
export type Option = readonly [path: string, kind: Kind, def?: unknown, expect?: string, of?: readonly string[], zero?: 1];

export const PRODUCT_KEY_FIELDS = ['sku', 'productID', 'mpn', 'gtin', 'id', 'url'] as const;
const CSS = 'a CSS selector';
const ATTR = 'an attribute name';

export const OPTIONS: readonly Option[] = [
  ['scriptId', 'str'],
  ['siteId', 'str'],
  // The core build has no REST transport: 'es' is the one value it takes.
  ['transport', 'enum', 'es', undefined, __REST__ ? ['es', 'rest', 'auto'] : ['es']],
  ['scriptUrl', 'str', ''],
  // The REST endpoint: the core build has no REST transport.
  ...((__REST__ ? [['restUrl', 'str', 'https://tracker.yespo.io/api/v2']] : []) as Option[]),
  ['recoms', 'bool', true],
  ['pages', 'obj', { main: ['/'], cart: ['/cart', '/basket'], checkout: ['/checkout'] }, 'an object of page type → path pattern(s)'],
  ['pages.*', 'pattern'],
  ['currency', 'str'],
  ['consent', 'enum', 'granted', undefined, ['granted', 'pending']],
  ['impressions', 'obj'],
  ['impressions.threshold', 'unit', 0.5],
  ['impressions.minVisibleMs', 'num', 1000],
  ['impressions.flushMs', 'num', 1000],
  ['impressions.blockSelector', 'str', '[data-yespo-recs]', CSS],
  ['impressions.itemSelector', 'str', '[data-yespo-rec-item]', CSS],
  ['impressions.productAttr', 'str', 'data-yespo-rec-item', ATTR],
  ['impressions.containerAttr', 'str', 'data-yespo-recs', ATTR],
  ['search', 'obj'],
  ['search.params', 'strs', ['q', 's', 'search', 'query'], 'a list of URL parameter names'],
  ['search.onlyNotFound', 'bool', false],
  ['spa', 'bool', true],
  // The full build's options; the core build reads none of them (there they are unknown options).
  ...((__ZERO__
    ? [
        ['productKey', 'keys', ['sku', 'productID', 'id', 'url'], undefined, PRODUCT_KEY_FIELDS, 1],
        ['dataLayer', 'dataLayer', 'dataLayer', 'true, false or the name of the array', undefined, 1],
        ['platforms', 'platforms', [], 'true, false or an object of platform → true/false', PLATFORM_NAMES, 1],
        ['categoryKey', 'enum', 'url', undefined, ['url', 'breadcrumb'], 1],
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

const quote = (a: readonly string[]) => a.map((x) => "'" + x + "'").join(', ').replace(/, ([^,]*)$/, ' or $1');
const WORDS: Partial<Record<Kind, string>> = {
  str: 'a non-empty string',
  bool: 'true or false',
  num: 'a number ≥ 0',
  unit: 'a number from 0 to 1',
  pattern: 'a path pattern or a list of them',
  idnum: 'a string or a number',
  obj: 'an object',
};

/** What the option's value must be, as its warning says it. */
export const expected = ([, kind, , expect, of]: Option) => expect || WORDS[kind] || (kind === 'keys' ? 'a list of ' + of!.join(', ') : quote(of!));

/** The option at a path ('pages.cart' finds 'pages.*'), if this build has it. */
export function option(path: string): Option | undefined {
  const wild = path.replace(/\..*/, '.*');
  for (const o of OPTIONS) if ((o[0] === path || o[0] === wild) && (__ZERO__ || !o[5])) return o;
  return undefined;
}
