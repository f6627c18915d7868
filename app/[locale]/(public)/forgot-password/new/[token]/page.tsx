import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AccountForm } from '@/components/auth/account-form';
import { passwordResetFor } from '@/lib/auth/password-reset';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { setNewPasswordAction } from '../../actions';

type Props = { params: Promise<{ locale: string; token: string }> };

export const generateMetadata = pageTitle('passwordReset');

/** What the emailed link (or the right code) opens. Opening it changes nothing; saving does, once. */
export default async function NewPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, tRegister, tErrors, reset] = await Promise.all([
    getTranslations('passwordReset'),
    getTranslations('register'),
    getTranslations('errors'),
    passwordResetFor(token),
  ]);
  if (!reset) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t('expiredTitle')}</h1>
        <p className="mb-6 max-w-xl text-lg">{t('expiredLead')}</p>
        <p><Link href="/forgot-password">{t('askAgain')}</Link></p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('newTitle')}</h1>
      <p className="mb-6 max-w-xl text-lg">{t('newLead')}</p>
      <AccountForm
        action={setNewPasswordAction.bind(null, locale, token)}
        fields={[{ name: 'newPassword', label: t('newPassword'), hint: tRegister('passwordHint'), type: 'password', autoComplete: 'new-password' }]}
        submit={t('newSubmit')}
        summaryTitle={tErrors('summaryTitle')}
        errorPrefix={tErrors('errorPrefix')}
      />
    </>
  );
}
