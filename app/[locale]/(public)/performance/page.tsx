import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AuditHeads } from '@/components/performance/audit-heads';
import { ComplaintFigures } from '@/components/performance/complaint-figures';
import { DepartmentFigures, ForecastAccuracy, PerformanceIntro, ServiceFigures } from '@/components/performance/performance-figures';
import { SatisfactionFigures } from '@/components/performance/satisfaction-figures';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('performance');

// Public, no sign-in. A list of sections, each its own server component reading precomputed
// figures (lib/performance): a part of the transparency work adds its section as one line.
export default async function PerformancePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('performance');
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <PerformanceIntro locale={locale} />
      <DepartmentFigures locale={locale} />
      <ServiceFigures locale={locale} />
      <ForecastAccuracy locale={locale} />
      <SatisfactionFigures locale={locale} />
      <ComplaintFigures locale={locale} />
      <AuditHeads locale={locale} />
      <p className="mb-8 font-bold"><Link href="/open-data">{t('openData')}</Link></p>
    </>
  );
}
