import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Reference } from '@/components/ui/reference';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { inspectorateQueue } from '@/lib/complaints/complaint';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { deadlineFlag } from '@/lib/deadlines/working-days';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('complaints');

/** The General Inspectorate's queue of open complaints; anyone else finds no such page. */
export default async function ComplaintQueuePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'backoffice.enter', '/staff/complaints');
  const queue = await inspectorateQueue(actor);
  if (!queue) notFound();
  const [t, holidays] = await Promise.all([getTranslations('complaints'), loadHolidays()]);
  const now = new Date();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('queueTitle')}</h1>
      <p className="mb-6 max-w-2xl">{t('queueLead')}</p>
      {queue.length === 0 ? <p>{t('queueEmpty')}</p> : (
        <Table
          caption={t('queueCaption')}
          rows={queue}
          rowKey={(c) => c.id}
          columns={[
            { header: t('reference'), cell: (c) => <Link href={`/staff/complaints/${c.id}`}><Reference>{c.reference}</Reference></Link> },
            { header: t('about'), cell: (c) => t(`kindNames.${c.kind}`) },
            { header: t('departmentComplained'), cell: (c) => (c.department ? (locale === 'km' ? c.department.nameKm : c.department.nameEn) : t('noDepartment')) },
            { header: t('filed'), cell: (c) => formatDay(c.createdAt, locale) },
            {
              header: t('due'),
              cell: (c) => {
                const flag = deadlineFlag(c.dueAt, now, holidays);
                return (
                  <span className="flex flex-wrap items-center gap-2">
                    {formatDay(c.dueAt, locale)}
                    {flag ? <StatusTag tone={flag === 'overdue' ? 'red' : 'amber'}>{t(flag)}</StatusTag> : null}
                  </span>
                );
              },
            },
          ]}
        />
      )}
    </>
  );
}
