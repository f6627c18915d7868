import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { WithReferences } from '@/components/ui/reference';
import { openApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { reportExtraPayment } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = pageTitle('report');

export default async function ReportPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/applications/${id}/report`);
  const application = await openApplication(actor, id, 'application.report');
  if (!application) notFound();
  const [t, tErrors, tApp] = await Promise.all([getTranslations('report'), getTranslations('errors'), getTranslations('application')]);
  return (
    <>
      <p className="mb-4"><Link href={`/applications/${id}`}>← {tApp('back')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 max-w-2xl"><WithReferences text={t('lead', { fee: formatRiel(application.feeRiel ?? 0, locale), reference: application.reference ?? '' })} /></p>
      <p className="mb-8 max-w-2xl">{t('private')}</p>
      <ActionForm
        id="report"
        action={reportExtraPayment.bind(null, locale, id)}
        title={t('formTitle')}
        fields={[
          { kind: 'textarea', name: 'description', label: t('description'), hint: t('descriptionHint') },
          { kind: 'text', name: 'amount', label: t('amount'), hint: t('amountHint') },
        ]}
        submit={t('submit')}
        labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
      />
    </>
  );
}
