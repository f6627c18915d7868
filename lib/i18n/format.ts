import type { Locale } from './routing';

/** Official fees are whole riel: 230,000៛ in Khmer, "230,000 riel" in English. */
export function formatRiel(amount: number, locale: Locale): string {
  return locale === 'km'
    ? new Intl.NumberFormat('km-KH', { style: 'currency', currency: 'KHR', maximumFractionDigits: 0 }).format(amount)
    : `${new Intl.NumberFormat('en').format(amount)} riel`;
}
