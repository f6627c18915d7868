// How a published figure is written: a number in the page's language, "fewer than 5", or a dash.
import type { Figure } from '@/lib/performance/figures';
import type { Locale } from '@/lib/i18n/routing';

export type FigureKind = 'count' | 'days' | 'share';

export interface FigureWords {
  fewerThan5: string;
  none: string;
}

const intlLocale = { km: 'km-KH', en: 'en-GB' } as const;

// A page writes hundreds of figures and month names: each formatter is made once per process
// (making one costs more than using it), in the style of lib/i18n/format.ts.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}
const numberFormat = (locale: Locale, digits: number) =>
  formatter(`n:${locale}:${digits}`, () => new Intl.NumberFormat(intlLocale[locale], { useGrouping: true, maximumFractionDigits: digits }));

export function figureText(figure: Figure, kind: FigureKind, locale: Locale, words: FigureWords): string {
  if (figure === 'fewer-than-5') return words.fewerThan5;
  if (figure === null) return words.none;
  if (kind === 'share') return `${numberFormat(locale, 0).format(figure * 100)}%`;
  return numberFormat(locale, kind === 'days' ? 1 : 0).format(figure);
}

/** 'YYYY-MM' as "September 2026" / "កញ្ញា 2026", or the short month alone for a chart's axis. */
export function monthName(month: string, locale: Locale, short = false): string {
  const format = formatter(`d:${locale}:${short}`, () =>
    new Intl.DateTimeFormat(intlLocale[locale], short ? { month: 'short', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
