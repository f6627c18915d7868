import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AccountForm } from '@/components/auth/account-form';
import { resetPhoneCookie } from '@/lib/auth/password-reset';
import { readSealedCookie } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { enterResetCodeAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ by?: string }> };

export const generateMetadata = pageTitle('passwordReset');

/**
 * Where every complete request ends, whether an account uses the address or not. A mobile
 * number's code is typed here.
 */
export default async function PasswordResetSentPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sms = (await searchParams).by === 'sms';
  const [t, tErrors, typed] = await Promise.all([
    getTranslations('passwordReset'),
    getTranslations('errors'),
    sms ? readSealedCookie<{ typed: string }>(resetPhoneCookie) : null,
  ]);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t(sms ? 'sentTitleSms' : 'sentTitleEmail')}</h1>
      <p className="mb-6 max-w-xl text-lg">{t(sms ? 'sentLeadSms' : 'sentLeadEmail')}</p>
      {sms ? (
        <section aria-labelledby="code-title" className="mb-8">
          <h2 id="code-title" className="mb-4 text-2xl font-bold">{t('codeTitle')}</h2>
          <AccountForm
            action={enterResetCodeAction.bind(null, locale)}
            fields={[
              { name: 'identifier', label: t('phone'), hint: t('phoneHint'), type: 'tel', autoComplete: 'tel', defaultValue: typed?.typed },
              { name: 'code', label: t('code'), hint: t('codeHint'), autoComplete: 'one-time-code', numeric: true },
            ]}
            submit={t('codeSubmit')}
            summaryTitle={tErrors('summaryTitle')}
            errorPrefix={tErrors('errorPrefix')}
          />
        </section>
      ) : null}
      <p className="max-w-xl">{t('sentNothing')} <Link href="/forgot-password">{t('askAgain')}</Link></p>
    </>
  );
}
