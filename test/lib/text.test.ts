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
