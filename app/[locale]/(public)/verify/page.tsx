import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CheckLicenceForm } from '@/components/licences/check-licence-form';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { readLicenceNumber } from '@/lib/licences/licence-number';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ number?: string | string[] }> };

export const generateMetadata = pageTitle('checkLicence');

/** Public: check a licence or permit by the number printed on it (linked from home and footer). */
export default async function CheckLicencePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { number } = await searchParams;
  const typed = typeof number === 'string' ? number.slice(0, 60) : undefined;
  const read = typed === undefined ? null : readLicenceNumber(typed);
  if (read?.ok) redirect(`/${locale}/verify/${encodeURIComponent(read.number)}`);
  const t = await getTranslations('checkLicence');
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-2xl">{t('lead')}</p>
      <CheckLicenceForm value={typed} error={read?.ok === false ? read.error : undefined} />
    </>
  );
}
