// The service page's forecast and figures, from the precomputed tables only.
import { getTranslations } from 'next-intl/server';
import { performanceOverview } from '@/lib/performance/figures';
import { expectedDay, serviceOutlook } from '@/lib/performance/forecast';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { ScopeFigureBlock } from './scope-figures';

/** "Most applications are decided in 6 to 9 working days; the legal limit is 10; if you apply today, expect a decision by …" */
export async function ServiceForecast({ code, legalDays, holidays, locale }: { code: string; legalDays: number; holidays: ReadonlySet<string>; locale: Locale }) {
  const [t, tService, outlook] = await Promise.all([getTranslations('performance'), getTranslations('service'), serviceOutlook({ code }, legalDays)]);
  const date = formatDay(expectedDay(outlook, new Date(), holidays), locale);
  return (
    <div data-testid="forecast">
      {outlook.basis === 'history' ? (
        <p className="mb-2">
          {outlook.lowDays === outlook.highDays
            ? t('forecastHistorySame', { high: outlook.highDays, legal: legalDays })
            : t('forecastHistory', { low: outlook.lowDays, high: outlook.highDays, legal: legalDays })}
        </p>
      ) : null}
      <p className="font-bold">{tService('expected', { date })}</p>
      {outlook.basis === 'legal' ? <p className="mt-2">{t('forecastLegal')}</p> : null}
    </div>
  );
}

export async function ServicePerformance({ code, locale }: { code: string; locale: Locale }) {
  const [t, overview] = await Promise.all([getTranslations('performance'), performanceOverview({ serviceCode: code })]);
  const scope = overview.services[0];
  if (!scope) return null;
  return (
    <div className="mb-8">
      <ScopeFigureBlock scope={scope} locale={locale} headingLevel={2} heading={t('serviceHeading')} />
      <p><Link href="/performance">{t('seeAll')}</Link></p>
    </div>
  );
}
