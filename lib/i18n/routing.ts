import { defineRouting } from 'next-intl/routing';

export const locales = ['km', 'en'] as const;
export type Locale = (typeof locales)[number];

// Khmer first: it is the default and the language of the bare address.
export const routing = defineRouting({ locales, defaultLocale: 'km', localePrefix: 'always' });

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export const timeZone = 'Asia/Phnom_Penh';
