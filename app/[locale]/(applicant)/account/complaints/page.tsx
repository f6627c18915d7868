import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { Reference } from '@/components/ui/reference';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { ownComplaints } from '@/lib/complaints/complaint';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('complaints');

/** The complainant follows their complaints (and their organisations') here. */
export default async function ComplaintsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'complaint.file', '/account/complaints');
  const [t, complaints] = await Promise.all([getTranslations('complaints'), ownComplaints(actor)]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('listTitle')}</h1>
      {complaints.length === 0 ? <p className="mb-6">{t('listEmpty')}</p> : (
        <Table
          caption={t('listCaption')}
          rows={complaints}
          rowKey={(c) => c.id}
          columns={[
            { header: t('reference'), cell: (c) => <Link href={`/account/complaints/${c.id}`}><Reference>{c.reference}</Reference></Link> },
            { header: t('about'), cell: (c) => t(`kindNames.${c.kind}`) },
            { header: t('filed'), cell: (c) => formatDay(c.createdAt, locale) },
            { header: t('status'), cell: (c) => <StatusTag tone={c.answeredAt ? 'green' : 'blue'}>{t(`statuses.${c.answeredAt ? 'answered' : 'open'}`)}</StatusTag> },
          ]}
        />
      )}
      <ButtonLink href="/complaints/new" variant="secondary">{t('newLink')}</ButtonLink>
    </>
  );
}
