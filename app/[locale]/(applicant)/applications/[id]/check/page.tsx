import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { AnswerList } from '@/components/applications/answer-list';
import { SubmitForm } from '@/components/applications/submit-form';
import { allows, openApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { ServiceUnavailable } from '@/components/layout/service-unavailable';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { addWorkingDays, phnomPenhDay } from '@/lib/deadlines/working-days';
import { formatDay, formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { stepPosition } from '@/lib/applications/steps';
import { requiredDocuments } from '@/lib/services/answers';
import { feeFor } from '@/lib/services/fees';
import { DraftMovedNotice } from '@/components/applications/draft-moved-notice';
import { submitAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ changedSince?: string }> };

export const generateMetadata = pageTitle('check');

export default async function CheckPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const loaded = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/applications/${id}/check`);
    const application = await openApplication(actor, id, 'application.view');
    if (!application) notFound();
    // Already filed (a re-posted or bookmarked check page): show the application instead.
    if (application.status !== 'draft') redirect(`/${locale}/applications/${id}`);
    if (!allows(actor, application, 'application.edit')) notFound();
    return { application, holidays: await loadHolidays() };
  });
  if (loaded === unavailable) return <ServiceUnavailable />;
  const { application, holidays } = loaded;
  const [t, tApp, tService, tErrors] = await Promise.all([
    getTranslations('check'),
    getTranslations('application'),
    getTranslations('service'),
    getTranslations('errors'),
  ]);
  const { definition, answers } = application;
  const fee = feeFor(definition, answers);
  const documents = requiredDocuments(definition, answers);
  const expected = addWorkingDays(phnomPenhDay(new Date()), definition.deadlineWorkingDays, holidays);

  return (
    <>
      <Link href={`/applications/${id}`} className="mb-6 inline-block">← {tApp('back')}</Link>
      <p className="text-slate-600">{definition.name[locale]} · {tApp('stepOf', stepPosition(definition, answers, 'check'))}</p>
      <h1 className="mb-8 text-3xl font-bold">{t('title')}</h1>
      <DraftMovedNotice serviceId={application.serviceId} changedSince={(await searchParams).changedSince} locale={locale} />
      <AnswerList
        definition={definition}
        answers={answers}
        locale={locale}
        notAnswered={t('notAnswered')}
        change={{ text: t('change'), label: (item) => t('changeItem', { item }), href: (page) => `/applications/${id}/questions/${page}?return=check` }}
      />
      <section aria-labelledby="check-documents" className="mb-8">
        <h2 id="check-documents" className="mb-2 text-xl font-bold">{t('documents')}</h2>
        <dl className="divide-y divide-slate-300 border-y border-slate-300">
          {documents.map((doc) => {
            const uploaded = application.documents.filter((d) => d.requirementKey === doc.key);
            return (
              <div key={doc.key} className="grid gap-1 py-3 sm:grid-cols-[2fr_3fr_auto] sm:gap-4">
                <dt className="font-bold">{doc.label[locale]}</dt>
                <dd className="break-all">
                  {uploaded.length === 0 ? t('notAnswered') : uploaded.map((file) => <span key={file.id} className="block">{file.fileName}</span>)}
                </dd>
                <dd><Link href={`/applications/${id}/documents`} aria-label={t('changeItem', { item: doc.label[locale] })}>{t('change')}</Link></dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section aria-labelledby="check-fee" className="mb-8">
        <h2 id="check-fee" className="mb-2 text-xl font-bold">{t('fee')}</h2>
        <dl className="grid max-w-xl grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          {fee.lines.map((line, i) => (
            <div key={i} className="contents">
              <dt>{line.label?.[locale] ?? tService('feeBase')}</dt>
              <dd className="text-right tabular-nums">{formatRiel(line.amount, locale)}</dd>
            </div>
          ))}
          <dt className="font-bold">{t('feeTotal')}</dt>
          <dd className="text-right font-bold tabular-nums">{formatRiel(fee.total, locale)}</dd>
        </dl>
        <p className="mt-2">{t('feeNote')}</p>
      </section>
      <p className="mb-8 font-bold">{t('expected', { date: formatDay(expected, locale) })}</p>
      <SubmitForm
        action={submitAction.bind(null, locale, id)}
        version={application.version}
        labels={{
          title: t('declarationTitle'),
          declaration: t('declaration'),
          submit: t('submit'),
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
        }}
      />
    </>
  );
}
