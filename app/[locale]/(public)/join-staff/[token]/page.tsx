import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminFormLabels } from '@/components/admin/form-labels';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { findStaffInvitation } from '@/lib/staff/invitations';
import { acceptStaffInvitationAction } from './actions';

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<{ joined?: string }> };

export const generateMetadata = pageTitle('staffAdmin.join');

/** What a staff invitation's link opens: who is invited as what, and the password that creates the account. */
export default async function JoinStaffPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const { joined } = await searchParams;
  const [t, tRoles, labels, invitation] = await Promise.all([getTranslations('staffAdmin.join'), getTranslations('roles'), adminFormLabels(), findStaffInvitation(token)]);
  const body = () => {
    if (!invitation) return <Alert tone="error">{t('refused.notFound')}</Alert>;
    if (joined && invitation.state === 'used') {
      return (
        <Alert tone="success">
          <p>{t('joined', { email: invitation.email })}</p>
          <p className="mt-2"><Link href="/sign-in" className="font-bold">{t('signIn')}</Link></p>
        </Alert>
      );
    }
    if (invitation.state !== 'open') return <Alert tone="error">{t(`refused.${invitation.state}`)}</Alert>;
    const role = tRoles(invitation.role);
    return (
      <>
        <p className="mb-6 text-lg">
          {invitation.department
            ? t('lead', { name: invitation.name, role, department: locale === 'km' ? invitation.department.nameKm : invitation.department.nameEn })
            : t('leadNoDepartment', { name: invitation.name, role })}
        </p>
        <ActionForm
          id="join-staff"
          action={acceptStaffInvitationAction.bind(null, locale, token)}
          title={t('formTitle')}
          fields={[{ kind: 'password', name: 'newPassword', label: t('newPassword'), hint: t('newPasswordHint') }]}
          submit={t('submit')}
          labels={labels}
        />
      </>
    );
  };
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      {body()}
    </>
  );
}
