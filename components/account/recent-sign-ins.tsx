import { getTranslations } from 'next-intl/server';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { describeDevice, recentSignIns } from '@/lib/auth/recent-sign-ins';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

/** The last sign-ins to the account, newest first, this browser's marked. */
export async function RecentSignIns({ userId, locale, currentSessionId }: { userId: string; locale: Locale; currentSessionId: string | null }) {
  const [t, rows] = await Promise.all([getTranslations('recentSignIns'), recentSignIns(userId)]);
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
          { header: t('when'), cell: (s) => formatDateTime(s.createdAt, locale) },
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
