import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { RegisterForm } from '@/components/auth/register-form';
import { currentActor } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { homePath } from '@/lib/policy/policy';
import { register } from './actions';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageTitle('register');

export default async function RegisterPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor();
  if (actor) redirect(`/${locale}${homePath(actor)}`);
  const [t, tErrors] = await Promise.all([getTranslations('register'), getTranslations('errors')]);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-xl text-lg">{t('lead')}</p>
      <RegisterForm
        action={register.bind(null, locale)}
        texts={{
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
          name: t('name'),
          nameHint: t('nameHint'),
          identifier: t('identifier'),
          identifierHint: t('identifierHint'),
          password: t('password'),
          passwordHint: t('passwordHint'),
          submit: t('submit'),
        }}
      />
      <p className="mt-8">
        {t('haveAccount')} <Link href="/sign-in">{t('signIn')}</Link>
      </p>
    </>
  );
}
