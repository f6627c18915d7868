import 'server-only';
import { getTranslations } from 'next-intl/server';
import { isLocale, routing } from '@/lib/i18n/routing';

type Values = Record<string, string | number>;

/** A translator for a server action, in the locale the page was bound with. */
export async function actionTranslator(locale: string) {
  const t = await getTranslations({ locale: isLocale(locale) ? locale : routing.defaultLocale });
  const text = (key: string, values?: Values) => t(key as never, values as never) as string;
  return {
    text,
    /** Field errors from message keys to sentences. */
    fields: (errors: Record<string, string>, values?: Values) =>
      Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, text(key, values)])),
  };
}
