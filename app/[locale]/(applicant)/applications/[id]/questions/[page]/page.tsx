import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DraftMovedNotice } from '@/components/applications/draft-moved-notice';
import { QuestionForm } from '@/components/applications/question-form';
import { questionFormProps } from '@/components/applications/question-form-props';
import { openApplication } from '@/lib/applications/find-application';
import { stepBefore, stepPosition } from '@/lib/applications/steps';
import { requireActor } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { saveQuestionPage } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string; page: string }>; searchParams: Promise<{ return?: string; changedSince?: string }> };

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
  const { return: returnTo, changedSince } = await props.searchParams;
  const t = await getTranslations('application');
  const { definition } = application;
  const { fields, provinces, texts } = await questionFormProps(page, locale);
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
      <DraftMovedNotice serviceId={application.serviceId} changedSince={changedSince} locale={locale} />
      <QuestionForm
        key={page.key}
        action={saveQuestionPage.bind(null, locale, application.id, page.key)}
        page={page}
        fields={fields}
        saved={application.answers}
        provinces={provinces}
        returnTo={returnTo === 'check' ? 'check' : undefined}
        texts={texts}
      />
    </>
  );
}
