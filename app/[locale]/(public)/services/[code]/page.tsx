import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Fieldset } from '@/components/ui/field';
import { Radios } from '@/components/ui/inputs';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { currentActor } from '@/lib/auth/session';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { DocumentList } from '@/components/services/document-list';
import { FeeLines, FeePolicy } from '@/components/services/fee-lines';
import { ServiceForecast, ServicePerformance } from '@/components/performance/service-performance';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { organisationsActedFor } from '@/lib/organisations/memberships';
import { publishedFee, refundStatement } from '@/lib/services/published-fee';
import { departmentsByCode, findPublishedService } from '@/lib/services/queries';
import { startApplication } from './actions';

type Props = { params: Promise<{ locale: Locale; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const service = await findPublishedService(code);
  return service ? { title: service.definition.name[locale], description: service.definition.summary[locale] } : {};
}

const section = 'mb-8';
const heading = 'mb-3 text-2xl font-bold';

// The anti-broker promise: everything an applicant needs, costs and waits for is on this page.
export default async function ServicePage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const service = await findPublishedService(code);
  if (!service) notFound();
  const [t, tCatalogue, tFee, tChanges, holidays, departments, actor] = await Promise.all([
    getTranslations('service'),
    getTranslations('catalogue'),
    getTranslations('feePolicy'),
    getTranslations('changelog'),
    loadHolidays(),
    departmentsByCode(),
    currentActor(),
  ]);
  // Someone who owns or manages organisations chooses whom the application is for.
  const organisations = await organisationsActedFor(actor);
  const d = service.definition;
  const departmentName = (c: string) => {
    const dept = departments.get(c);
    return dept ? (locale === 'km' ? dept.nameKm : dept.nameEn) : c;
  };

  return (
    <>
      <Breadcrumbs items={[{ label: tCatalogue('title'), href: '/services' }]} />
      <p className="mb-1 text-slate-600">{departmentName(d.department)}</p>
      <h1 className="mb-4 text-3xl font-bold">{d.name[locale]}</h1>
      <p className="mb-8 max-w-2xl text-xl">{d.summary[locale]}</p>

      <section className={section} aria-labelledby="who">
        <h2 id="who" className={heading}>{t('whoCanApply')}</h2>
        <p>{d.whoCanApply[locale]}</p>
      </section>

      <section className={section} aria-labelledby="documents">
        <h2 id="documents" className={heading}>{t('documents')}</h2>
        <p className="mb-3">{t('documentsLead')}</p>
        <DocumentList documents={d.documents} locale={locale} />
      </section>

      <section className={section} aria-labelledby="fee">
        <h2 id="fee" className={heading}>{t('fee')}</h2>
        <FeeLines lines={publishedFee(d, locale)} />
        <p className="mb-4 font-bold">{t('feeNote')}</p>
        <FeePolicy when={tFee('when')} whenTitle={tFee('whenTitle')} refund={refundStatement(d, locale)} refundTitle={tFee('refusedTitle')} />
      </section>

      <section className={section} aria-labelledby="deadline">
        <h2 id="deadline" className={heading}>{t('deadline')}</h2>
        <p className="mb-2">{t('deadlineDays', { days: d.deadlineWorkingDays })}</p>
        <ServiceForecast code={service.code} legalDays={d.deadlineWorkingDays} holidays={holidays} locale={locale} />
      </section>

      <section className={section} aria-labelledby="steps">
        <h2 id="steps" className={heading}>{t('steps')}</h2>
        <ol className="list-decimal pl-6">
          {d.stages.map((stage) => (
            <li key={stage.key} className="mb-2">
              <span className="font-bold">{stage.name[locale]}</span>
              <br />
              {t('stepDays', { department: departmentName(stage.department), days: stage.deadlineWorkingDays })}
            </li>
          ))}
        </ol>
      </section>

      {d.issues ? (
        <section className={section} aria-labelledby="issues">
          <h2 id="issues" className={heading}>{t('issues')}</h2>
          <p>
            {d.issues[locale]}
            {d.validityMonths ? `. ${t('validity', { months: d.validityMonths })}` : null}
          </p>
        </section>
      ) : null}

      <section className={section} aria-labelledby="legal">
        <h2 id="legal" className={heading}>{t('legalBasis')}</h2>
        <p>{d.legalBasis[locale]}</p>
        <p className="mt-2"><Link href={`/services/${code}/changes`}>{tChanges('link')}</Link></p>
      </section>

      <form action={startApplication.bind(null, locale, service.code)}>
        {actor ? null : <p className="mb-3">{t('signInToStart')}</p>}
        {organisations.length ? (
          <Fieldset id="for" legend={t('applyFor')} errorPrefix="">
            <Radios name="for" value="" options={[{ value: '', label: t('forMyself') }, ...organisations.map((o) => ({ value: o.id, label: locale === 'km' ? o.nameKm : o.nameEn }))]} />
          </Fieldset>
        ) : null}
        <Button>{t('start')} →</Button>
      </form>

      <div className="mt-12">
        <ServicePerformance code={service.code} locale={locale} />
      </div>
    </>
  );
}
