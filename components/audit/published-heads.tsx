// On the auditor's page: the audit heads published each day, whether each is still part of the
// chain, and what was written after any of them (the trail only grows, so that is what changed).
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Reference } from '@/components/ui/reference';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import type { eventsAfter, HeadStatus } from '@/lib/audit/audit-heads';
import { formatDateTime, formatDay, formatNumber } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

interface Props {
  locale: Locale;
  heads: HeadStatus[];
  /** The head chosen with ?since=<day>, and the events written after it. */
  since: { head: HeadStatus; events: Awaited<ReturnType<typeof eventsAfter>> } | null;
  departmentName: (id: string | null) => string;
}

export async function PublishedHeads({ locale, heads, since, departmentName }: Props) {
  const [t, tAudit, tEvents] = await Promise.all([
    getTranslations({ locale, namespace: 'auditHeads' }),
    getTranslations({ locale, namespace: 'audit' }),
    getTranslations({ locale, namespace: 'events' }),
  ]);
  return (
    <section aria-labelledby="published-heads" className="mb-8">
      <h2 id="published-heads" className="mb-3 text-2xl font-bold">{t('auditorHeading')}</h2>
      <p className="mb-4 max-w-3xl">{t('auditorLead')}</p>
      {heads.length === 0 ? <p>{t('none')}</p> : (
        <Table
          caption={t('auditorCaption')}
          rows={heads}
          rowKey={(h) => h.day}
          columns={[
            { header: t('day'), cell: (h) => formatDay(h.day, locale) },
            { header: t('events'), cell: (h) => formatNumber(h.position, locale), numeric: true },
            { header: t('hash'), cell: (h) => <code className="break-all font-mono text-sm">{h.hash}</code>, wideOnly: true },
            { header: t('check'), cell: (h) => (h.holds ? <StatusTag tone="green">{t('holds')}</StatusTag> : <StatusTag tone="red">{t('rewritten')}</StatusTag>) },
            {
              header: t('addedSince'),
              cell: (h) => (
                <Link href={`/audit?since=${h.day}#changes-since`}>
                  {t('seeAdded', { count: h.addedSince })}<span className="sr-only"> ({formatDay(h.day, locale)})</span>
                </Link>
              ),
            },
          ]}
        />
      )}
      {since ? (
        <div id="changes-since">
          <h3 className="mb-2 text-xl font-bold">{t('sinceHeading', { day: formatDay(since.head.day, locale) })}</h3>
          {since.head.holds ? null : <Alert tone="error">{t('sinceRewritten')}</Alert>}
          <p className="mb-3">{t('sinceCount', { count: since.head.addedSince, shown: since.events.length })}</p>
          {since.events.length === 0 ? null : (
            <Table
              caption={t('sinceCaption', { day: formatDay(since.head.day, locale) })}
              rows={since.events}
              rowKey={(e) => String(e.id)}
              columns={[
                { header: t('position'), cell: (e) => formatNumber(Number(e.chainPosition ?? 0), locale, { grouping: false }), numeric: true },
                { header: tAudit('when'), cell: (e) => formatDateTime(e.createdAt, locale) },
                { header: tAudit('event'), cell: (e) => tEvents(e.type as 'submitted') },
                { header: tAudit('reference'), cell: (e) => (e.application.reference ? <Reference>{e.application.reference}</Reference> : '—') },
                { header: tAudit('actor'), cell: (e) => e.actor?.name ?? '—' },
                { header: tAudit('department'), cell: (e) => departmentName(e.departmentId), wideOnly: true },
              ]}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
