import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCount, parseFlag, parseNumber, parseQuantity } from '../../src/lib/number';

describe('parseNumber', () => {
  it.each([
    ['153', '153'],
    ['153.50', '153.50'],
    ['1,249.00', '1249.00'],
    ['1.249,00', '1249.00'],
    ['89,90 €', '89.90'],
    ['8.9', '8.9'],
    ['$1,299.00', '1299.00'],
    ['1 249,00 грн', '1249.00'],
    ['1\u00a0249,00', '1249.00'],
    ["1'249.50 CHF", '1249.50'],
    ['1,249', '1249'],
    ['12.500', '12500'],
    ['0.125', '0.125'],
    ['1,234,567.89', '1234567.89'],
    ['754 USD', '754'],
    ['007.50', '7.50'],
    ['45.', '45'],
    [153, '153'],
    [153.5, '153.5'],
    [0, '0'],
  ])('%j → %j', (input, out) => expect(parseNumber(input)).toBe(out));

  it.each([[''], ['free'], [null], [undefined], [-5], [NaN], [Infinity], [{}], ['9'.repeat(100)]])('%j → undefined', (input) =>
    expect(parseNumber(input)).toBeUndefined(),
  );

  it('never throws and returns a plain decimal string or undefined, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), (v) => {
        const r = parseNumber(v);
        return r === undefined || /^\d+(\.\d+)?$/.test(r);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('reads back any price formatted the US or the EU way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const whole = Math.floor(cents / 100);
        const frac = String(cents % 100).padStart(2, '0');
        const us = whole.toLocaleString('en-US') + '.' + frac;
        const eu = whole.toLocaleString('de-DE') + ',' + frac + ' €';
        const want = String(whole) + '.' + frac;
        return parseNumber(us) === want && parseNumber(eu) === want;
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});

describe('parseQuantity', () => {
  it.each([
    ['2', '2'],
    ['2.0', '2'],
    [3, '3'],
    ['1.5', '1.5'],
    ['0', undefined],
    ['x', undefined],
  ])('%j → %j', (input, out) => expect(parseQuantity(input)).toBe(out));
});

describe('parseFlag', () => {
  it.each([
    ['1', 1],
    ['true', 1],
    ['YES', 1],
    [' yes ', 1],
    [true, 1],
    ['0', 0],
    ['false', 0],
    ['no', 0],
    [false, 0],
    ['maybe', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (input, out) => expect(parseFlag(input)).toBe(out));
});

describe('parseCount', () => {
  it.each([
    ['12', 12],
    ['0', 0],
    ['1,204 results', 1204],
    ['none', undefined],
  ])('%j → %j', (input, out) => expect(parseCount(input)).toBe(out));
});
