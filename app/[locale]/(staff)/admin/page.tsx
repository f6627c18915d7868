import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { listDepartments } from '@/lib/staff/departments';
import { listStaffRoles } from '@/lib/staff/members';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ reset?: string; sessionsEnded?: string; q?: string }> };

export const generateMetadata = pageTitle('admin');

export default async function AdminPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', '/admin');
  const { reset, sessionsEnded, q } = await searchParams;
  const search = typeof q === 'string' ? q.trim().slice(0, 100) : '';
  const [t, tRoles, tStatus, tErrors, tClients, tHolidays, tStaff, tServices] = await Promise.all([
    getTranslations('admin'),
    getTranslations('roles'),
    getTranslations('userStatus'),
    getTranslations('errors'),
    getTranslations('apiClients'),
    getTranslations('holidaysAdmin'),
    getTranslations('staffAdmin.adminLinks'),
    getTranslations('servicesAdmin'),
  ]);
  const [departments, staff] = await Promise.all([listDepartments(), listStaffRoles(search)]);
  const name = (d: { nameKm: string; nameEn: string } | null) => (d ? (locale === 'km' ? d.nameKm : d.nameEn) : '—');

  return (
    <>
      {reset ? <Alert tone="success">{t('secondFactorWasReset')}</Alert> : null}
      {sessionsEnded ? <Alert tone="success">{t('sessionsWereEnded')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <ul className="mb-6 flex flex-col gap-2">
        <li><Link href="/admin/services" className="font-bold">{tServices('adminLink')}</Link></li>
        <li><Link href="/admin/departments" className="font-bold">{tStaff('departments')}</Link></li>
        <li><Link href="/admin/staff/invite" className="font-bold">{tStaff('invite')}</Link></li>
        <li><Link href="/admin/holidays" className="font-bold">{tHolidays('adminLink')}</Link></li>
        <li><Link href="/admin/api-clients" className="font-bold">{tClients('adminLink')}</Link></li>
      </ul>
      <Table
        caption={t('departments')}
        rows={departments}
        rowKey={(d) => d.id}
        columns={[
          { header: t('department'), cell: (d) => name(d) },
          { header: t('staffCount'), cell: (d) => d._count.roles, numeric: true },
          { header: t('serviceCount'), cell: (d) => d._count.services, numeric: true },
        ]}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <Field id="q" label={t('searchStaff')} errorPrefix={tErrors('errorPrefix')}>
          <TextInput id="q" defaultValue={search} autoComplete="off" />
        </Field>
        <div className="mb-6"><Button variant="secondary">{t('search')}</Button></div>
      </form>
      <Table
        caption={t('staff')}
        rows={staff}
        rowKey={(s) => s.id}
        columns={[
          { header: t('name'), cell: (s) => <Link href={`/admin/staff/${s.user.id}`}>{s.user.name}<span className="sr-only"> ({tStaff('manage')})</span></Link> },
          { header: t('email'), cell: (s) => s.user.email },
          { header: t('role'), cell: (s) => tRoles(s.role) },
          { header: t('department'), cell: (s) => name(s.department) },
          { header: t('status'), cell: (s) => <StatusTag tone={s.user.status === 'active' ? 'green' : 'red'}>{tStatus(s.user.status)}</StatusTag> },
          {
            header: t('secondFactor'),
            cell: (s) => (
              <span className="flex flex-col items-start gap-1">
                {s.user.secondFactor?.confirmedAt ? (
                  <>
                    <span>{t('secondFactorSince', { date: formatDay(s.user.secondFactor.confirmedAt, locale) })}</span>
                    <Link href={`/admin/staff/${s.user.id}/second-factor`}>{t('resetSecondFactor')}<span className="sr-only"> ({s.user.name}, {tRoles(s.role)})</span></Link>
                  </>
                ) : (
                  <span>{t('secondFactorNone')}</span>
                )}
                <Link href={`/admin/staff/${s.user.id}/sessions`}>{t('endSessions')}<span className="sr-only"> ({s.user.name}, {tRoles(s.role)})</span></Link>
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
