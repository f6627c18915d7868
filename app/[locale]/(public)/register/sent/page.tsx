import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ by?: string }> };

export const generateMetadata = pageTitle('register');

/**
 * Where every complete registration ends, for a new address and for one that already has an
 * account alike: it names neither the address nor what happened to it.
 */
export default async function RegistrationSentPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sms = (await searchParams).by === 'sms';
  const t = await getTranslations('register');
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t(sms ? 'sentTitleSms' : 'sentTitleEmail')}</h1>
      <p className="mb-4 max-w-xl text-lg">{t(sms ? 'sentLeadSms' : 'sentLeadEmail')}</p>
      <p className="mb-4 max-w-xl">{t('sentTaken')}</p>
      <p className="max-w-xl">{t('sentNothing')} <Link href="/register">{t('registerAgain')}</Link></p>
    </>
  );
}
