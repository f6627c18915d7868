import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/inputs';
import { Hint } from '@/components/ui/field';
import { ServiceList } from '@/components/services/service-card';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { listPublishedServices, matchesQuery } from '@/lib/services/queries';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ q?: string }> };

export const generateMetadata = pageTitle('catalogue');

export default async function CataloguePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = (await searchParams).q?.trim().slice(0, 100) ?? '';
  const [t, all] = await Promise.all([getTranslations('catalogue'), listPublishedServices()]);
  const services = query ? all.filter((s) => matchesQuery(s, query)) : all;
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t('lead')}</p>
      {/* A plain GET form: search works, and can be bookmarked, without JavaScript. */}
      <form role="search" method="get" className="mb-8 flex max-w-xl flex-col gap-2">
        <label htmlFor="q" className="text-lg font-bold">{t('search')}</label>
        <Hint id="q">{t('searchHint')}</Hint>
        <div className="flex gap-2">
          <TextInput id="q" type="text" hint={t('searchHint')} defaultValue={query} />
          <Button>{t('searchButton')}</Button>
        </div>
      </form>
      {query ? (
        <p role="status" className="mb-6">
          {t('results', { count: services.length, query })} <Link href="/services">{t('clear')}</Link>
        </p>
      ) : null}
      <ServiceList services={services} locale={locale} />
    </>
  );
}
