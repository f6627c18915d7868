import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { holidaysOfYear, holidayYears, nextYearWithoutCalendar } from '@/lib/deadlines/holiday-changes';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { addHolidayAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ year?: string; done?: string; moved?: string }> };

export const generateMetadata = pageTitle('holidaysAdmin');

const doneMessages = ['added', 'renamed', 'removed'] as const;

export default async function HolidaysPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.holidays', '/admin/holidays');
  const { year: askedYear, done, moved } = await searchParams;
  const year = /^20\d\d$/.test(askedYear ?? '') ? Number(askedYear) : Number(phnomPenhDay(new Date()).slice(0, 4));
  const years = [...new Set([...(await holidayYears()), year])].sort((a, b) => a - b);
  const [t, tAdmin, tErrors, tApp, holidays, missingYear] = await Promise.all([
    getTranslations('holidaysAdmin'),
    getTranslations('admin'),
    getTranslations('errors'),
    getTranslations('application'),
    holidaysOfYear(year),
    nextYearWithoutCalendar(),
  ]);
  const doneMessage = doneMessages.find((m) => m === done);
  return (
    <>
      {doneMessage ? <Alert tone="success">{t(doneMessage, { count: Number(moved) || 0 })}</Alert> : null}
      {missingYear ? <Alert tone="warning">{t('nextYearMissing', { year: String(missingYear) })}</Alert> : null}
      <p className="mb-4"><Link href="/admin">← {tAdmin('title')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      <nav aria-label={t('years')} className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {years.map((y) => (
            <li key={y}>
              {y === year ? <span aria-current="page" className="font-bold">{y}</span> : <Link href={`/admin/holidays?year=${y}`}>{y}</Link>}
            </li>
          ))}
        </ul>
      </nav>
      {holidays.length === 0 ? (
        <p className="mb-6">{t('none', { year: String(year) })}</p>
      ) : (
        <Table
          caption={t('caption', { year: String(year) })}
          rows={holidays}
          rowKey={(h) => h.day}
          columns={[
            { header: t('date'), cell: (h) => formatDay(h.day, locale) },
            { header: t('nameKm'), cell: (h) => <span lang="km">{h.nameKm}</span> },
            { header: t('nameEn'), cell: (h) => <span lang="en">{h.nameEn}</span> },
            { header: t('change'), cell: (h) => <Link href={`/admin/holidays/${h.day}`}>{t('change')}<span className="sr-only"> ({formatDay(h.day, locale)})</span></Link> },
          ]}
        />
      )}
      <ActionForm
        id="add-holiday"
        action={addHolidayAction.bind(null, locale)}
        title={t('addTitle')}
        lead={t('addLead')}
        fields={[
          { kind: 'date', name: 'day', label: t('day'), hint: t('dayHint') },
          { kind: 'text', name: 'nameKm', label: t('nameKm') },
          { kind: 'text', name: 'nameEn', label: t('nameEn') },
        ]}
        submit={t('add')}
        labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
      />
    </>
  );
}
