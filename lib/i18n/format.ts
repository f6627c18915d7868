// The one place dates, times, numbers and money are written, for pages, emails and PDFs alike:
// one style per language, always in Phnom Penh's time. Khmer: "2 ធ្នូ 2026, 15:43", "230,000៛";
// English: "2 December 2026, 15:43", "230,000 riel".
import type { Locale } from './routing';
import { timeZone } from './routing';

const intlLocale = { km: 'km-KH', en: 'en-GB' } as const satisfies Record<Locale, string>;

/** Official fees are whole riel: 230,000៛ in Khmer, "230,000 riel" in English. */
export function formatRiel(amount: number, locale: Locale): string {
  return locale === 'km'
    ? new Intl.NumberFormat(intlLocale.km, { style: 'currency', currency: 'KHR', maximumFractionDigits: 0 }).format(amount)
    : `${formatNumber(amount, locale)} riel`;
}

/** 1,200 in both languages; a year or an identifier is written without grouping (2026). */
export function formatNumber(value: number, locale: Locale, { grouping = true, maximumFractionDigits = 0 } = {}): string {
  return new Intl.NumberFormat(intlLocale[locale], { useGrouping: grouping, maximumFractionDigits }).format(value);
}

/** A day in Phnom Penh: "25 November 2026" / "25 វិច្ឆិកា 2026". Takes a Date or 'YYYY-MM-DD'. */
export function formatDay(day: Date | string, locale: Locale): string {
  const date = typeof day === 'string' ? new Date(`${day}T12:00:00Z`) : day;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone }).format(date);
}

/** The day as formatDay writes it, then the 24-hour time in Phnom Penh: "2 December 2026, 15:43". */
export function formatDateTime(instant: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat(intlLocale[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant);
  return `${formatDay(instant, locale)}, ${time}`;
}

export function formatBytes(bytes: number, locale: Locale): string {
  const options = { maximumFractionDigits: 1 };
  return bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024, locale, options)} KB` : `${formatNumber(bytes / 1024 / 1024, locale, options)} MB`;
}
