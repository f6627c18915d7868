import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('audit');

export default async function AuditPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'audit.enter', '/audit');
  const [t, format] = await Promise.all([getTranslations('audit'), getFormatter()]);
  const [count, recent] = await Promise.all([
    db.applicationEvent.count(),
    db.applicationEvent.findMany({
      orderBy: { id: 'desc' },
      take: 20,
      select: { id: true, type: true, createdAt: true, application: { select: { reference: true } } },
    }),
  ]);

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-lg">{t('eventCount', { count })}</p>
      {recent.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <Table
          caption={t('recent')}
          rows={recent}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: t('when'), cell: (e) => format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) },
            { header: t('event'), cell: (e) => e.type },
            { header: t('reference'), cell: (e) => e.application.reference ?? '—' },
          ]}
        />
      )}
    </>
  );
}
