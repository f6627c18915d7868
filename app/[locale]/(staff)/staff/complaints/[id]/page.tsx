import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ComplaintSummary } from '@/components/complaints/complaint-summary';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { WithReferences } from '@/components/ui/reference';
import { requireArea } from '@/lib/auth/guards';
import { findComplaint } from '@/lib/complaints/complaint';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { answerComplaintAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ answered?: string; already?: string }> };

export const generateMetadata = pageTitle('complaints');

/** One complaint for the Inspectorate; the department complained about gets "Page not found". */
export default async function InspectorateComplaintPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'backoffice.enter', `/staff/complaints/${id}`);
  const complaint = await findComplaint(actor, id, 'complaint.work');
  if (!complaint) notFound();
  const { answered, already } = await searchParams;
  const [t, tErrors, tApp] = await Promise.all([getTranslations('complaints'), getTranslations('errors'), getTranslations('application')]);
  return (
    <>
      <p className="mb-4"><Link href="/staff/complaints">← {t('backToQueue')}</Link></p>
      {answered ? <Alert tone="success">{t('answered')}</Alert> : null}
      {already ? <Alert tone="warning">{t('alreadyAnswered')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold"><WithReferences text={t('detailTitle', { reference: complaint.reference })} /></h1>
      <ComplaintSummary complaint={complaint} locale={locale} forInspectorate />
      {complaint.answeredAt ? null : (
        <ActionForm
          id="answer"
          action={answerComplaintAction.bind(null, locale, complaint.id)}
          title={t('answerFormTitle')}
          fields={[{ kind: 'textarea', name: 'answer', label: t('answerLabel'), hint: t('answerHint') }]}
          submit={t('answerSubmit')}
          labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
        />
      )}
    </>
  );
}
