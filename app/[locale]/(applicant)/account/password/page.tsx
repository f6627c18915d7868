import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { hasPassword } from '@/lib/auth/change-password';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { accountPath } from '@/lib/policy/policy';
import { changePasswordAction } from '../security-actions';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('changePassword');

export default async function ChangePasswordPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'account.security', '/account/password');
  const back = accountPath(actor);
  // Accounts made with the national digital ID have no password to change.
  if (!(await hasPassword(actor.id))) redirect(`/${locale}${back}`);
  const [t, tAccount, tRegister, tErrors] = await Promise.all([getTranslations('changePassword'), getTranslations('accountSecurity'), getTranslations('register'), getTranslations('errors')]);
  return (
    <>
      <p className="mb-4"><Link href={back}>← {back === '/account' ? t('back') : tAccount('title')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      <ChangePasswordForm
        action={changePasswordAction.bind(null, locale)}
        texts={{
          currentPassword: t('currentPassword'),
          newPassword: t('newPassword'),
          newPasswordHint: tRegister('passwordHint'),
          submit: t('submit'),
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
        }}
      />
    </>
  );
}
