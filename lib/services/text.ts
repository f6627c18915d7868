import type { Locale } from '@/lib/i18n/routing';
import type { LocalizedText } from './definition';

/** A label inside a sentence: "Enter licence number", but "Enter VIN" keeps its capitals. */
export function labelInSentence(label: LocalizedText, locale: Locale): string {
  const text = label[locale];
  if (locale !== 'en') return text;
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
