import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ChangelogList } from '@/components/services/changelog-list';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { changelog } from '@/lib/services/changelog';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('changelog');

export default async function ChangesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, entries] = await Promise.all([getTranslations('changelog'), changelog()]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2">{t('intro')}</p>
      <p className="mb-6"><a href="/api/open-data/service-changes.json">{t('json')}</a></p>
      <ChangelogList entries={entries} locale={locale} withService />
    </>
  );
}
