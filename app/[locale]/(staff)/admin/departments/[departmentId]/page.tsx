import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminFormLabels } from '@/components/admin/form-labels';
import { ActionForm } from '@/components/ui/action-form';
import { requireArea } from '@/lib/auth/guards';
import { isUuid } from '@/lib/forms/action-arguments';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { findDepartment } from '@/lib/staff/departments';
import { renameDepartmentAction } from '../actions';

type Props = { params: Promise<{ locale: Locale; departmentId: string }> };

export const generateMetadata = pageTitle('staffAdmin.renameDepartment');

export default async function RenameDepartmentPage({ params }: Props) {
  const { locale, departmentId } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.staff', `/admin/departments/${departmentId}`);
  const department = isUuid(departmentId) ? await findDepartment(departmentId) : null;
  if (!department) notFound();
  const [t, tDepartments, labels] = await Promise.all([getTranslations('staffAdmin.renameDepartment'), getTranslations('staffAdmin.departments'), adminFormLabels()]);
  return (
    <>
      <p className="mb-4"><Link href="/admin/departments">← {tDepartments('title')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <ActionForm
        id="rename-department"
        action={renameDepartmentAction.bind(null, locale, department.id)}
        title={t('formTitle')}
        lead={t('lead', { code: department.code })}
        fields={[
          { kind: 'text', name: 'nameKm', label: tDepartments('nameKm') },
          { kind: 'text', name: 'nameEn', label: tDepartments('nameEn') },
        ]}
        initial={{ nameKm: department.nameKm, nameEn: department.nameEn }}
        submit={t('submit')}
        labels={labels}
      />
    </>
  );
}
