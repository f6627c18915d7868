import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminFormLabels } from '@/components/admin/form-labels';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { listDepartments } from '@/lib/staff/departments';
import { assignableRoles } from '@/lib/staff/members';
import { inviteStaffAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ sent?: string }> };

export const generateMetadata = pageTitle('staffAdmin.invite');

export default async function InviteStaffPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.staff', '/admin/staff/invite');
  const { sent } = await searchParams;
  const [t, tRoles, labels, departments] = await Promise.all([getTranslations('staffAdmin.invite'), getTranslations('roles'), adminFormLabels(), listDepartments()]);
  return (
    <>
      <p className="mb-4"><Link href="/admin">← {t('back')}</Link></p>
      {typeof sent === 'string' ? <Alert tone="success">{t('sent', { email: sent.slice(0, 254) })}</Alert> : null}
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      <ActionForm
        id="invite-staff"
        action={inviteStaffAction.bind(null, locale)}
        title={t('formTitle')}
        fields={[
          { kind: 'text', name: 'name', label: t('name') },
          { kind: 'email', name: 'email', label: t('email') },
          { kind: 'select', name: 'role', label: t('role'), options: assignableRoles.map((role) => ({ value: role, label: tRoles(role) })) },
          { kind: 'select', name: 'departmentId', label: t('department'), hint: t('departmentHint'), options: departments.map((d) => ({ value: d.id, label: locale === 'km' ? d.nameKm : d.nameEn })) },
        ]}
        submit={t('submit')}
        labels={labels}
      />
    </>
  );
}
