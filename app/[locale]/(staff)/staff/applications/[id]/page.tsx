import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AnswerList } from '@/components/applications/answer-list';
import { ActionForm, type ActionField } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { StatusTag } from '@/components/ui/status-tag';
import { SummaryList } from '@/components/ui/summary-list';
import { WithReferences } from '@/components/ui/reference';
import { openApplication } from '@/lib/applications/find-application';
import { requireArea } from '@/lib/auth/guards';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { deadlineFlag, phnomPenhDay } from '@/lib/deadlines/working-days';
import { formatBytes, formatDateTime, formatDay, formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { hasInterest } from '@/lib/policy/policy';
import { listDepartmentNames } from '@/lib/staff/departments';
import { endsStage, staffStepForms, staffSteps, staffStepsFor, type StaffStep, type StaffStepForm, type StepField } from '@/lib/workflow/machine';
import { applicantContact, fileTimeline, findAssignee, reassignCandidates } from '@/lib/workflow/review';
import { staffStepAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ done?: string }> };

export const generateMetadata = pageTitle('review');

export default async function ReviewPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'backoffice.enter', `/staff/applications/${id}`);
  // Every opening of an applicant's record is on the audit trail, before anything is shown.
  const file = await openApplication(actor, id, 'application.view');
  // Staff with an interest in the file (theirs, or their organisation's) follow it from the
  // applicant's side like anyone else; here it is not found, as in their queue.
  if (!file || hasInterest(actor, file)) notFound();

  const tEscalation = await getTranslations('escalation');
  const [t, tStaff, tStatus, tEvents, tCheck, tErrors, tApp, tConfirm, holidays, applicant, events, departments] = await Promise.all([
    getTranslations('review'),
    getTranslations('staff'),
    getTranslations('applicationStatus'),
    getTranslations('events'),
    getTranslations('check'),
    getTranslations('errors'),
    getTranslations('application'),
    getTranslations('confirmDecision'),
    loadHolidays(),
    applicantContact(file.applicantId),
    fileTimeline(id),
    listDepartmentNames(),
  ]);
  const { done } = await searchParams;
  const { definition } = file;
  const departmentName = (departmentId: string | null) => {
    const d = departments.find((x) => x.id === departmentId);
    return d ? (locale === 'km' ? d.nameKm : d.nameEn) : '';
  };
  const stageIndex = definition.stages.findIndex((s) => s.key === file.currentStageKey);
  const stage = definition.stages[stageIndex];
  const nextStage = definition.stages[stageIndex + 1];
  const paused = file.status === 'info_requested';
  const flag = paused ? null : deadlineFlag(file.stageDueAt, new Date(), holidays);
  const assignee = await findAssignee(file);

  const available = staffStepsFor(actor, file);
  // A colleague has taken the file: its decisions are theirs until a supervisor reassigns it.
  const heldByColleague = file.assigneeId !== null && file.assigneeId !== actor.id && staffStepsFor(actor, { ...file, assigneeId: actor.id }).some(endsStage);
  const colleagues = available.includes('reassign') ? await reassignCandidates(file) : [];
  // Each step's fields as machine.ts declares them (the action checks the same declaration).
  const fieldsFor = (step: StaffStep): ActionField[] =>
    (staffStepForms[step].fields as readonly StepField<Record<string, unknown>>[]).map((f) => {
      const words = { name: f.name, label: t(`steps.${step}.${f.label}`), hint: f.hint ? t(`steps.${step}.${f.label}Hint`) : undefined };
      if (f.kind === 'select') return { ...words, kind: f.kind, options: colleagues.filter((c) => c.id !== file.assigneeId).map((c) => ({ value: c.id, label: c.name })) };
      if (f.kind === 'radios') return { ...words, kind: f.kind, options: (f.options ?? []).map((value) => ({ value, label: t(`steps.${step}.${value}`) })) };
      return { ...words, kind: f.kind, max: f.notAfterToday ? phnomPenhDay(new Date()) : undefined };
    });
  const leads: Partial<Record<StaffStep, string>> = {
    approveStage: nextStage ? t('steps.approveStage.lead', { stage: nextStage.name[locale], department: departmentName(file.stages[stageIndex + 1]?.departmentId ?? null) }) : undefined,
    finalApprove: t('steps.finalApprove.lead'),
  };
  const seenEvent = String(events[0]?.id ?? 0);
  const labels = {
    summaryTitle: tErrors('summaryTitle'),
    errorPrefix: tErrors('errorPrefix'),
    changedSince: t('changedSince'),
    reload: t('reload'),
    select: tApp('select'),
    confirmTitle: tConfirm('title'),
    cancel: tConfirm('cancel'),
  };

  const summary: [string, React.ReactNode][] = [
    [t('applicant'), applicant.name],
    [t('contact'), [applicant.email, applicant.phone].filter(Boolean).join(', ') || '—'],
    [t('status'), <StatusTag key="s" tone="blue">{tStatus(file.status)}</StatusTag>],
    [t('stage'), stage?.name[locale] ?? '—'],
    [t('department'), departmentName(file.currentDepartmentId) || '—'],
    [t('assignee'), assignee?.name ?? t('nobody')],
    [t('stageDue'), file.stageDueAt ? (
      <span key="d" className="flex flex-wrap items-center gap-2">
        {formatDay(file.stageDueAt, locale)}
        {flag ? <StatusTag tone={flag === 'overdue' ? 'red' : 'amber'}>{tStaff(`${flag}Flag`)}</StatusTag> : null}
      </span>
    ) : '—'],
    [t('overallDue'), file.dueAt ? formatDay(file.dueAt, locale) : '—'],
    [t('submittedOn'), file.submittedAt ? formatDay(file.submittedAt, locale) : '—'],
    [t('fee'), file.feeRiel !== null ? formatRiel(file.feeRiel, locale) : '—'],
  ];

  return (
    <>
      <p className="mb-4"><Link href="/staff">← {t('backToQueue')}</Link></p>
      {done && staffSteps.includes(done as StaffStep) ? <Alert tone="success">{t(`done.${done as StaffStep}`)}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold"><WithReferences text={t('heading', { reference: file.reference ?? '', service: definition.name[locale] })} /></h1>
      <SummaryList rows={summary} className="mb-8" />

      {/* The file first, then the decisions: staff read what they decide on. */}
      <h2 className="mb-3 text-2xl font-bold">{t('answers')}</h2>
      <AnswerList definition={definition} answers={file.answers} locale={locale} notAnswered={tCheck('notAnswered')} />

      <h2 className="mb-3 text-2xl font-bold">{t('documents')}</h2>
      {file.documents.length === 0 ? <p className="mb-8">{t('noDocuments')}</p> : (
        <ul className="mb-8 flex flex-col gap-2">
          {file.documents.map((d) => {
            const requirement = definition.documents.find((r) => r.key === d.requirementKey);
            return (
              <li key={d.id}>
                <p className="font-bold">{requirement?.label[locale] ?? d.requirementKey}</p>
                {/* Opens in the browser's own viewer (served inline, sandboxed); each opening is audited. */}
                <a href={`/${locale}/applications/${id}/documents/${d.id}`} target="_blank" rel="noopener">
                  {t('openDocument', { name: d.fileName, size: formatBytes(d.sizeBytes, locale) })}
                </a>
              </li>
            );
          })}
        </ul>
      )}

      <h2 className="mb-3 text-2xl font-bold">{t('actions')}</h2>
      {heldByColleague ? <p className="mb-6">{t('heldByColleague', { name: assignee?.name ?? '' })}</p> : null}
      {!heldByColleague && available.every((step) => step === 'addNote' || step === 'reassign') ? <p className="mb-6">{t(paused ? 'waitingForApplicant' : 'noActions')}</p> : null}
      {available.map((step) => (
        <ActionForm
          key={step}
          id={`step-${step}`}
          action={staffStepAction.bind(null, locale, id, step)}
          title={t(`steps.${step}.title`)}
          lead={leads[step]}
          fields={fieldsFor(step)}
          submit={t(`steps.${step}.submit`)}
          danger={(staffStepForms[step] as StaffStepForm<unknown>).danger}
          hidden={{ version: file.version, seenEvent }}
          reloadHref={`/${locale}/staff/applications/${id}`}
          labels={labels}
        />
      ))}

      <h2 className="mb-3 mt-8 text-2xl font-bold">{t('timeline')}</h2>
      <ol className="mb-8 border-l-4 border-slate-400 pl-4">
        {events.map((e) => {
          const data = e.data as Record<string, string | undefined>;
          const stageName = definition.stages.find((s) => s.key === data.stage)?.name[locale];
          const details = [data.message, data.reason, data.text, data.result ? `${t(`steps.recordInspection.${data.result as 'passed'}`)}, ${data.date ? formatDay(data.date, locale) : ''}, ${data.inspector}${data.notes ? `: ${data.notes}` : ''}` : undefined, e.type === 'escalated' ? tEscalation('timeline', { level: Number(data.level), told: Number(data.told) }) : undefined].filter(Boolean);
          return (
            <li key={String(e.id)} className="mb-3">
              <p className="font-bold">{tEvents(e.type as 'submitted')}{stageName && e.type !== 'submitted' ? ` · ${stageName}` : ''}</p>
              <p className="text-sm text-slate-600">
                {formatDateTime(e.createdAt, locale)} · {e.actorId === file.applicantId ? t('byApplicant') : e.type === 'escalated' ? tEscalation('automatic') : t('by', { name: e.actor?.name ?? '—', department: departmentName(e.departmentId) || '—' })}
              </p>
              {details.map((line) => <p key={line} className="whitespace-pre-line">{line}</p>)}
            </li>
          );
        })}
      </ol>
    </>
  );
}
