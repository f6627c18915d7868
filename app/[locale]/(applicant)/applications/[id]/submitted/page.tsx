import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { ButtonLink } from '@/components/ui/button';
import { openApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { formatDay, formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = pageTitle('submitted');

export default async function SubmittedPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/applications/${id}/submitted`);
  const application = await openApplication(actor, id, 'application.view');
  if (!application || !application.reference) notFound();
  const t = await getTranslations('submitted');
  const department = application.currentDepartment;

  return (
    <>
      <div className="mb-8 bg-green-800 px-4 py-6 text-center text-white sm:px-6">
        <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
        <p>{t('reference')}</p>
        <p className="whitespace-nowrap text-2xl font-bold tracking-wide sm:text-3xl" data-testid="reference">{application.reference}</p>
        <p className="mt-4">{t('trackingCode')}</p>
        <p className="whitespace-nowrap text-2xl font-bold tracking-widest" data-testid="tracking-code">{application.trackingCode}</p>
      </div>
      <p className="mb-6">{t('keep')}</p>
      <h2 className="mb-3 text-2xl font-bold">{t('next')}</h2>
      <p className="mb-4">
        {t('nextBody', {
          department: department ? (locale === 'km' ? department.nameKm : department.nameEn) : '',
          date: application.dueAt ? formatDay(application.dueAt, locale) : '',
        })}
      </p>
      {application.feeRiel ? <p className="mb-8">{t('fee', { amount: formatRiel(application.feeRiel, locale) })}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        <ButtonLink href={`/applications/${id}`}>{t('view')}</ButtonLink>
        <Link href="/account">{t('home')}</Link>
      </div>
    </>
  );
}
