import { describe, expect, it } from 'vitest';
import { exitCode, pageKey, regressions } from '../../bin/audit/baseline.mjs';

type Level = 'error' | 'warning';
const page = (input: string, codes: Array<[string, Level]>, events: string[] = []) => ({
  input,
  url: input,
  status: 200,
  bundle: 'page' as const,
  version: '1',
  type: 'product',
  typeFrom: 'json-ld',
  facts: {},
  events: events.map((name) => ({ name })),
  problems: codes.map(([code, level]) => ({ code, level, message: `${code} here` })),
  blocked: 0,
});

describe('baseline comparison', () => {
  const baseline = {
    pages: [
      page('https://shop.example/products/a', [['price-missing', 'warning']], ['ProductPage', 'StatusCart']),
      page('https://shop.example/products/b', [['jsonld-unreadable', 'error']], ['ProductPage']),
      page('https://shop.example/cart', [], ['StatusCartPage']),
    ],
    cart: { sent: true },
  };

  it('keys pages by path and query, so another host or port compares', () => {
    expect(pageKey('http://127.0.0.1:8304/search?q=bag')).toBe('/search?q=bag');
    expect(pageKey('local.html')).toBe('local.html');
  });

  it('finds nothing when nothing got worse (same codes, another host)', () => {
    const current = { pages: baseline.pages.map((p) => ({ ...p, input: p.input.replace('https://shop.example', 'http://127.0.0.1:3000') })) };
    expect(regressions(current, baseline, 'error')).toEqual([]);
  });

  it('reports a new code on a page, and events a page no longer sends', () => {
    const current = {
      pages: [
        page('https://shop.example/products/a', [['price-missing', 'warning'], ['event-missing', 'error']], ['ProductPage']),
        page('https://shop.example/products/b', [], ['ProductPage']),
      ],
    };
    expect(regressions(current, baseline, 'error')).toEqual([
      { url: 'https://shop.example/products/a', code: 'event-missing', message: 'event-missing here' },
      { url: 'https://shop.example/products/a', code: 'events-dropped', message: 'no longer sends StatusCart' },
    ]);
  });

  it('counts warnings only with --fail-on warning', () => {
    const current = { pages: [page('https://shop.example/cart', [['cart-not-read', 'warning']], ['StatusCartPage'])] };
    expect(regressions(current, baseline, 'error')).toEqual([]);
    expect(regressions(current, baseline, 'warning')).toEqual([{ url: 'https://shop.example/cart', code: 'cart-not-read', message: 'cart-not-read here' }]);
  });

  it('compares a page the baseline did not audit with its page kind there', () => {
    const current = { pages: [page('https://shop.example/products/z', [['jsonld-unreadable', 'error']]), page('https://shop.example/products/y', [['not-started', 'error']])] };
    expect(regressions(current, baseline, 'error').map((r) => r.url + ' ' + r.code)).toEqual(['https://shop.example/products/y not-started']);
  });

  it('reports a cart scenario that no longer sends StatusCart', () => {
    expect(regressions({ pages: [], cart: { sent: false } }, baseline, 'error')).toEqual([{ url: 'cart scenario', code: 'cart-not-sent', message: 'add to cart no longer sends StatusCart' }]);
  });

  it('decides the exit code: regressions with a baseline, else problems at the --fail-on level', () => {
    const warned = { pages: [page('a', [['price-missing', 'warning']])] };
    expect(exitCode(warned, 'error')).toBe(0);
    expect(exitCode(warned, 'warning')).toBe(1);
    expect(exitCode({ pages: [page('a', [['not-started', 'error']])] }, 'none')).toBe(0);
    expect(exitCode({ ...warned, cart: { problems: [{ level: 'error' }] } }, 'error')).toBe(1);
    expect(exitCode({ pages: [page('a', [['not-started', 'error']])], regressions: [] }, 'error')).toBe(0);
    expect(exitCode({ pages: [], regressions: [{ url: 'a', message: 'x' }] }, 'error')).toBe(1);
  });
});
