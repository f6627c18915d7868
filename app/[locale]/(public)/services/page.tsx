import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/inputs';
import { Hint } from '@/components/ui/field';
import { ServiceList } from '@/components/services/service-card';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { applicantKinds, catalogueSearch, listPublishedServices, searchCatalogue } from '@/lib/services/queries';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = pageTitle('catalogue');

export default async function CataloguePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const search = catalogueSearch(await searchParams);
  const [t, tSearch, all] = await Promise.all([getTranslations('catalogue'), getTranslations('catalogueSearch'), listPublishedServices()]);
  const services = searchCatalogue(all, search);
  const searching = Boolean(search.query || search.department || search.applicant);
  const departments = [...new Map(all.map((s) => [s.department.code, locale === 'km' ? s.department.nameKm : s.department.nameEn])).entries()];
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t('lead')}</p>
      {/* A plain GET form: search and filters work, and can be bookmarked, without JavaScript. */}
      <form role="search" method="get" className="mb-8 flex max-w-xl flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-lg font-bold">{t('search')}</label>
          <Hint id="q">{t('searchHint')}</Hint>
          <TextInput id="q" type="text" hint={t('searchHint')} defaultValue={search.query} />
        </div>
        <div className="flex flex-col gap-4 sm:flex-row">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor="department" className="font-bold">{tSearch('department')}</label>
            <Select
              id="department"
              defaultValue={search.department}
              placeholder={tSearch('allDepartments')}
              options={departments.map(([code, name]) => ({ value: code, label: name }))}
            />
          </div>
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor="applicant" className="font-bold">{tSearch('applicant')}</label>
            <Select
              id="applicant"
              defaultValue={search.applicant ?? ''}
              placeholder={tSearch('anyApplicant')}
              options={applicantKinds.map((kind) => ({ value: kind, label: tSearch(kind) }))}
            />
          </div>
        </div>
        <div>
          <Button>{t('searchButton')}</Button>
        </div>
      </form>
      {searching ? (
        <div role="status" className="mb-6">
          <p>
            {tSearch('results', { count: services.length })} <Link href="/services">{t('clear')}</Link>
          </p>
          {services.length === 0 ? <p className="mt-2">{tSearch('noneHelp')}</p> : null}
        </div>
      ) : null}
      <ServiceList services={services} locale={locale} />
    </>
  );
}
