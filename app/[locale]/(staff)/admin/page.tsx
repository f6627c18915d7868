import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ reset?: string; sessionsEnded?: string; q?: string }> };

export const generateMetadata = pageTitle('admin');

export default async function AdminPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', '/admin');
  const { reset, sessionsEnded, q } = await searchParams;
  const search = typeof q === 'string' ? q.trim().slice(0, 100) : '';
  const [t, tRoles, tStatus, tErrors] = await Promise.all([getTranslations('admin'), getTranslations('roles'), getTranslations('userStatus'), getTranslations('errors')]);
  const [departments, staff] = await Promise.all([
    db.department.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { roles: true, services: true } } } }),
    db.roleAssignment.findMany({
      where: {
        role: { notIn: ['citizen', 'investor'] },
        ...(search ? { user: { OR: [{ name: { contains: search, mode: 'insensitive' } }, { email: { contains: search, mode: 'insensitive' } }] } } : {}),
      },
      orderBy: [{ user: { name: 'asc' } }],
      take: 200,
      select: { id: true, role: true, department: true, user: { select: { id: true, name: true, email: true, status: true, secondFactor: { select: { confirmedAt: true } } } } },
    }),
  ]);
  const name = (d: { nameKm: string; nameEn: string } | null) => (d ? (locale === 'km' ? d.nameKm : d.nameEn) : '—');

  return (
    <>
      {reset ? <Alert tone="success">{t('secondFactorWasReset')}</Alert> : null}
      {sessionsEnded ? <Alert tone="success">{t('sessionsWereEnded')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
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
          { header: t('name'), cell: (s) => s.user.name },
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
