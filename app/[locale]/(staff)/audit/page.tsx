import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { formatDateTime } from '@/lib/i18n/format';
import { Table } from '@/components/ui/table';
import { Reference } from '@/components/ui/reference';
import { AdminActs } from '@/components/audit/admin-acts';
import { PublishedHeads } from '@/components/audit/published-heads';
import { auditHeadsWithStatus, eventsAfter } from '@/lib/audit/audit-heads';
import { applicationEventCount, recentAccountEvents, recentApplicationEvents } from '@/lib/audit/recent-events';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { requireArea } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { listDepartmentNames } from '@/lib/staff/departments';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ since?: string }> };

export const generateMetadata = pageTitle('audit');

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'audit.enter', '/audit');
  const [t, tClients] = await Promise.all([getTranslations('audit'), getTranslations('apiClients')]);
  const [count, recent, chain, tEvents, accountEvents] = await Promise.all([
    applicationEventCount(),
    recentApplicationEvents(),
    verifyAuditChain(),
    getTranslations('events'),
    recentAccountEvents(),
  ]);
  const departments = await listDepartmentNames();
  const heads = await auditHeadsWithStatus(chain);
  const { since: sinceDay } = await searchParams;
  const chosen = heads.find((h) => h.day === sinceDay);
  const since = chosen ? { head: chosen, events: await eventsAfter(chosen.position) } : null;
  // API clients registered, rotated and revoked are recorded on the account of whoever did it.
  const accountEventName = (e: { type: string; data: unknown }) =>
    e.type.startsWith('api_client_')
      ? tClients(`auditEvents.${e.type as 'api_client_registered'}`, { client: (e.data as { name?: string }).name ?? '—' })
      : t(`accountEventTypes.${e.type as 'second_factor_reset'}`);
  const departmentName = (id: string | null) => {
    const d = departments.find((x) => x.id === id);
    return d ? (locale === 'km' ? d.nameKm : d.nameEn) : '—';
  };

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-lg">{t('eventCount', { count })}</p>
      <h2 className="mb-3 text-2xl font-bold">{t('chain')}</h2>
      {chain.ok ? (
        <Alert tone="success">{t('chainOk', { count: chain.events })}</Alert>
      ) : (
        <Alert tone="error">{t('chainBroken', { position: chain.position, eventId: chain.eventId, reason: t(`reasons.${chain.reason}`) })}</Alert>
      )}
      <PublishedHeads locale={locale} heads={heads} since={since} departmentName={departmentName} />
      {recent.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <Table
          caption={t('recent')}
          rows={recent}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: t('when'), cell: (e) => formatDateTime(e.createdAt, locale) },
            { header: t('event'), cell: (e) => tEvents(e.type as 'submitted') },
            { header: t('reference'), cell: (e) => (e.application.reference ? <Reference>{e.application.reference}</Reference> : '—') },
            { header: t('actor'), cell: (e) => e.actor?.name ?? '—' },
            { header: t('department'), cell: (e) => departmentName(e.departmentId) },
          ]}
        />
      )}
      {accountEvents.length > 0 ? (
        <Table
          caption={t('accountEvents')}
          rows={accountEvents}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: t('when'), cell: (e) => formatDateTime(e.createdAt, locale) },
            { header: t('event'), cell: (e) => accountEventName(e) },
            { header: t('account'), cell: (e) => e.user.name },
            { header: t('actor'), cell: (e) => e.actor?.name ?? '—' },
            { header: t('reason'), cell: (e) => (e.data as { reason?: string }).reason ?? '—' },
          ]}
        />
      ) : null}
      <AdminActs locale={locale} />
    </>
  );
}
