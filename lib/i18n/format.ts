import type { Locale } from './routing';
import { timeZone } from './routing';

/** Official fees are whole riel: 230,000៛ in Khmer, "230,000 riel" in English. */
export function formatRiel(amount: number, locale: Locale): string {
  return locale === 'km'
    ? new Intl.NumberFormat('km-KH', { style: 'currency', currency: 'KHR', maximumFractionDigits: 0 }).format(amount)
    : `${new Intl.NumberFormat('en').format(amount)} riel`;
}

/** A day in Phnom Penh: "25 November 2026" / "25 វិច្ឆិកា 2026". Takes a Date or 'YYYY-MM-DD'. */
export function formatDay(day: Date | string, locale: Locale): string {
  const date = typeof day === 'string' ? new Date(`${day}T12:00:00Z`) : day;
  return new Intl.DateTimeFormat(locale === 'km' ? 'km-KH' : 'en-GB', { dateStyle: 'long', timeZone }).format(date);
}

export function formatDateTime(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'km' ? 'km-KH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant);
}

export function formatBytes(bytes: number, locale: Locale): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} KB` : `${number.format(bytes / 1024 / 1024)} MB`;
}
