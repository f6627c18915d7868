import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatDateTime, formatRiel } from '@/lib/i18n/format';
import { markReportHandled } from './actions';
import { Table } from '@/components/ui/table';
import { Reference } from '@/components/ui/reference';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('audit');

export default async function AuditPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'audit.enter', '/audit');
  const t = await getTranslations('audit');
  const [count, recent, chain, tEvents, reports, accountEvents] = await Promise.all([
    db.applicationEvent.count(),
    db.applicationEvent.findMany({
      orderBy: { id: 'desc' },
      take: 20,
      select: {
        id: true,
        type: true,
        createdAt: true,
        application: { select: { reference: true } },
        actor: { select: { name: true } },
        departmentId: true,
      },
    }),
    verifyAuditChain(),
    getTranslations('events'),
    // Reports of requests for extra money: the auditors' queue, oldest first.
    db.extraPaymentReport.findMany({
      where: { handledAt: null },
      orderBy: { createdAt: 'asc' },
      take: 50,
      select: {
        id: true,
        amountRiel: true,
        description: true,
        createdAt: true,
        application: { select: { reference: true, currentDepartmentId: true, serviceVersion: { select: { nameKm: true, nameEn: true } } } },
      },
    }),
    // Account security: second factors set up and reset, recovery codes used.
    db.accountEvent.findMany({
      orderBy: { id: 'desc' },
      take: 20,
      select: { id: true, type: true, data: true, createdAt: true, user: { select: { name: true } }, actor: { select: { name: true } } },
    }),
  ]);
  const departments = await db.department.findMany({ select: { id: true, nameKm: true, nameEn: true } });
  const departmentName = (id: string | null) => {
    const d = departments.find((x) => x.id === id);
    return d ? (locale === 'km' ? d.nameKm : d.nameEn) : '—';
  };

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-lg">{t('eventCount', { count })}</p>
      <h2 id="reports" className="mb-3 text-2xl font-bold">{t('reportsTitle')}</h2>
      {reports.length === 0 ? <p className="mb-8">{t('noReports')}</p> : (
        <ul aria-labelledby="reports" className="mb-8 flex flex-col gap-4">
          {reports.map((r) => (
            <li key={r.id} className="border-l-4 border-red-700 pl-3">
              <p className="font-bold"><Reference>{r.application.reference}</Reference>: {locale === 'km' ? r.application.serviceVersion.nameKm : r.application.serviceVersion.nameEn}</p>
              <p className="text-sm text-slate-600">
                {formatDateTime(r.createdAt, locale)} · {t('heldBy', { department: departmentName(r.application.currentDepartmentId) })}
                {r.amountRiel !== null ? ` · ${t('asked', { amount: formatRiel(r.amountRiel, locale) })}` : ''}
              </p>
              <p className="mb-2 whitespace-pre-line">{r.description}</p>
              <form action={markReportHandled.bind(null, locale, r.id)}>
                <Button variant="secondary">{t('markHandled')}<span className="sr-only"> ({r.application.reference})</span></Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-3 text-2xl font-bold">{t('chain')}</h2>
      {chain.ok ? (
        <Alert tone="success">{t('chainOk', { count: chain.events })}</Alert>
      ) : (
        <Alert tone="error">{t('chainBroken', { position: chain.position, eventId: chain.eventId, reason: t(`reasons.${chain.reason}`) })}</Alert>
      )}
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
            { header: t('event'), cell: (e) => t(`accountEventTypes.${e.type as 'second_factor_reset'}`) },
            { header: t('account'), cell: (e) => e.user.name },
            { header: t('actor'), cell: (e) => e.actor?.name ?? '—' },
            { header: t('reason'), cell: (e) => (e.data as { reason?: string }).reason ?? '—' },
          ]}
        />
      ) : null}
    </>
  );
}
