import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ChangelogList } from '@/components/services/changelog-list';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { changelog } from '@/lib/services/changelog';

type Props = { params: Promise<{ locale: Locale; code: string }> };

async function load({ params }: Props) {
  const { locale, code } = await params;
  const entries = await changelog(code);
  if (!entries.length) notFound();
  return { locale, code, entries, name: entries[0]!.name[locale] };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, name } = await load(props);
  const t = await getTranslations({ locale, namespace: 'changelog' });
  return { title: t('serviceTitle', { service: name }) };
}

export default async function ServiceChangesPage(props: Props) {
  const { locale, code, entries, name } = await load(props);
  setRequestLocale(locale);
  const t = await getTranslations('changelog');
  return (
    <>
      <Link href={`/services/${code}`} className="mb-6 inline-block">← {name}</Link>
      <h1 className="mb-2 text-3xl font-bold">{t('serviceTitle', { service: name })}</h1>
      <p className="mb-6"><Link href="/changes">{t('title')}</Link> · <a href="/api/open-data/service-changes.json">{t('json')}</a></p>
      <ChangelogList entries={entries} locale={locale} withService={false} />
    </>
  );
}
