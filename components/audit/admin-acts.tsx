import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { recentAdminActs } from '@/lib/administration/audit';
import type { Role } from '@/lib/db/generated/enums';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

/** The latest administrative acts (departments, staff, services, holidays), for the auditors. */
export async function AdminActs({ locale }: { locale: Locale }) {
  const [t, tRoles, acts] = await Promise.all([getTranslations('staffAdmin.acts'), getTranslations('roles'), recentAdminActs(100)]);
  // Acts of kinds this section does not name yet (other administration screens) show their type.
  const actName = (type: string) => (t.has(`types.${type}`) ? t(`types.${type as 'role_given'}`) : type);
  const detail = (data: unknown) => {
    const { role, department } = data as { role?: Role; department?: string | null };
    return [role ? tRoles(role) : null, department].filter(Boolean).join(' · ');
  };
  return (
    <section aria-labelledby="admin-acts-title" className="mb-8">
      <h2 id="admin-acts-title" className="mb-2 text-2xl font-bold">{t('title')}</h2>
      <p className="mb-3">{t('lead')}</p>
      {acts.length === 0 ? <p>{t('empty')}</p> : (
        <Table
          caption={t('title')}
          rows={acts}
          rowKey={(a) => String(a.id)}
          columns={[
            { header: t('when'), cell: (a) => formatDateTime(a.createdAt, locale) },
            { header: t('act'), cell: (a) => [actName(a.type), detail(a.data)].filter(Boolean).join(': ') },
            { header: t('subject'), cell: (a) => <code>{a.subject}</code> },
            { header: t('who'), cell: (a) => a.actor.name },
          ]}
        />
      )}
    </section>
  );
}
