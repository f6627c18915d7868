import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { safeReturnPath } from '@/lib/auth/guards';
import { currentActor } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { homePath } from '@/lib/policy/policy';
import { signIn } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string; signedOut?: string }> };

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next, signedOut } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(`/${locale}${homePath(actor)}`);
  const [t, tErrors] = await Promise.all([getTranslations('signIn'), getTranslations('errors')]);
  return (
    <>
      {signedOut ? <Alert tone="success">{t('signedOut')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <SignInForm
        action={signIn.bind(null, locale)}
        next={safeReturnPath(next, locale) ?? undefined}
        texts={{
          identifier: t('identifier'),
          identifierHint: t('identifierHint'),
          password: t('password'),
          submit: t('submit'),
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
        }}
      />
      <p className="mt-8">
        {t('noAccount')} <Link href="/register">{t('register')}</Link>
      </p>
    </>
  );
}
