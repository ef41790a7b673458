import { describe, expect, it } from 'vitest';
import { checkConfig, checkOptions, configMessage } from '../src/config';
import { OPTIONS } from '../src/config/options';
import { configSchema } from '../src/schema/config';

const ok = { scriptId: '000000000000000000' };

const cases: Array<[string, unknown, { errors?: string[]; warnings?: string[] }]> = [
  ['minimal', ok, {}],
  ['no config at all', undefined, { errors: ['config "scriptId" is required (a non-empty string); the tracker is off'] }],
  ['not an object', 'abc', { errors: ['config "scriptId" is required (a non-empty string); the tracker is off'] }],
  ['empty scriptId', { scriptId: '  ' }, { errors: ['config "scriptId" is required (a non-empty string); the tracker is off'] }],
  ['numeric scriptId', { scriptId: 123 }, { errors: ['config "scriptId" is required (a non-empty string); the tracker is off'] }],
  ['rest without siteId', { transport: 'rest' }, { errors: ['config "siteId" is required (a non-empty string); the tracker is off'] }],
  ['rest with siteId', { transport: 'rest', siteId: '8A412DC' }, {}],
  [
    'auto needs both',
    { transport: 'auto' },
    {
      errors: [
        'config "scriptId" is required (a non-empty string); the tracker is off',
        'config "siteId" is required (a non-empty string); the tracker is off',
      ],
    },
  ],
  ['bad transport', { ...ok, transport: 'beacon' }, { warnings: ['config "transport" must be \'es\', \'rest\' or \'auto\'; using the default'] }],
  ['bad recoms', { ...ok, recoms: 'yes' }, { warnings: ['config "recoms" must be true or false; using the default'] }],
  ['bad spa', { ...ok, spa: 1 }, { warnings: ['config "spa" must be true or false; using the default'] }],
  ['bad debug', { ...ok, debug: 'on' }, { warnings: ['config "debug" must be true or false; using the default'] }],
  ['bad consent', { ...ok, consent: 'maybe' }, { warnings: ['config "consent" must be \'granted\' or \'pending\'; using the default'] }],
  ['bad productKey', { ...ok, productKey: ['sku', 'ean'] }, { warnings: ['config "productKey" must be a list of sku, productID, mpn, gtin, id, url; using the default'] }],
  ['empty productKey', { ...ok, productKey: [] }, { warnings: ['config "productKey" must be a list of sku, productID, mpn, gtin, id, url; using the default'] }],
  ['bad currency', { ...ok, currency: '' }, { warnings: ['config "currency" must be a non-empty string; using the default'] }],
  ['bad scriptUrl', { ...ok, scriptUrl: 5 }, { warnings: ['config "scriptUrl" must be a non-empty string; using the default'] }],
  ['bad dataLayer', { ...ok, dataLayer: 3 }, { warnings: ['config "dataLayer" must be true, false or the name of the array; using the default'] }],
  ['bad pages', { ...ok, pages: '/' }, { warnings: ['config "pages" must be an object of page type → path pattern(s); using the default'] }],
  ['bad page rule', { ...ok, pages: { cart: 5 } }, { warnings: ['config "pages.cart" must be a path pattern or a list of them; using the default'] }],
  ['unknown page type', { ...ok, pages: { blog: '/blog' } }, { warnings: ['config "pages.blog" is not a known option; ignored'] }],
  [
    'bad impressions',
    { ...ok, impressions: { threshold: 2, minVisibleMs: -1, flushMs: 10 } },
    {
      warnings: [
        'config "impressions.threshold" must be a number from 0 to 1; using the default',
        'config "impressions.minVisibleMs" must be a number ≥ 0; using the default',
      ],
    },
  ],
  ['impressions not an object', { ...ok, impressions: true }, { warnings: ['config "impressions" must be an object; using the default'] }],
  ['bad search', { ...ok, search: { params: 'q', onlyNotFound: 'no' } }, {
    warnings: [
      'config "search.params" must be a list of URL parameter names; using the default',
      'config "search.onlyNotFound" must be true or false; using the default',
    ],
  }],
  ['bad user field', { ...ok, user: { email: 5, name: 'Ann' } }, { warnings: ['config "user.email" must be a non-empty string; using the default'] }],
  ['unknown user field', { ...ok, user: { mail: 'a@b.c' } }, { warnings: ['config "user.mail" is not a known option; ignored'] }],
  ['user not an object', { ...ok, user: 'ann' }, { warnings: ['config "user" must be an object; using the default'] }],
  ['platforms off one by one', { ...ok, platforms: { shopify: false, magento: true } }, {}],
  ['platforms all off', { ...ok, platforms: false }, {}],
  ['bad platforms', { ...ok, platforms: { wix: false } }, { warnings: ['config "platforms" must be true, false or an object of platform → true/false; using the default'] }],
  ['bad categoryKey', { ...ok, categoryKey: 'name' }, { warnings: ['config "categoryKey" must be \'url\' or \'breadcrumb\'; using the default'] }],
  ['unknown key', { ...ok, scriptID: 'x' }, { warnings: ['config "scriptID" is not a known option; ignored'] }],
  ['siteId invalid but not needed', { ...ok, siteId: 7 }, { warnings: ['config "siteId" must be a non-empty string; using the default'] }],
  [
    'everything valid',
    {
      ...ok,
      siteId: 'S1',
      transport: 'es',
      scriptUrl: '/es.js',
      restUrl: 'https://example.test/api',
      recoms: false,
      pages: { product: '/p/*', category: ['/c/*'], main: '/home' },
      productKey: ['mpn', 'id'],
      currency: 'EUR',
      consent: 'pending',
      impressions: { threshold: 0.25 },
      search: { params: ['term'], onlyNotFound: true },
      dataLayer: 'dl',
      categoryKey: 'breadcrumb',
      spa: false,
      user: { email: 'A@B.C', contactId: 100500 },
      debug: true,
    },
    {},
  ],
];

describe('config: the guard and the zod schema, both read from one options table', () => {
  it.each(cases)('%s', (_name, input, want) => {
    const guard = checkConfig(input);
    expect(guard.errors).toEqual(want.errors || []);
    expect([...guard.warnings].sort()).toEqual([...(want.warnings || [])].sort());
    // The zod schema accepts a key's value exactly when the guard does (unknown keys are ignored by both).
    const said = [...guard.warnings, ...guard.errors].filter((w) => !w.includes('not a known option'));
    for (const [k, v] of Object.entries(input && typeof input === 'object' ? input : {})) {
      if (!(k in configSchema.shape)) continue;
      const flagged = said.some((w) => w.startsWith(`config "${k}"`) || w.startsWith(`config "${k}.`));
      expect(configSchema.shape[k].safeParse(v).success, k).toBe(!flagged);
    }
  });

  it('every option in the table is in the schema, and every default is a value the guard accepts', () => {
    const top = Object.keys(configSchema.shape).sort();
    expect(top).toEqual([...new Set(OPTIONS.map((o) => o[0].replace(/\..*/, '')))].sort());
    const { config } = checkConfig({ scriptId: '1' });
    for (const [path, kind, def] of OPTIONS.filter(([p, k, d]) => d !== undefined && k !== 'obj' && k !== 'platforms' && !p.includes('*') && p !== 'scriptUrl')) {
      const [a, b] = path.split('.');
      const v = b ? (config as unknown as Record<string, Record<string, unknown>>)[a][b] : (config as unknown as Record<string, unknown>)[a];
      expect(v, path).toEqual(def);
      expect(checkConfig({ scriptId: '1', [a]: b ? { [b]: def } : def }).warnings, `${path} (${kind})`).toEqual([]);
    }
  });
});

describe('config problems as codes (the shop files word them only when there are some)', () => {
  it('one code per problem, in the order found; a missing required id replaces its invalid-value warning', () => {
    expect(checkOptions({ scriptId: 7, recoms: 'yes', colour: 1, impressions: { threshold: 2, size: 1 } })).toEqual({
      problems: [
        ['invalid', 'recoms'],
        ['unknown', 'colour'],
        ['invalid', 'impressions.threshold'],
        ['unknown', 'impressions.size'],
        ['required', 'scriptId'],
      ],
    });
    expect(checkOptions({ scriptId: '1' }).problems).toEqual([]);
  });

  it('the wording names the option and what it must be', () => {
    expect(configMessage(['required', 'scriptId'])).toBe('config "scriptId" is required (a non-empty string); the tracker is off');
    expect(configMessage(['invalid', 'impressions.itemSelector'])).toBe('config "impressions.itemSelector" must be a CSS selector; using the default');
    expect(configMessage(['invalid', 'pages.cart'])).toBe('config "pages.cart" must be a path pattern or a list of them; using the default');
    expect(configMessage(['unknown', 'colour'])).toBe('config "colour" is not a known option; ignored');
  });
});

describe('config defaults', () => {
  it('fills SPEC defaults and builds the loader URL from scriptId', () => {
    const { config } = checkConfig(ok);
    expect(config).toMatchObject({
      transport: 'es',
      scriptUrl: 'https://cdn.esputnik.com/scripts/000000000000000000.js',
      restUrl: 'https://tracker.yespo.io/api/v2',
      recoms: true,
      pages: { main: ['/'], cart: ['/cart', '/basket'], checkout: ['/checkout'] },
      productKey: ['sku', 'productID', 'id', 'url'],
      consent: 'granted',
      impressions: { threshold: 0.5, minVisibleMs: 1000, flushMs: 1000, blockSelector: '[data-yespo-recs]', itemSelector: '[data-yespo-rec-item]', productAttr: 'data-yespo-rec-item', containerAttr: 'data-yespo-recs' },
      search: { params: ['q', 's', 'search', 'query'], onlyNotFound: false },
      dataLayer: 'dataLayer',
      spa: true,
      debug: false,
    });
  });

  it('platforms: the ones switched off, or none at all', () => {
    expect(checkConfig({ ...ok, platforms: { shopify: false, magento: true } }).config!.platforms).toEqual(['shopify']);
    expect(checkConfig({ ...ok, platforms: false }).config!.platforms).toBe(false);
    expect(checkConfig(ok).config!.platforms).toEqual([]);
  });

  it('merges page rules with the defaults, key by key', () => {
    const { config } = checkConfig({ ...ok, pages: { cart: '/koszyk', product: ['/p/*'] } });
    expect(config!.pages).toEqual({ main: ['/'], cart: ['/koszyk'], checkout: ['/checkout'], product: ['/p/*'] });
  });

  it('keeps valid sub-keys when a sibling is invalid', () => {
    const { config } = checkConfig({ ...ok, impressions: { threshold: 0.8, flushMs: 'soon' } });
    expect(config!.impressions).toMatchObject({ threshold: 0.8, minVisibleMs: 1000, flushMs: 1000, blockSelector: '[data-yespo-recs]' });
  });
});
