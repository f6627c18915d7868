// One service's or department's figures: what waits now, two charts and the table view.
import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import type { MonthFigures, ScopeFigures } from '@/lib/performance/figures';
import type { Locale } from '@/lib/i18n/routing';
import { ColumnChart } from './month-charts';
import { figureText, monthName, type FigureKind } from './format';

type Column = { key: keyof Omit<MonthFigures, 'month'>; kind: FigureKind };
const columns: Column[] = [
  { key: 'received', kind: 'count' },
  { key: 'decided', kind: 'count' },
  { key: 'approved', kind: 'count' },
  { key: 'rejected', kind: 'count' },
  { key: 'medianDays', kind: 'days' },
  { key: 'p90Days', kind: 'days' },
  { key: 'onTimeShare', kind: 'share' },
  { key: 'forecastKeptShare', kind: 'share' },
];
const headings = { received: 'received', decided: 'decided', approved: 'approved', rejected: 'rejected', medianDays: 'median', p90Days: 'p90', onTimeShare: 'onTime', forecastKeptShare: 'forecastKept' } as const;

export async function ScopeFigureBlock({ scope, locale, headingLevel = 3, heading }: { scope: ScopeFigures; locale: Locale; headingLevel?: 2 | 3; heading?: string }) {
  const t = await getTranslations('performance');
  const words = { fewerThan5: t('fewerThan5'), none: t('none') };
  const text = (m: MonthFigures, c: Column) => figureText(m[c.key], c.kind, locale, words);
  const name = scope.name[locale];
  const id = `${scope.scope}-${scope.code}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const count = (n: number) => figureText(n, 'count', locale, words);
  const days = (n: number) => figureText(n, 'days', locale, words);
  return (
    <section aria-labelledby={id} className="mb-10">
      <Heading id={id} className={`mb-2 font-bold ${headingLevel === 2 ? 'text-2xl' : 'text-xl'}`}>{heading ?? name}</Heading>
      {scope.backlog !== null ? <p className="mb-1">{t('now', { backlog: figureText(scope.backlog, 'count', locale, words), overdue: figureText(scope.overdue, 'count', locale, words) })}</p> : null}
      {scope.legalDays ? <p className="mb-3">{t('legalLimit', { days: scope.legalDays })}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <ColumnChart
          id={`${id}-volumes`}
          title={t('volumesChart', { name })}
          description={scope.months.map((m) => t('volumesMonth', { month: monthName(m.month, locale), received: text(m, columns[0]!), decided: text(m, columns[1]!) })).join(' ')}
          months={scope.months}
          monthLabel={(m) => monthName(m, locale, true)}
          series={[
            { label: t('legendReceived'), fill: 'fill-slate-400', swatch: 'bg-slate-400', value: (m) => m.received },
            { label: t('legendDecided'), fill: 'fill-brand-700', swatch: 'bg-brand-700', value: (m) => m.decided },
          ]}
          format={count}
          hidden={t('fewerThan5Short')}
        />
        <ColumnChart
          id={`${id}-days`}
          title={t('daysChart', { name })}
          description={[
            ...scope.months.map((m) => t('daysMonth', { month: monthName(m.month, locale), median: text(m, columns[4]!), p90: text(m, columns[5]!) })),
            ...(scope.legalDays ? [t('daysLegal', { days: scope.legalDays })] : []),
          ].join(' ')}
          months={scope.months}
          monthLabel={(m) => monthName(m, locale, true)}
          series={[
            { label: t('legendMedian'), fill: 'fill-brand-700', swatch: 'bg-brand-700', value: (m) => m.medianDays },
            { label: t('legendP90'), fill: 'fill-sky-300', swatch: 'bg-sky-300', value: (m) => m.p90Days },
          ]}
          format={days}
          hidden={t('fewerThan5Short')}
          line={scope.legalDays ? { value: scope.legalDays, label: t('legendLimit') } : undefined}
        />
      </div>
      {/* The table view: a plain <details>, open and closed without JavaScript. */}
      <details className="mt-2">
        <summary className="cursor-pointer font-bold text-brand-700 underline">{t('asTable')}</summary>
        <Table
          caption={t('tableCaption', { name })}
          rowKey={(m) => m.month}
          rows={scope.months}
          columns={[{ header: t('month'), cell: (m) => monthName(m.month, locale) }, ...columns.map((c) => ({ header: t(headings[c.key]), numeric: true, cell: (m: MonthFigures) => text(m, c) }))]}
        />
      </details>
    </section>
  );
}
