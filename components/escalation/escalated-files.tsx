// The supervisor's list of files that climbed the hierarchy: the level each reached and since when.
import { getTranslations } from 'next-intl/server';
import { Reference } from '@/components/ui/reference';
import { StatusTag, type TagTone } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import type { EscalatedFile } from '@/lib/escalation/escalated-files';
import type { EscalationLevel } from '@/lib/escalation/levels';
import { formatDateTime, formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

const tone = { 80: 'amber', 100: 'red', 150: 'red' } as const satisfies Record<EscalationLevel, TagTone>;

export async function EscalatedFiles({ files, locale }: { files: EscalatedFile[]; locale: Locale }) {
  const [t, tStaff] = await Promise.all([getTranslations({ locale, namespace: 'escalation' }), getTranslations({ locale, namespace: 'staff' })]);
  return (
    <section aria-labelledby="escalated-files">
      <h2 id="escalated-files" className="mb-3 mt-8 text-2xl font-bold">{t('heading')}</h2>
      <p className="mb-4 max-w-3xl">{t('rules')}</p>
      {files.length === 0 ? <p>{t('none')}</p> : (
        <Table
          caption={t('caption')}
          rows={files}
          rowKey={(f) => `${f.applicationId}-${f.stageKey}`}
          columns={[
            { header: tStaff('reference'), cell: (f) => <Link href={`/staff/applications/${f.applicationId}`}><Reference>{f.reference}</Reference></Link> },
            { header: tStaff('service'), cell: (f) => f.service[locale], wideOnly: true },
            { header: t('level'), cell: (f) => <StatusTag tone={tone[f.level]}>{t(`levels.${f.level}`)}</StatusTag> },
            { header: t('since'), cell: (f) => formatDateTime(f.since, locale) },
            { header: tStaff('stageDue'), cell: (f) => `${formatDay(f.dueAt, locale)}${f.paused ? ` (${t('paused')})` : ''}` },
          ]}
        />
      )}
    </section>
  );
}
