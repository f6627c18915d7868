import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { Field } from './answers';
import { answerTypes } from './field-types';
import { labelInSentence } from './text';

/**
 * Every message a question can show, in the page's language and with its own label, keyed by
 * the message key the schema reports: the browser's check and the server's speak alike.
 */
export async function answerMessages(field: Field, locale: Locale): Promise<Record<string, string>> {
  const t = await getTranslations({ locale, namespace: 'errors.answer' });
  const values = { label: labelInSentence(field.label, locale), min: field.min ?? '', max: field.max ?? '' };
  // A message may open with the label: "Date of birth must include a month".
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return Object.fromEntries(answerTypes[field.type].errors.map((key) => [`errors.answer.${key}`, sentence(t(key, values))]));
}
