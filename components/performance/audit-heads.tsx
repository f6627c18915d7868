// The audit chain's daily heads on the public performance page: what was published, and how
// anyone who keeps a copy can tell later whether history was rewritten.
import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { latestAuditHeads } from '@/lib/audit/audit-heads';
import { formatDay, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

export async function AuditHeads({ locale, days = 7 }: { locale: Locale; days?: number }) {
  const [t, heads] = await Promise.all([getTranslations({ locale, namespace: 'auditHeads' }), latestAuditHeads(days)]);
  return (
    <section aria-labelledby="audit-heads" className="mb-10">
      <h2 id="audit-heads" className="mb-3 text-2xl font-bold">{t('heading')}</h2>
      <p className="mb-4 max-w-3xl">{t('lead')}</p>
      {heads.length === 0 ? <p className="mb-4">{t('none')}</p> : (
        <Table
          caption={t('caption', { count: heads.length })}
          rows={heads}
          rowKey={(h) => h.day}
          columns={[
            { header: t('day'), cell: (h) => formatDay(h.day, locale) },
            { header: t('events'), cell: (h) => formatNumber(h.position, locale), numeric: true },
            { header: t('hash'), cell: (h) => <code className="break-all font-mono text-sm">{h.hash}</code> },
          ]}
        />
      )}
      <h3 className="mb-2 text-xl font-bold">{t('howTitle')}</h3>
      <ol className="mb-4 ml-6 max-w-3xl list-decimal">
        <li className="mb-1">{t('howSave')} <a href="/api/open-data/audit-heads.csv">{t('csv')}</a> · <a href="/api/open-data/audit-heads.json">{t('json')}</a></li>
        <li className="mb-1">{t('howCompare')}</li>
        <li className="mb-1">{t('howVerify')} <code className="break-all font-mono text-sm">npm run audit:verify -- --head &lt;hash&gt;</code></li>
      </ol>
    </section>
  );
}
