import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { complaintFigures, type ComplaintMonth } from '@/lib/complaints/figures';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

/** Months shown on the page; the open data (complaints-monthly) has them all. */
const monthsShown = 12;

/** Public: complaints per department and month (received, answered on time, open), no personal data. */
export async function ComplaintFigures({ locale }: { locale: Locale }) {
  const [t, figures] = await Promise.all([getTranslations('complaints'), complaintFigures()]);
  const months = [...new Set(figures.map((f) => f.month))].slice(0, monthsShown);
  const rows = figures.filter((f) => months.includes(f.month));
  const count = (f: ComplaintMonth, value: number | null) => (f.fewerThanFive ? t('fewerThanFive') : formatNumber(value ?? 0, locale));
  return (
    <section aria-labelledby="complaint-figures" className="mb-10">
      <h2 id="complaint-figures" className="mb-3 text-2xl font-bold">{t('figuresTitle')}</h2>
      <p className="mb-4 max-w-2xl">{t('figuresLead')}</p>
      {rows.length === 0 ? <p>{t('noFigures')}</p> : (
        <Table
          caption={t('figuresCaption')}
          rows={rows}
          rowKey={(f) => `${f.month}-${f.departmentCode ?? 'none'}`}
          columns={[
            { header: t('month'), cell: (f) => f.month },
            { header: t('departmentComplained'), cell: (f) => f.department?.[locale] ?? t('noDepartment') },
            { header: t('received'), cell: (f) => count(f, f.received) },
            { header: t('answeredOnTime'), cell: (f) => count(f, f.answeredOnTime) },
            { header: t('open'), cell: (f) => count(f, f.open) },
          ]}
        />
      )}
    </section>
  );
}
