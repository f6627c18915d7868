import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';
import { staffRoles } from '@/lib/policy/policy';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('staff');

export default async function StaffHomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'backoffice.enter', '/staff');
  const [t, tRoles] = await Promise.all([getTranslations('staff'), getTranslations('roles')]);
  const assignments = actor.roles.filter((r) => (staffRoles as readonly string[]).includes(r.role) && r.departmentId);
  const departmentIds = assignments.map((r) => r.departmentId!);
  const now = new Date();
  const [departments, waiting, overdue] = await Promise.all([
    db.department.findMany({ where: { id: { in: departmentIds } } }),
    db.application.groupBy({ by: ['currentDepartmentId'], where: { currentDepartmentId: { in: departmentIds } }, _count: true }),
    db.application.groupBy({ by: ['currentDepartmentId'], where: { currentDepartmentId: { in: departmentIds }, stageDueAt: { lt: now } }, _count: true }),
  ]);
  const count = (rows: typeof waiting, id: string) => rows.find((r) => r.currentDepartmentId === id)?._count ?? 0;
  const rows = assignments.map((a) => ({ ...a, department: departments.find((d) => d.id === a.departmentId)! }));

  return (
    <>
      <p className="mb-1 text-slate-600">{t('welcome', { name: actor.name })}</p>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <Table
        caption={t('departments')}
        rows={rows}
        rowKey={(r) => `${r.departmentId}-${r.role}`}
        columns={[
          { header: t('department'), cell: (r) => (locale === 'km' ? r.department.nameKm : r.department.nameEn) },
          { header: t('role'), cell: (r) => tRoles(r.role) },
          { header: t('waiting'), cell: (r) => count(waiting, r.departmentId!), numeric: true },
          { header: t('overdue'), cell: (r) => count(overdue, r.departmentId!), numeric: true },
        ]}
      />
    </>
  );
}
