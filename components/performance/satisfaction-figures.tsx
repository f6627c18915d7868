import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { satisfactionFigures } from '@/lib/satisfaction/figures';

/** Months shown on the page; the open data (satisfaction-monthly) has them all. */
const monthsShown = 12;

/** Public: the monthly average rating per service; comments are never shown. */
export async function SatisfactionFigures({ locale }: { locale: Locale }) {
  const [t, figures] = await Promise.all([getTranslations('satisfaction'), satisfactionFigures()]);
  const months = [...new Set(figures.map((f) => f.month))].slice(0, monthsShown);
  const rows = figures.filter((f) => months.includes(f.month));
  return (
    <section aria-labelledby="satisfaction-figures" className="mb-10">
      <h2 id="satisfaction-figures" className="mb-3 text-2xl font-bold">{t('figuresTitle')}</h2>
      <p className="mb-4 max-w-2xl">{t('figuresLead')}</p>
      {rows.length === 0 ? <p>{t('noFigures')}</p> : (
        <Table
          caption={t('figuresCaption')}
          rows={rows}
          rowKey={(f) => `${f.month}-${f.serviceCode}`}
          columns={[
            { header: t('month'), cell: (f) => f.month },
            { header: t('service'), cell: (f) => f.service[locale] },
            { header: t('ratings'), cell: (f) => (f.fewerThanFive ? t('fewerThanFive') : formatNumber(f.ratings ?? 0, locale)) },
            { header: t('average'), cell: (f) => (f.fewerThanFive ? t('fewerThanFive') : t('averageValue', { average: formatNumber(f.average ?? 0, locale, { maximumFractionDigits: 1 }) })) },
          ]}
        />
      )}
    </section>
  );
}
