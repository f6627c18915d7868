import { getTranslations } from 'next-intl/server';
import { Reference } from '@/components/ui/reference';
import { StatusTag } from '@/components/ui/status-tag';
import { SummaryList } from '@/components/ui/summary-list';
import type { ComplaintDetail } from '@/lib/complaints/complaint';
import { formatDateTime, formatDay, formatRiel } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

/**
 * A complaint as both sides read it: what was written and the answer. The complainant's page and
 * the Inspectorate's page show the same; only the Inspectorate's adds who filed it and the form.
 */
export async function ComplaintSummary({ complaint, locale, forInspectorate = false }: { complaint: ComplaintDetail; locale: Locale; forInspectorate?: boolean }) {
  const t = await getTranslations('complaints');
  const name = (d: { nameKm: string; nameEn: string } | null) => (d ? (locale === 'km' ? d.nameKm : d.nameEn) : null);
  const rows: [string, React.ReactNode][] = [
    [t('reference'), <Reference key="r">{complaint.reference}</Reference>],
    [t('status'), <StatusTag key="s" tone={complaint.answeredAt ? 'green' : 'blue'}>{t(`statuses.${complaint.answeredAt ? 'answered' : 'open'}`)}</StatusTag>],
    [t('about'), t(`kindNames.${complaint.kind}`)],
    [t('filed'), formatDateTime(complaint.createdAt, locale)],
    [t('due'), formatDay(complaint.dueAt, locale)],
    ...(complaint.application ? [[t('application'), <span key="a"><Reference>{complaint.application.reference}</Reference> ({name(complaint.application.serviceVersion)})</span>] as [string, React.ReactNode]] : []),
    [t('departmentComplained'), name(complaint.department) ?? t('noDepartment')],
    ...(complaint.amountRiel !== null ? [[t('amountAsked'), formatRiel(complaint.amountRiel, locale)] as [string, React.ReactNode]] : []),
    ...(forInspectorate ? [[t('complainant'), complaint.complainant.name] as [string, React.ReactNode]] : []),
    ...(forInspectorate && complaint.organisation ? [[t('organisation'), name(complaint.organisation)] as [string, React.ReactNode]] : []),
  ];
  return (
    <>
      <SummaryList rows={rows} className="mb-8" />
      <h2 className="mb-3 text-2xl font-bold">{t('whatYouWrote')}</h2>
      <p className="mb-8 max-w-2xl whitespace-pre-line">{complaint.description}</p>
      <section aria-labelledby="complaint-answer" className="mb-8">
        <h2 id="complaint-answer" className="mb-3 text-2xl font-bold">{t('answerTitle')}</h2>
        {complaint.answeredAt ? (
          <>
            <p className="mb-2 text-sm text-slate-600">{t('answeredOn', { date: formatDay(complaint.answeredAt, locale) })}</p>
            <p className="max-w-2xl whitespace-pre-line">{complaint.answer ?? t('closedWithoutText')}</p>
          </>
        ) : (
          <p>{t('noAnswerYet', { date: formatDay(complaint.dueAt, locale) })}</p>
        )}
      </section>
    </>
  );
}
