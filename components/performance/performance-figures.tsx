// The performance page's own sections: the figures by department and by service, and how
// often the forecasts came true. Each reads the page's one overview (pageOverview).
import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { pageOverview } from '@/lib/performance/figures';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { figureText, monthName } from './format';
import { ScopeFigureBlock } from './scope-figures';

export async function PerformanceIntro({ locale }: { locale: Locale }) {
  const [t, overview] = await Promise.all([getTranslations('performance'), pageOverview()]);
  return (
    <>
      <p className="mb-4 max-w-2xl text-lg">{t('lead')}</p>
      <p className="mb-2">{overview.refreshedAt ? t('freshness', { time: formatDateTime(overview.refreshedAt, locale) }) : t('notYet')}</p>
      <p className="mb-2 max-w-2xl">{t('howCounted')}</p>
      <p className="mb-8 max-w-2xl">{t('smallNumbers')}</p>
    </>
  );
}

export async function DepartmentFigures({ locale }: { locale: Locale }) {
  const [t, overview] = await Promise.all([getTranslations('performance'), pageOverview()]);
  return (
    <section aria-labelledby="by-department" className="mb-12">
      <h2 id="by-department" className="mb-4 text-2xl font-bold">{t('departments')}</h2>
      {overview.departments.map((scope) => <ScopeFigureBlock key={scope.code} scope={scope} locale={locale} />)}
    </section>
  );
}

export async function ServiceFigures({ locale }: { locale: Locale }) {
  const [t, overview] = await Promise.all([getTranslations('performance'), pageOverview()]);
  return (
    <section aria-labelledby="by-service" className="mb-12">
      <h2 id="by-service" className="mb-4 text-2xl font-bold">{t('services')}</h2>
      {overview.services.map((scope) => <ScopeFigureBlock key={scope.code} scope={scope} locale={locale} />)}
    </section>
  );
}

export async function ForecastAccuracy({ locale }: { locale: Locale }) {
  const [t, overview] = await Promise.all([getTranslations('performance'), pageOverview()]);
  const words = { fewerThan5: t('fewerThan5'), none: t('none') };
  return (
    <section aria-labelledby="forecasts" className="mb-12">
      <h2 id="forecasts" className="mb-2 text-2xl font-bold">{t('forecastsHeading')}</h2>
      <p className="mb-4 max-w-2xl">{t('forecastsLead')}</p>
      <Table
        caption={t('forecastKept')}
        rowKey={(s) => s.code}
        rows={overview.services}
        columns={[
          { header: t('services'), cell: (s) => s.name[locale] },
          ...overview.months.map((month, i) => ({ header: monthName(month, locale), numeric: true, cell: (s: (typeof overview.services)[number]) => figureText(s.months[i]!.forecastKeptShare, 'share', locale, words) })),
        ]}
      />
    </section>
  );
}
