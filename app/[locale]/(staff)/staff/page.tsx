import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, TextInput } from '@/components/ui/inputs';
import { Pagination } from '@/components/ui/pagination';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { deadlineFlag } from '@/lib/deadlines/working-days';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { canInDepartment } from '@/lib/policy/policy';
import { inspectorateCode } from '@/lib/services/departments';
import { departmentQueue, queueChoices, queueDepartments, queueFilters, type QueueFilters } from '@/lib/workflow/queue';
import { claimNextAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = pageTitle('staff');

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'backoffice.enter', '/staff');
  const query = await searchParams;
  const [t, tStatus, tErrors, tSearch, tComplaints] = await Promise.all([getTranslations('staff'), getTranslations('applicationStatus'), getTranslations('errors'), getTranslations('queueSearch'), getTranslations('complaints')]);
  const departments = await queueDepartments(actor);
  const department = departments.find((d) => d.code === query.department) ?? departments[0];
  if (!department) return <h1 className="text-3xl font-bold">{t('title')}</h1>;

  const filters = queueFilters.parse(query);
  const holidays = await loadHolidays();
  const [queue, choices] = await Promise.all([departmentQueue(department.id, actor, filters, holidays), queueChoices(department.code)]);
  const name = (d: { nameKm: string; nameEn: string }) => (locale === 'km' ? d.nameKm : d.nameEn);
  const now = new Date();
  const canClaim = canInDepartment(actor, 'file.work', department.id);
  const canSupervise = canInDepartment(actor, 'file.supervise', department.id);
  const hrefFor = (page: number, omit?: keyof QueueFilters) => {
    const params = new URLSearchParams({ department: department.code, ...Object.fromEntries(Object.entries(filters).filter(([k, v]) => k !== 'page' && k !== omit && v)) as Record<string, string> });
    params.set('page', String(page));
    return `/staff?${params}`;
  };
  const select = (id: keyof QueueFilters, label: string, options: { value: string; label: string }[]) => (
    <Field id={id} label={label} errorPrefix={tErrors('errorPrefix')}>
      <Select id={id} options={options} placeholder={t('any')} defaultValue={String(filters[id] ?? '')} />
    </Field>
  );
  const stages = choices.filter((c) => !filters.service || c.code === filters.service).flatMap((c) => c.stages);
  // Each form keeps what the other chose: the search runs within the filters, and the reverse.
  const keep = (omit: keyof QueueFilters) => Object.entries(filters).filter(([k, v]) => k !== omit && k !== 'page' && v).map(([k, v]) => <input key={k} type="hidden" name={k} value={String(v)} />);
  const assigneeOf = (r: (typeof queue.items)[number]) => (r.assigneeId === actor.id ? t('assignedMe') : r.assignee?.name ?? t('unassigned'));

  return (
    <>
      <p className="mb-1 text-slate-600">{t('welcome', { name: actor.name })}</p>
      <h1 className="mb-6 text-3xl font-bold">{t('queueTitle', { department: name(department) })}</h1>
      {departments.length > 1 ? (
        <nav aria-label={t('chooseDepartment')} className="mb-6">
          <ul className="flex flex-wrap gap-4">
            {departments.map((d) => (
              <li key={d.id}>
                <Link href={`/staff?department=${d.code}`} aria-current={d.id === department.id ? 'page' : undefined} className={d.id === department.id ? 'font-bold' : ''}>{name(d)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {department.code === inspectorateCode ? <p className="mb-6"><Link href="/staff/complaints" className="font-bold">{tComplaints('queueLink')}</Link></p> : null}
      {query.claim === 'none' ? <Alert tone="info">{t('nothingToClaim')}</Alert> : null}
      {query.claim === 'unavailable' ? <Alert tone="error">{tErrors('staff.unavailable')}</Alert> : null}
      <div className="mb-8 flex flex-wrap items-center gap-4">
        {canClaim ? (
          <form action={claimNextAction.bind(null, locale, department.code, department.id)}>
            <Button aria-describedby="claim-hint">{t('claimNext')}</Button>
            <p id="claim-hint" className="mt-1 text-sm text-slate-600">{t('claimNextHint')}</p>
          </form>
        ) : null}
        {canSupervise ? <Link href={`/staff/supervisor?department=${department.code}`}>{t('supervisorLink')}</Link> : null}
      </div>

      <form method="get" role="search" className="mb-6">
        <input type="hidden" name="department" value={department.code} />
        {keep('q')}
        <Field id="q" label={tSearch('label')} hint={tSearch('hint')} errorPrefix={tErrors('errorPrefix')}>
          <div className="flex flex-wrap gap-3">
            <TextInput id="q" hint={tSearch('hint')} defaultValue={filters.q ?? ''} autoComplete="off" className="min-w-0 flex-1 sm:max-w-md" />
            <Button>{tSearch('submit')}</Button>
          </div>
        </Field>
      </form>

      <details className="mb-6 border-2 border-slate-300 p-4" open={Object.keys(query).some((k) => k in queueFilters.shape && k !== 'page' && k !== 'q')}>
        <summary className="cursor-pointer text-lg font-bold">{t('filters')}</summary>
        <form method="get" className="mt-4 grid gap-x-6 sm:grid-cols-2">
          <input type="hidden" name="department" value={department.code} />
          {keep('q')}
          {select('service', t('filterService'), choices.map((c) => ({ value: c.code, label: c.name[locale] })))}
          {select('stage', t('filterStage'), stages.map((s) => ({ value: s.key, label: s.name[locale] })))}
          {select('status', t('filterStatus'), [{ value: 'waiting', label: t('statusWaiting') }, { value: 'info_requested', label: t('statusInfo') }])}
          {select('due', t('filterDue'), [{ value: 'overdue', label: t('dueOverdue') }, { value: 'atRisk', label: t('dueAtRisk') }])}
          {select('assigned', t('filterAssigned'), [{ value: 'me', label: t('assignedMe') }, { value: 'none', label: t('assignedNone') }])}
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <Button>{t('applyFilters')}</Button>
            <Link href={`/staff?department=${department.code}`}>{t('clearFilters')}</Link>
          </div>
        </form>
      </details>

      {filters.q ? (
        <p role="status" className="mb-3 flex flex-wrap gap-x-4 font-bold">
          {tSearch('results', { count: queue.total, query: filters.q })}
          <Link href={hrefFor(1, 'q')} className="font-normal">{tSearch('clear')}</Link>
        </p>
      ) : <p role="status" className="mb-3 font-bold">{t('count', { count: queue.total })}</p>}
      {queue.items.length === 0 ? <p>{t('empty')}</p> : (
        <Table
          caption={t('queueCaption')}
          rows={queue.items}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('reference'),
              // On a narrow screen the wide-only columns move under the reference.
              cell: (r) => (
                <>
                  <Link href={`/staff/applications/${r.id}`} className="font-bold whitespace-nowrap">{r.reference}</Link>
                  {filters.q ? <span className="block">{r.applicant.name}</span> : null}
                  <span className="block text-sm text-slate-700 md:hidden">{[r.service[locale], r.stage?.[locale], tStatus(r.status), assigneeOf(r)].filter(Boolean).join(' · ')}</span>
                </>
              ),
            },
            {
              header: t('stageDue'),
              cell: (r) => {
                const flag = r.status === 'info_requested' ? null : deadlineFlag(r.stageDueAt, now, holidays);
                return (
                  <span className="flex flex-wrap items-center gap-2">
                    {r.stageDueAt ? formatDay(r.stageDueAt, locale) : '—'}
                    {r.status === 'info_requested' ? <StatusTag>{t('paused')}</StatusTag> : null}
                    {flag ? <StatusTag tone={flag === 'overdue' ? 'red' : 'amber'}>{t(`${flag}Flag`)}</StatusTag> : null}
                  </span>
                );
              },
            },
            { header: t('service'), cell: (r) => r.service[locale], wideOnly: true },
            { header: t('stage'), cell: (r) => r.stage?.[locale] ?? '—', wideOnly: true },
            { header: t('status'), cell: (r) => tStatus(r.status), wideOnly: true },
            { header: t('assignee'), cell: assigneeOf, wideOnly: true },
          ]}
        />
      )}
      <Pagination page={filters.page} totalPages={queue.pages} hrefFor={hrefFor} />
    </>
  );
}
