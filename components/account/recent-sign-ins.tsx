import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { describeDevice, recentSignIns } from '@/lib/auth/recent-sign-ins';

/** The last sign-ins to the account, newest first, this browser's marked. */
export async function RecentSignIns({ userId, currentSessionId }: { userId: string; currentSessionId: string | null }) {
  const [t, format, rows] = await Promise.all([getTranslations('recentSignIns'), getFormatter(), recentSignIns(userId)]);
  const device = (userAgent: string | null) => {
    const described = describeDevice(userAgent);
    return described ? t('deviceOn', described) : t('unknownDevice');
  };
  return (
    <section className="mb-8">
      <Table
        caption={t('title')}
        rows={rows}
        rowKey={(s) => s.id}
        columns={[
          // The formatter's time zone is Phnom Penh's (lib/i18n/request.ts).
          { header: t('when'), cell: (s) => format.dateTime(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) },
          { header: t('how'), cell: (s) => t(`kind.${s.kind}`) },
          { header: t('device'), cell: (s) => device(s.userAgent) },
          {
            header: t('state'),
            cell: (s) => s.id === currentSessionId
              ? <StatusTag tone="green">{t('thisDevice')}</StatusTag>
              : <StatusTag tone={s.endedAt ? 'grey' : 'blue'}>{t(s.endedAt ? 'ended' : 'open')}</StatusTag>,
          },
        ]}
      />
      <p className="-mt-4 max-w-2xl">{t('lead')}</p>
    </section>
  );
}
