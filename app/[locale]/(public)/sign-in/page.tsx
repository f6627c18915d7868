import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { safeReturnPath } from '@/lib/auth/guards';
import { isNationalIdOutcome, nationalIdSettings } from '@/lib/auth/national-id';
import { currentActor, sessionWasRefused } from '@/lib/auth/session';
import { sessionLimitTexts } from '@/components/auth/session-limits';
import { Link } from '@/lib/i18n/navigation';
import { homePath } from '@/lib/policy/policy';
import { signIn, signInWithNationalIdAction } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string; signedOut?: string; nationalId?: string; passwordReset?: string }> };

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next, signedOut, nationalId, passwordReset } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(`/${locale}${homePath(actor)}`);
  const [t, tErrors, tSessions, tReset, limits, ended] = await Promise.all([
    getTranslations('signIn'),
    getTranslations('errors'),
    getTranslations('sessions'),
    getTranslations('passwordReset'),
    sessionLimitTexts(),
    sessionWasRefused(),
  ]);
  const returnTo = safeReturnPath(next, locale) ?? undefined;
  return (
    <>
      {signedOut ? <Alert tone="success">{signedOut === 'everywhere' ? tSessions('signedOutEverywhere') : t('signedOut')}</Alert> : null}
      {passwordReset === 'done' ? <Alert tone="success">{tReset('done')}</Alert> : null}
      {/* A cookie came whose session has ended (signed out elsewhere, idle, a new password). */}
      {ended && !signedOut && !passwordReset ? <Alert tone="info">{tSessions('ended')}</Alert> : null}
      {isNationalIdOutcome(nationalId) ? <Alert tone="error" title={tErrors(`nationalId.${nationalId}`)} /> : null}
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      {nationalIdSettings() ? (
        <section aria-labelledby="national-id" className="mb-10 max-w-xl border-l-4 border-brand-700 pl-4">
          <h2 id="national-id" className="mb-2 text-2xl font-bold">{t('nationalIdTitle')}</h2>
          <p className="mb-4">{t('nationalIdLead')}</p>
          <form action={signInWithNationalIdAction.bind(null, locale)}>
            {returnTo ? <input type="hidden" name="next" value={returnTo} /> : null}
            <Button>{t('nationalIdSubmit')}</Button>
          </form>
        </section>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">{t('passwordTitle')}</h2>
      <SignInForm
        action={signIn.bind(null, locale)}
        next={returnTo}
        texts={{
          identifier: t('identifier'),
          identifierHint: t('identifierHint'),
          password: t('password'),
          submit: t('submit'),
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
        }}
      />
      <p className="mt-4"><Link href="/forgot-password">{tReset('forgotLink')}</Link></p>
      <p className="mt-8">
        {t('noAccount')} <Link href="/register">{t('register')}</Link>
      </p>
      <p className="mt-6 max-w-2xl text-slate-700">{limits.public} {limits.staff}</p>
    </>
  );
}
