import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { AnswerList } from '@/components/applications/answer-list';
import { DecisionBanner } from '@/components/applications/decision-banner';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Reference, WithReferences } from '@/components/ui/reference';
import { StatusTag } from '@/components/ui/status-tag';
import { SummaryList } from '@/components/ui/summary-list';
import { allows, openApplication } from '@/lib/applications/find-application';
import { applicationOutcome, decisionTone } from '@/lib/applications/outcome';
import { fileOpenings, publicTimeline } from '@/lib/applications/timeline';
import { requireActor } from '@/lib/auth/guards';
import { formatDateTime, formatDay, formatRiel } from '@/lib/i18n/format';
import { forecastForApplication } from '@/lib/performance/forecast';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { isPageComplete, requiredDocuments } from '@/lib/services/answers';
import { refundStatement } from '@/lib/services/published-fee';
import { departmentsByCode } from '@/lib/services/queries';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { deadlineFlag } from '@/lib/deadlines/working-days';
import { mayTake } from '@/lib/workflow/machine';
import { ResubmitForm } from '@/components/applications/resubmit-form';
import { RatingSection } from '@/components/satisfaction/rating-section';
import { isApplicantSide } from '@/lib/policy/policy';
import { resubmitAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ saved?: string; resubmitted?: string; paid?: string; rating?: string }> };

export const generateMetadata = pageTitle('account');

export default async function ApplicationPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/applications/${id}`);
  const application = await openApplication(actor, id, 'application.view');
  if (!application) notFound();
  const { saved, resubmitted, paid, rating } = await searchParams;
  const [t, tStatus, tTimeline, tCheck, tOutcome, tFee, tComplaints] = await Promise.all([
    getTranslations('application'),
    getTranslations('applicationStatus'),
    getTranslations('timeline'),
    getTranslations('check'),
    getTranslations('outcome'),
    getTranslations('feePolicy'),
    getTranslations('complaints'),
  ]);
  const { definition, answers } = application;
  const refund = refundStatement(definition, locale);
  const name = (d: { nameKm: string; nameEn: string } | null | undefined) => (d ? (locale === 'km' ? d.nameKm : d.nameEn) : '');

  if (application.status === 'draft') {
    const done = new Map(definition.pages.map((p) => [p.key, isPageComplete(p, answers)]));
    const incomplete = definition.pages.find((p) => !done.get(p.key));
    const documents = requiredDocuments(definition, answers);
    const uploaded = new Set(application.documents.map((d) => d.requirementKey));
    const documentsDone = documents.every((d) => !d.required || uploaded.has(d.key));
    const next = incomplete ? `questions/${incomplete.key}` : !documentsDone ? 'documents' : 'check';
    const steps = [
      ...definition.pages.map((p) => ({ key: p.key, label: p.title[locale], href: `questions/${p.key}`, done: done.get(p.key)! })),
      ...(documents.length ? [{ key: 'documents', label: t('documentsStep'), href: 'documents', done: documentsDone }] : []),
    ];
    return (
      <>
        {saved ? <Alert tone="success">{t('saved')}</Alert> : null}
        <h1 className="mb-4 text-3xl font-bold">{t('title', { service: definition.name[locale] })}</h1>
        <p className="mb-8">{t('draftLead')}</p>
        <h2 className="mb-3 text-2xl font-bold">{t('sections')}</h2>
        <ol className="mb-8 divide-y divide-slate-300 border-y border-slate-300">
          {steps.map((s) => (
            <li key={s.key} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <Link href={`/applications/${id}/${s.href}`}>{s.label}</Link>
              <StatusTag tone={s.done ? 'green' : 'blue'}>{s.done ? t('completed') : t('notStarted')}</StatusTag>
            </li>
          ))}
          <li className="flex flex-wrap items-center justify-between gap-2 py-3">
            {next === 'check' ? <Link href={`/applications/${id}/check`}>{t('checkStep')}</Link> : <span>{t('checkStep')}</span>}
            <StatusTag>{next === 'check' ? t('notStarted') : t('cannotStartYet')}</StatusTag>
          </li>
        </ol>
        <ButtonLink href={`/applications/${id}/${next}`}>{t('continue')}</ButtonLink>
      </>
    );
  }

  const [events, views, holidays] = await Promise.all([
    publicTimeline(id),
    // Which department opened the file or one of its documents, and when; never the member of
    // staff's name. Every reading by someone not on the applicant's side is recorded (openApplication).
    fileOpenings(id),
    loadHolidays(),
  ]);
  const [departments, forecast, tPerformance] = await Promise.all([
    departmentsByCode(),
    forecastForApplication({ id }, holidays),
    getTranslations('performance'),
  ]);
  const departmentName = (departmentId: string | null) => name([...departments.values()].find((d) => d.id === departmentId));
  // Another institution's system that read the file through the API (lib/api): its name as registered.
  const institutionName = (data: unknown) => (data as { institution?: { km: string; en: string } } | null)?.institution?.[locale];
  const stage = definition.stages.find((s) => s.key === application.currentStageKey);
  const paused = application.status === 'info_requested';
  const flag = application.currentDepartmentId && !paused ? deadlineFlag(application.dueAt, new Date(), holidays) : null;
  const payment = application.payment;
  // A document is released once its fee is paid (or when there is none).
  const feePaid = payment?.status === 'paid' || !application.feeRiel;
  const latest = (type: string) => (events.find((e) => e.type === type)?.data ?? {}) as { message?: string; reason?: string };
  // A decided file shows its decision and when, not a stage, a department or an expected date.
  const outcome = applicationOutcome(application, application.licence);
  const progress: [string, React.ReactNode][] = outcome ? [
    [t('status'), <StatusTag key="s" tone={decisionTone[outcome.decision]}>{tOutcome(outcome.decision)}</StatusTag>],
    [tOutcome(outcome.decision === 'revoked' ? 'revokedOn' : 'decidedOn'), outcome.on ? formatDay(outcome.on, locale) : '—'],
  ] : [
    [t('status'), <StatusTag key="s" tone="blue">{tStatus(application.status)}</StatusTag>],
    [t('stage'), stage?.name[locale] ?? '—'],
    [t('department'), name(application.currentDepartment) || '—'],
    [t('expected'), application.dueAt ? (
      <span key="d" className="flex flex-wrap items-center gap-2">
        {formatDay(application.dueAt, locale)}
        {flag ? <StatusTag tone={flag === 'overdue' ? 'red' : 'amber'}>{t(`${flag}Flag`)}</StatusTag> : null}
      </span>
    ) : '—'],
    // From recent decisions (lib/performance/forecast.ts); the legal date above is the promise.
    ...(forecast?.kind === 'history' ? [[tPerformance('likely'), formatDay(forecast.day, locale)] as [string, React.ReactNode]] : []),
    ...(forecast?.kind === 'paused' ? [[tPerformance('likely'), tPerformance('pausedClock')] as [string, React.ReactNode]] : []),
  ];
  const summary: [string, React.ReactNode][] = [
    [t('reference'), <Reference key="r">{application.reference}</Reference>],
    ...progress,
    [t('submittedOn'), application.submittedAt ? formatDay(application.submittedAt, locale) : '—'],
    [t('fee'), application.feeRiel !== null ? formatRiel(application.feeRiel, locale) : '—'],
    [t('trackingCode'), <Reference key="c">{application.trackingCode}</Reference>],
  ];
  return (
    <>
      {resubmitted ? <Alert tone="success">{t('resubmitted')}</Alert> : null}
      {paid && feePaid ? <Alert tone="success">{t('paid')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold">{t('title', { service: definition.name[locale] })}</h1>
      {paused && mayTake(actor, application, 'resubmit') ? (
        <section aria-labelledby="info-requested" className="mb-8 border-l-8 border-amber-600 bg-amber-50 p-4">
          <h2 id="info-requested" className="mb-2 text-2xl font-bold">{t('infoRequestedTitle', { department: name(application.currentDepartment) })}</h2>
          <p className="font-bold">{t('message')}</p>
          <p className="mb-3 whitespace-pre-line">{latest('info_requested').message}</p>
          <p className="mb-3">{t('infoRequestedLead')}</p>
          <ul className="mb-4 flex flex-col gap-2">
            <li><Link href={`/applications/${id}/questions/${definition.pages[0]!.key}`}>{t('changeAnswers')}</Link></li>
            {application.documents.length || definition.documents.length ? <li><Link href={`/applications/${id}/documents`}>{t('changeDocuments')}</Link></li> : null}
          </ul>
          <ResubmitForm action={resubmitAction.bind(null, locale, id)} version={application.version} label={t('resubmit')} />
        </section>
      ) : null}
      {outcome ? (
        <DecisionBanner
          outcome={outcome}
          locale={locale}
          rejectedReason={latest('rejected').reason}
          licence={application.licence}
          download={feePaid ? `/${locale}/applications/${id}/licence` : null}
        />
      ) : null}
      {/* The applicant's side only: staff reading this page never see how they were rated. */}
      {outcome && isApplicantSide(actor, application) ? <RatingSection applicationId={id} locale={locale} mayRate={allows(actor, application, 'application.rate')} notice={rating} /> : null}
      {payment?.status === 'paid' ? (
        <section aria-labelledby="fee-paid" className="mb-8">
          <h2 id="fee-paid" className="mb-2 text-2xl font-bold">{t('paidTitle')}</h2>
          <p className="mb-2"><WithReferences text={t('paidLead', { amount: formatRiel(payment.amountRiel, locale), date: formatDateTime(payment.paidAt!, locale), receipt: payment.receiptNumber ?? '' })} /></p>
          <p><a href={`/${locale}/applications/${id}/receipt`}>{t('downloadReceipt')}</a></p>
        </section>
      ) : application.feeRiel && allows(actor, application, 'application.pay') && application.status !== 'rejected' ? (
        <section aria-labelledby="pay-fee" className="mb-8 border-l-8 border-brand-700 bg-brand-50 p-4">
          <h2 id="pay-fee" className="mb-2 text-2xl font-bold">{t('payTitle')}</h2>
          <p className="mb-3">{t('payLead', { fee: formatRiel(application.feeRiel, locale) })}</p>
          <ButtonLink href={`/applications/${id}/pay`}>{t('payButton')}</ButtonLink>
          {refund ? <p className="mt-3"><span className="font-bold">{tFee('refusedTitle')}:</span> {refund}</p> : null}
        </section>
      ) : null}
      <SummaryList rows={summary} className="mb-8" />
      <p className="mb-8 text-sm text-slate-600">{t('trackingHint')}</p>
      {application.currentDepartment && !paused ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">{t('nextStep')}</h2>
          <p className="mb-8">{t('nextSubmitted', { department: name(application.currentDepartment) })}</p>
        </>
      ) : null}
      <h2 className="mb-3 text-2xl font-bold">{t('timeline')}</h2>
      <ol className="mb-8 border-l-4 border-brand-700 pl-4">
        {events.map((e) => {
          const data = e.data as { stage?: string; message?: string; reason?: string };
          const stageName = e.type === 'submitted' ? null : definition.stages.find((s) => s.key === data.stage)?.name[locale];
          return (
            <li key={String(e.id)} className="mb-3">
              <p className="font-bold">{tTimeline(e.type as 'submitted')}{stageName ? ` · ${stageName}` : ''}</p>
              <p className="text-sm text-slate-600">{formatDateTime(e.createdAt, locale)}</p>
              {data.message ?? data.reason ? <p className="whitespace-pre-line">{data.message ?? data.reason}</p> : null}
            </li>
          );
        })}
      </ol>
      <h2 className="mb-3 text-2xl font-bold">{t('answers')}</h2>
      <AnswerList definition={definition} answers={answers} locale={locale} notAnswered={tCheck('notAnswered')} />
      <h2 className="mb-3 text-2xl font-bold">{t('documents')}</h2>
      <ul className="mb-8 list-disc pl-6">
        {application.documents.map((d) => (
          <li key={d.id}>
            <a href={`/${locale}/applications/${id}/documents/${d.id}`}>{d.fileName}</a>
          </li>
        ))}
      </ul>
      <h2 className="mb-3 text-2xl font-bold">{t('feeTitle')}</h2>
      <p className="mb-2">{t('feePromise', { fee: application.feeRiel !== null ? formatRiel(application.feeRiel, locale) : '—' })}</p>
      {allows(actor, application, 'application.complain') ? (
        <ul className="mb-8 flex flex-col gap-2">
          <li><Link href={`/complaints/new?application=${id}&kind=money`}>{t('reportLink')}</Link></li>
          <li><Link href={`/complaints/new?application=${id}`}>{tComplaints('applicationLink')}</Link></li>
        </ul>
      ) : null}
      <h2 className="mb-3 text-2xl font-bold">{t('viewedBy')}</h2>
      <p className="mb-3">{t('viewedByLead')}</p>
      {views.length === 0 ? <p className="mb-8">{t('viewedNone')}</p> : (
        <ul className="mb-8 list-disc pl-6">
          {views.map((v) => (
            <li key={String(v.id)}>
              {tTimeline(v.type === 'document_viewed' ? 'viewedDocument' : 'viewed', {
                department: departmentName(v.departmentId) || institutionName(v.data) || (v.actorRole === 'auditor' ? tTimeline('auditors') : '—'),
              })}, {formatDateTime(v.createdAt, locale)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
