import { describe, expect, it } from 'vitest';
import { email, list, phone, text } from '../../src/lib/text';

describe('text normalisation', () => {
  it.each([
    ['  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['nobody', undefined],
    ['', undefined],
    [42, undefined],
  ])('email %j → %j', (input, out) => expect(email(input)).toBe(out));

  it.each([
    ['+38 (050) 123-45-67', '+380501234567'],
    ['380501234567', '380501234567'],
    ['1-541-754-3010', '15417543010'],
    ['12', undefined],
    ['call me', undefined],
  ])('phone %j → %j', (input, out) => expect(phone(input)).toBe(out));

  it('trims, drops empty and over-long values', () => {
    expect(text('  a  ')).toBe('a');
    expect(text('   ')).toBeUndefined();
    expect(text('x'.repeat(257))).toBeUndefined();
    expect(text(12)).toBe('12');
  });

  it('splits tag lists', () => {
    expect(list(' black, grey ,,')).toEqual(['black', 'grey']);
    expect(list(undefined)).toEqual([]);
  });
});

import { guid, GUID_RE } from '../../src/lib/guid';
describe('guid', () => {
  it('is 8-4-4-4-12 lower-case hex and different every time', () => {
    const ids = Array.from({ length: 1000 }, guid);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(GUID_RE.test(ids[0])).toBe(true);
    expect(new Set(ids).size).toBe(1000);
  });
});
