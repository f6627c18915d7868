import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AccountForm } from '@/components/auth/account-form';
import { currentActor } from '@/lib/auth/session';
import { pageTitle } from '@/lib/i18n/page-title';
import { homePath } from '@/lib/policy/policy';
import { requestPasswordResetAction } from './actions';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageTitle('passwordReset');

export default async function ForgotPasswordPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor();
  if (actor) redirect(`/${locale}${homePath(actor)}`);
  const [t, tErrors] = await Promise.all([getTranslations('passwordReset'), getTranslations('errors')]);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-xl text-lg">{t('lead')}</p>
      <AccountForm
        action={requestPasswordResetAction.bind(null, locale)}
        fields={[{ name: 'identifier', label: t('identifier'), hint: t('identifierHint'), autoComplete: 'username' }]}
        submit={t('submit')}
        summaryTitle={tErrors('summaryTitle')}
        errorPrefix={tErrors('errorPrefix')}
      />
    </>
  );
}
