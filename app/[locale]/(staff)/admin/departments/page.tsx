import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminFormLabels } from '@/components/admin/form-labels';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { listDepartments } from '@/lib/staff/departments';
import { createDepartmentAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ created?: string; renamed?: string }> };

export const generateMetadata = pageTitle('staffAdmin.departments');

export default async function DepartmentsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.staff', '/admin/departments');
  const { created, renamed } = await searchParams;
  const [t, labels, departments] = await Promise.all([getTranslations('staffAdmin.departments'), adminFormLabels(), listDepartments()]);
  return (
    <>
      <p className="mb-4"><Link href="/admin">← {t('back')}</Link></p>
      {created ? <Alert tone="success">{t('created')}</Alert> : null}
      {renamed ? <Alert tone="success">{t('renamed')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <Table
        caption={t('title')}
        rows={departments}
        rowKey={(d) => d.id}
        columns={[
          { header: t('code'), cell: (d) => <code>{d.code}</code> },
          { header: t('nameKm'), cell: (d) => <span lang="km">{d.nameKm}</span> },
          { header: t('nameEn'), cell: (d) => <span lang="en">{d.nameEn}</span> },
          { header: t('staffCount'), cell: (d) => d._count.roles, numeric: true },
          { header: t('serviceCount'), cell: (d) => d._count.services, numeric: true },
          { header: t('rename'), cell: (d) => <Link href={`/admin/departments/${d.id}`}>{t('rename')}<span className="sr-only"> ({locale === 'km' ? d.nameKm : d.nameEn})</span></Link> },
        ]}
      />
      <ActionForm
        id="create-department"
        action={createDepartmentAction.bind(null, locale)}
        title={t('createTitle')}
        fields={[
          { kind: 'text', name: 'code', label: t('code'), hint: t('codeHint') },
          { kind: 'text', name: 'nameKm', label: t('nameKm') },
          { kind: 'text', name: 'nameEn', label: t('nameEn') },
        ]}
        submit={t('create')}
        labels={labels}
      />
    </>
  );
}
