import { describe, expect, it } from 'vitest';
import { fromMinor } from '../../../src/sources/platforms/money';

describe('fromMinor: smallest currency unit → major-unit decimal string', () => {
  it.each([
    [4550, undefined, '45.50'],
    [4500, 2, '45.00'],
    ['7', 2, '0.07'],
    [0, 2, '0.00'],
    ['0001999', 2, '19.99'],
    [1500, 0, '1500'],
    ['12345', 3, '12.345'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
    [1999, null, '19.99'],
  ])('%j at %j digits → %s', (v, d, out) => {
    expect(fromMinor(v, d)).toBe(out);
  });

  it.each([
    [-100, 2],
    [12.5, 2],
    ['12.5', 2],
    ['-1', 2],
    ['', 2],
    ['1e3', 2],
    [NaN, 2],
    [Infinity, 2],
    [1e16, 2],
    ['1'.repeat(16), 2],
    [null, 2],
    [{}, 2],
    [100, -1],
    [100, 7],
    [100, 1.5],
    [100, '2'],
  ])('%j at %j digits → undefined', (v, d) => {
    expect(fromMinor(v, d)).toBeUndefined();
  });
});
