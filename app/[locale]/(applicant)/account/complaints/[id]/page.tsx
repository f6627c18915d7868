import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ComplaintSummary } from '@/components/complaints/complaint-summary';
import { Alert } from '@/components/ui/alert';
import { WithReferences } from '@/components/ui/reference';
import { requireActor } from '@/lib/auth/guards';
import { findComplaint } from '@/lib/complaints/complaint';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ filed?: string }> };

export const generateMetadata = pageTitle('complaints');

/** One complaint, for its complainant's side; after filing, it is the confirmation page too. */
export default async function ComplaintPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/account/complaints/${id}`);
  const complaint = await findComplaint(actor, id, 'complaint.view-own');
  if (!complaint) notFound();
  const { filed } = await searchParams;
  const t = await getTranslations('complaints');
  return (
    <>
      <p className="mb-4"><Link href="/account/complaints">← {t('backToList')}</Link></p>
      {filed ? (
        <Alert tone="success" title={t('filedTitle')}>
          <p><WithReferences text={t('filedLead', { reference: complaint.reference, date: formatDay(complaint.dueAt, locale) })} /></p>
        </Alert>
      ) : null}
      <h1 className="mb-6 text-3xl font-bold"><WithReferences text={t('detailTitle', { reference: complaint.reference })} /></h1>
      <ComplaintSummary complaint={complaint} locale={locale} />
    </>
  );
}
