import { describe, expect, test } from 'vitest';
import { formatCambodianMobile, normalizeCambodianMobile } from '@/lib/validation/cambodian-mobile';

describe('normalizeCambodianMobile', () => {
  test.each([
    ['012 345 678', '+85512345678'],
    ['012-345-678', '+85512345678'],
    ['+855 12 345 678', '+85512345678'],
    ['85512345678', '+85512345678'],
    ['097 123 4567', '+855971234567'],
    ['(088) 123 4567', '+855881234567'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeCambodianMobile(input)).toBe(expected);
  });

  test.each([
    ['023 123 456', 'a Phnom Penh landline'],
    ['12345', 'too short'],
    ['0123456789012', 'too long'],
    ['+66 81 234 5678', 'a Thai number'],
    ['01234567a', 'a letter'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (input) => {
    expect(normalizeCambodianMobile(input)).toBeNull();
  });
});

test('formats a stored number the way people write it', () => {
  expect(formatCambodianMobile('+85512345678')).toBe('012 345 678');
  expect(formatCambodianMobile('+855971234567')).toBe('097 123 4567');
});
