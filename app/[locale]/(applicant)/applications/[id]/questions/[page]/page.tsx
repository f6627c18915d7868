import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { QuestionForm, type ClientField } from '@/components/applications/question-form';
import { openApplication } from '@/lib/applications/find-application';
import { stepBefore, stepPosition } from '@/lib/applications/steps';
import { requireActor } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { provinces } from '@/lib/services/provinces';
import { answerMessages } from '@/lib/services/answer-messages';
import { saveQuestionPage } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string; page: string }>; searchParams: Promise<{ return?: string }> };

async function load({ params }: Props) {
  const { locale, id, page: pageKey } = await params;
  const actor = await requireActor(locale, `/applications/${id}/questions/${pageKey}`);
  const application = await openApplication(actor, id, 'application.edit');
  const page = application?.definition.pages.find((p) => p.key === pageKey);
  if (!application || !page) notFound();
  return { locale, application, page };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, page } = await load(props);
  return { title: page.title[locale] };
}

export default async function QuestionPage(props: Props) {
  const { locale, application, page } = await load(props);
  setRequestLocale(locale);
  const { return: returnTo } = await props.searchParams;
  const [t, tUi, tErrors, tDate] = await Promise.all([
    getTranslations('application'),
    getTranslations('ui'),
    getTranslations('errors'),
    getTranslations('dateInput'),
  ]);
  const { definition } = application;
  const fields: ClientField[] = await Promise.all(
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
  const back = returnTo === 'check' ? 'check' : stepBefore(definition, page.key);

  return (
    <>
      <Link href={back ? `/applications/${application.id}/${back}` : `/applications/${application.id}`} className="mb-6 inline-block">
        ← {t('back')}
      </Link>
      <p className="text-slate-600">
        {definition.name[locale]} · {t('stepOf', stepPosition(definition, application.answers, `questions/${page.key}`))}
      </p>
      <h1 className="mb-6 text-3xl font-bold">{page.title[locale]}</h1>
      <QuestionForm
        key={page.key}
        action={saveQuestionPage.bind(null, locale, application.id, page.key)}
        page={page}
        fields={fields}
        saved={application.answers}
        provinces={provinces.map((p) => ({ value: p.code, label: p[locale] }))}
        returnTo={returnTo === 'check' ? 'check' : undefined}
        texts={{
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
        }}
      />
    </>
  );
}
