import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('admin');

export default async function AdminPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', '/admin');
  const [t, tRoles, tStatus] = await Promise.all([getTranslations('admin'), getTranslations('roles'), getTranslations('userStatus')]);
  const [departments, staff] = await Promise.all([
    db.department.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { roles: true, services: true } } } }),
    db.roleAssignment.findMany({
      where: { role: { notIn: ['citizen', 'investor'] } },
      orderBy: [{ user: { name: 'asc' } }],
      take: 200,
      select: { id: true, role: true, department: true, user: { select: { name: true, email: true, status: true } } },
    }),
  ]);
  const name = (d: { nameKm: string; nameEn: string } | null) => (d ? (locale === 'km' ? d.nameKm : d.nameEn) : '—');

  return (
    <>
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
        ]}
      />
    </>
  );
}
