import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, TextInput } from '@/components/ui/inputs';
import { Pagination } from '@/components/ui/pagination';
import { StatusTag } from '@/components/ui/status-tag';
import { Table, type Column } from '@/components/ui/table';
import { companyName } from '@/lib/api/company-name';
import { requireActor } from '@/lib/auth/guards';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { dashboardChoices, dashboardFilters, organisationDashboard, type DashboardFilters, type DashboardItem } from '@/lib/organisations/dashboard';
import { canInOrganisation } from '@/lib/policy/policy';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = pageTitle('orgDashboard');

/** The investor dashboard: every application of one organisation, wherever it is in the ministry. */
export default async function OrganisationDashboardPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/organisations/${id}/applications`);
  if (!canInOrganisation(actor, 'organisation.view', id)) notFound();
  const query = await searchParams;
  const filters = dashboardFilters.parse(query);
  const holidays = await loadHolidays();
  const [t, tStatus, tErrors, tApp, organisationName, dashboard, choices] = await Promise.all([
    getTranslations('orgDashboard'),
    getTranslations('applicationStatus'),
    getTranslations('errors'),
    getTranslations('application'),
    companyName(id, locale),
    organisationDashboard(id, filters, holidays),
    dashboardChoices(),
  ]);
  const name = (v: { nameKm: string; nameEn: string }) => (locale === 'km' ? v.nameKm : v.nameEn);
  const filterParams = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...(Object.fromEntries(Object.entries(filters).filter(([k, v]) => k !== 'page' && v)) as Record<string, string>), ...extra });
  const hrefFor = (page: number) => `/organisations/${id}/applications?${filterParams({ page: String(page) })}`;
  const filtered = Object.keys(query).some((k) => k in dashboardFilters.shape && k !== 'page');
  const select = (field: keyof DashboardFilters, label: string, options: { value: string; label: string }[]) => (
    <Field id={field} label={label} errorPrefix={tErrors('errorPrefix')}>
      <Select id={field} options={options} placeholder={t('any')} defaultValue={String(filters[field] ?? '')} />
    </Field>
  );

  const columns: Column<DashboardItem>[] = [
    {
      header: t('application'),
      cell: (a) => (
        <>
          <Link href={`/applications/${a.id}`} className="whitespace-nowrap">{a.reference ?? t('draft')}</Link>
          <span className="block text-sm">{a.service[locale]}</span>
          <span className="block text-sm text-slate-600">{t('by', { name: a.applicantName })}</span>
        </>
      ),
    },
    {
      header: t('status'),
      cell: (a) => (
        <span className="flex flex-col items-start gap-1">
          <span>{tStatus(a.status)}</span>
          {a.waitingForYou ? <StatusTag tone="amber">{t('waitingTag')}</StatusTag> : null}
        </span>
      ),
    },
    { header: t('stage'), cell: (a) => a.stage?.[locale] ?? '—' },
    { header: t('department'), cell: (a) => a.department?.[locale] ?? '—' },
    { header: t('daysInStage'), numeric: true, cell: (a) => (a.daysInStage === null ? '—' : t('days', { count: a.daysInStage })) },
    {
      header: t('stageDue'),
      cell: (a) => (
        <span className="flex flex-wrap items-center gap-2">
          {a.stageDueAt ? formatDay(a.stageDueAt, locale) : '—'}
          {a.status === 'info_requested' ? <StatusTag>{t('paused')}</StatusTag> : null}
          {a.flag ? <StatusTag tone={a.flag === 'overdue' ? 'red' : 'amber'}>{t(`${a.flag}Flag`)}</StatusTag> : null}
        </span>
      ),
    },
    { header: t('expected'), cell: (a) => (a.expectedDecision ? formatDay(a.expectedDecision, locale) : '—') },
  ];

  return (
    <>
      <p className="mb-4"><Link href="/account">← {tApp('back')}</Link></p>
      <p className="mb-1 text-slate-600">{organisationName}</p>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 flex flex-wrap gap-4">
        <Link href={`/organisations/${id}`}>{t('people')}</Link>
        <a href={`/${locale}/organisations/${id}/applications/export?${filterParams()}`} download>{t('export')}</a>
      </p>

      {dashboard.waiting.length > 0 ? (
        <section aria-labelledby="waiting" className="mb-8 border-l-8 border-amber-600 bg-amber-50 p-4">
          <h2 id="waiting" className="mb-3 text-2xl font-bold">{t('waitingTitle', { count: dashboard.waitingTotal })}</h2>
          <ul className="flex flex-col gap-3">
            {dashboard.waiting.map((a) => (
              <li key={a.id}>
                <Link href={`/applications/${a.id}`} className="whitespace-nowrap font-bold">{a.reference}</Link>
                {' · '}{a.service[locale]}
                <span className="block">{a.status === 'info_requested' ? t('waitingInfo', { department: a.department?.[locale] ?? '' }) : t('waitingFee')}</span>
              </li>
            ))}
          </ul>
          {dashboard.waitingTotal > dashboard.waiting.length ? (
            <p className="mt-3"><Link href={`/organisations/${id}/applications?status=waiting`}>{t('waitingAll', { count: dashboard.waitingTotal })}</Link></p>
          ) : null}
        </section>
      ) : null}

      <details className="mb-6 border-2 border-slate-300 p-4" open={filtered}>
        <summary className="cursor-pointer text-lg font-bold">{t('filters')}</summary>
        <form method="get" className="mt-4 grid gap-x-6 sm:grid-cols-2">
          <Field id="q" label={t('search')} hint={t('searchHint')} errorPrefix={tErrors('errorPrefix')}>
            <TextInput id="q" hint={t('searchHint')} defaultValue={filters.q ?? ''} autoComplete="off" />
          </Field>
          {select('status', t('filterStatus'), (['waiting', 'inProgress', 'decided', 'draft'] as const).map((v) => ({ value: v, label: t(`status_${v}`) })))}
          {select('service', t('filterService'), choices.services.map((s) => ({ value: s.code, label: s.name[locale] })))}
          {select('department', t('filterDepartment'), choices.departments.map((d) => ({ value: d.code, label: name(d) })))}
          {select('due', t('filterDue'), [{ value: 'overdue', label: t('overdueFlag') }, { value: 'atRisk', label: t('dueAtRisk') }])}
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <Button>{t('applyFilters')}</Button>
            <Link href={`/organisations/${id}/applications`}>{t('clearFilters')}</Link>
          </div>
        </form>
      </details>

      <p role="status" className="mb-3 font-bold">{t('count', { count: dashboard.total })}</p>
      {dashboard.items.length === 0 ? <p>{filtered ? t('noMatch') : t('empty')}</p> : (
        <Table caption={t('caption')} rows={dashboard.items} rowKey={(a) => a.id} columns={columns} />
      )}
      <Pagination page={filters.page} totalPages={dashboard.pages} hrefFor={hrefFor} />
    </>
  );
}
