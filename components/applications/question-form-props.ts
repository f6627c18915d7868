import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { answerMessages } from '@/lib/services/answer-messages';
import type { Page } from '@/lib/services/answers';
import { provinces } from '@/lib/services/provinces';
import type { ClientField, QuestionFormTexts } from './question-form';

/** What a QuestionForm needs to show one page of questions in `locale`: the applicant's page and the designer's preview alike. */
export async function questionFormProps(page: Page, locale: Locale): Promise<{ fields: ClientField[]; provinces: { value: string; label: string }[]; texts: QuestionFormTexts }> {
  const [t, tUi, tErrors, tDate] = await Promise.all([
    getTranslations({ locale, namespace: 'application' }),
    getTranslations({ locale, namespace: 'ui' }),
    getTranslations({ locale, namespace: 'errors' }),
    getTranslations({ locale, namespace: 'dateInput' }),
  ]);
  const fields = await Promise.all(
    page.fields.map(async (f) => ({
      key: f.key,
      type: f.type,
      label: f.label[locale],
      hint: f.hint?.[locale],
      required: f.required,
      options: f.options?.map((o) => ({ value: o.value, label: o.label[locale] })),
      min: f.min,
      max: f.max,
      messages: await answerMessages(f, locale),
    })),
  );
  return {
    fields,
    provinces: provinces.map((p) => ({ value: p.code, label: p[locale] })),
    texts: {
      summaryTitle: tErrors('summaryTitle'),
      errorPrefix: tErrors('errorPrefix'),
      saveAndContinue: t('saveAndContinue'),
      saveAndComeBack: t('saveAndComeBack'),
      optional: tUi('optional'),
      select: t('select'),
      province: t('province'),
      district: t('district'),
      line: t('line'),
      day: tDate('day'),
      month: tDate('month'),
      year: tDate('year'),
      dateHint: tDate('hint'),
    },
  };
}
