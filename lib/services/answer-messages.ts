import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { Field } from './answers';
import { labelInSentence } from './text';

export const answerErrorKeys = ['required', 'choose', 'choice', 'number', 'range', 'date', 'mobile', 'nationalId', 'vin', 'plate', 'province', 'district', 'tooLong'] as const;

/**
 * Every message a question can show, in the page's language and with its own label, keyed by
 * the message key the schema reports: the browser's check and the server's speak alike.
 */
export async function answerMessages(field: Field, locale: Locale): Promise<Record<string, string>> {
  const t = await getTranslations({ locale, namespace: 'errors.answer' });
  const values = { label: labelInSentence(field.label, locale), min: field.min ?? '', max: field.max ?? '' };
  return Object.fromEntries(answerErrorKeys.map((key) => [`errors.answer.${key}`, t(key, values)]));
}
