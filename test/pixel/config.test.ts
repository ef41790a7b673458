import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYS, readPixelConfig, REST_URL } from '../../src/pixel/config';

describe('readPixelConfig', () => {
  it('defaults around a siteId', () => {
    expect(readPixelConfig({ siteId: ' 8A412DC ', scriptId: '123' })).toEqual({
      config: { siteId: '8A412DC', restUrl: REST_URL, productKey: DEFAULT_KEYS, debug: false },
      errors: [],
      warnings: [],
    });
  });

  it('takes restUrl, productKey and debug', () => {
    const r = readPixelConfig({ siteId: 'S', restUrl: 'https://collect.example/api', productKey: ['id', 'sku'], debug: true });
    expect(r.config).toEqual({ siteId: 'S', restUrl: 'https://collect.example/api', productKey: ['id', 'sku'], debug: true });
  });

  it.each([undefined, null, 'S', {}, { siteId: '' }, { siteId: () => 'S' }, JSON.parse('{"__proto__":{"siteId":"S"}}')])('stays off without a siteId: %s', (raw) => {
    const r = readPixelConfig(raw);
    expect(r.config).toBeUndefined();
    expect(r.errors).toEqual(['yespoConfig.siteId is required (a non-empty string)']);
  });

  it.each([
    [{ restUrl: 'javascript:alert(1)' }, 'restUrl', { restUrl: REST_URL }],
    [{ restUrl: 42 }, 'restUrl', { restUrl: REST_URL }],
    [{ productKey: ['sku', 'name'] }, 'productKey', { productKey: DEFAULT_KEYS }],
    [{ productKey: [] }, 'productKey', { productKey: DEFAULT_KEYS }],
    [{ productKey: 'sku' }, 'productKey', { productKey: DEFAULT_KEYS }],
  ])('a bad optional key is a warning and its default: %j', (raw, keyName, want) => {
    const r = readPixelConfig({ siteId: 'S', ...raw });
    expect(r.config).toMatchObject(want);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(`yespoConfig.${keyName}`);
  });
});
