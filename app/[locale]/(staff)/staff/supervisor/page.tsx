import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EscalatedFiles } from '@/components/escalation/escalated-files';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { Reference } from '@/components/ui/reference';
import { requireArea } from '@/lib/auth/guards';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { escalatedFiles } from '@/lib/escalation/escalated-files';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { canInDepartment } from '@/lib/policy/policy';
import { findDepartmentByCode } from '@/lib/staff/departments';
import { departmentQueue, departmentWorkload, queueFilters } from '@/lib/workflow/queue';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ department?: string; page?: string }> };

export const generateMetadata = pageTitle('supervisor');

export default async function SupervisorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'backoffice.enter', '/staff/supervisor');
  const query = await searchParams;
  const department = await findDepartmentByCode(String(query.department ?? ''));
  // Only those who supervise the department (a supervisor, its head) see its workload.
  if (!department || !canInDepartment(actor, 'file.supervise', department.id)) notFound();

  const [t, tStaff] = await Promise.all([getTranslations('supervisor'), getTranslations('staff')]);
  const filters = queueFilters.parse({ due: 'overdue', page: query.page });
  const [workload, overdue, escalated] = await Promise.all([departmentWorkload(department.id), departmentQueue(department.id, actor, filters, await loadHolidays()), escalatedFiles(department.id)]);
  const departmentName = locale === 'km' ? department.nameKm : department.nameEn;

  return (
    <>
      <p className="mb-4"><Link href={`/staff?department=${department.code}`}>← {tStaff('queueTitle', { department: departmentName })}</Link></p>
      <h1 className="mb-6 text-3xl font-bold">{t('heading', { department: departmentName })}</h1>
      <p className="mb-4 text-lg">{t('unassigned', { count: workload.unassigned })}</p>
      <Table
        caption={t('workload')}
        rows={workload.staff}
        rowKey={(s) => s.id}
        columns={[
          { header: t('member'), cell: (s) => s.name },
          { header: t('assigned'), cell: (s) => s.assigned, numeric: true },
          { header: t('overdue'), cell: (s) => (s.overdue ? <StatusTag tone="red">{s.overdue}</StatusTag> : 0), numeric: true },
        ]}
      />
      <h2 className="mb-3 mt-8 text-2xl font-bold">{t('overdueFiles')}</h2>
      {overdue.items.length === 0 ? <p>{t('noOverdue')}</p> : (
        <Table
          caption={t('overdueFiles')}
          rows={overdue.items}
          rowKey={(r) => r.id}
          columns={[
            { header: tStaff('reference'), cell: (r) => <Reference>{r.reference}</Reference> },
            { header: tStaff('service'), cell: (r) => r.service[locale] },
            { header: tStaff('stageDue'), cell: (r) => (r.stageDueAt ? formatDay(r.stageDueAt, locale) : '—') },
            { header: tStaff('assignee'), cell: (r) => r.assignee?.name ?? tStaff('unassigned') },
            { header: t('reassign'), cell: (r) => <Link href={`/staff/applications/${r.id}#step-reassign-title`}>{t('reassign')} <span className="sr-only">{r.reference}</span></Link> },
          ]}
        />
      )}
      <EscalatedFiles files={escalated} locale={locale} />
    </>
  );
}
