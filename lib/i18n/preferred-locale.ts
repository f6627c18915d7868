import { isLocale, routing, type Locale } from './routing';

/**
 * The portal's language a browser asks for first, from its Accept-Language header ("en-GB,en;q=0.9,
 * km;q=0.8"): the highest weight wins, then the order written. Khmer when it names neither.
 */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const weight = parameters.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: weight === undefined ? 1 : Number(weight), order };
    })
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return wanted.map((w) => w.language).find(isLocale) ?? routing.defaultLocale;
}
