import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { WithReferences } from '@/components/ui/reference';
import { openApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { complaintKinds, departmentsComplainedOf } from '@/lib/complaints/complaint';
import { isUuid } from '@/lib/forms/action-arguments';
import { formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { organisationsActedFor } from '@/lib/organisations/memberships';
import { can } from '@/lib/policy/policy';
import { fileComplaintAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ application?: string; kind?: string }> };

export const generateMetadata = pageTitle('complaints');

/**
 * A complaint to the General Inspectorate, from an application's page (`?application=`) or from
 * the footer of any page. Signed-out visitors sign in first and come back here: the answer goes
 * to their account.
 */
export default async function NewComplaintPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const applicationId = typeof query.application === 'string' ? query.application : '';
  const actor = await requireActor(locale, `/complaints/new${applicationId ? `?application=${encodeURIComponent(applicationId)}` : ''}`);
  if (!can(actor, 'complaint.file')) notFound();
  const application = applicationId ? (isUuid(applicationId) ? await openApplication(actor, applicationId, 'application.complain') : null) : undefined;
  if (application === null) notFound();
  const [t, tErrors, tApp] = await Promise.all([getTranslations('complaints'), getTranslations('errors'), getTranslations('application')]);
  const departments = application ? [] : await departmentsComplainedOf();
  // A company's owners and managers may file for it (then its members follow the complaint too).
  const companies = application ? [] : await organisationsActedFor(actor);
  const kind = (complaintKinds as readonly string[]).includes(query.kind ?? '') ? query.kind! : undefined;
  return (
    <>
      {application ? <p className="mb-4"><Link href={`/applications/${application.id}`}>← {tApp('back')}</Link></p> : null}
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      {application ? (
        <p className="mb-2 max-w-2xl font-bold"><WithReferences text={t('aboutApplication', { reference: application.reference ?? '', service: application.definition.name[locale] })} /></p>
      ) : null}
      <p className="mb-4 max-w-2xl">{t('lead')}</p>
      {application && kind === 'money' ? (
        <p className="mb-4 max-w-2xl"><WithReferences text={t('feeReminder', { fee: formatRiel(application.feeRiel ?? 0, locale), reference: application.reference ?? '' })} /></p>
      ) : null}
      <ActionForm
        id="complaint"
        action={fileComplaintAction.bind(null, locale, application?.id ?? '')}
        title={t('formTitle')}
        initial={{ for: '', ...(kind ? { kind } : {}) }}
        fields={[
          ...(companies.length ? [{ kind: 'radios' as const, name: 'for', label: t('for'), options: [{ value: '', label: t('forMyself') }, ...companies.map((c) => ({ value: c.id, label: locale === 'km' ? c.nameKm : c.nameEn }))] }] : []),
          { kind: 'radios', name: 'kind', label: t('kind'), options: complaintKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
          ...(application ? [] : [{ kind: 'select' as const, name: 'department', label: t('department'), hint: t('departmentHint'), options: departments.map((d) => ({ value: d.code, label: locale === 'km' ? d.nameKm : d.nameEn })) }]),
          { kind: 'textarea', name: 'description', label: t('description'), hint: t('descriptionHint') },
          { kind: 'text', name: 'amount', label: t('amount'), hint: t('amountHint') },
        ]}
        submit={t('submit')}
        labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
      />
    </>
  );
}
