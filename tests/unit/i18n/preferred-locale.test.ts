import { expect, test } from 'vitest';
import { preferredLocale } from '@/lib/i18n/preferred-locale';

test('the first of the portal languages a browser names, by weight then order', () => {
  expect(preferredLocale('en-US,en;q=0.9')).toBe('en');
  expect(preferredLocale('km-KH,km;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('km');
  expect(preferredLocale('fr-FR,fr;q=0.9,en;q=0.8,km;q=0.7')).toBe('en');
  expect(preferredLocale('km;q=0.5, EN-gb;q=0.8')).toBe('en');
  expect(preferredLocale('en;q=0.8,km;q=0.8')).toBe('en');
});

test('Khmer when the browser names neither language, refuses both, or sends nothing', () => {
  expect(preferredLocale('fr-FR,th;q=0.9')).toBe('km');
  expect(preferredLocale('en;q=0, *;q=0.1')).toBe('km');
  expect(preferredLocale('')).toBe('km');
  expect(preferredLocale(null)).toBe('km');
});
