import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { openDataLicence } from '@/lib/open-data/dataset';
import { openDatasets } from '@/lib/open-data/datasets';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('openData');

// The index of open data: each dataset's stable addresses (one whatever the language) and its
// field dictionary, read from the same descriptors the files are served from.
export default async function OpenDataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('openData');
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-4 max-w-2xl text-lg">{t('lead')}</p>
      <p className="mb-4 max-w-2xl">
        {t.rich('licence', {
          licence: () => <a href={openDataLicence.url}>{openDataLicence.name}</a>,
          attribution: () => openDataLicence.attribution,
        })}
      </p>
      <p className="mb-8"><Link href="/performance">{t('performanceLink')}</Link></p>
      {openDatasets.length === 0 ? <p>{t('empty')}</p> : null}
      {openDatasets.map((dataset) => {
        const title = dataset.title[locale];
        return (
          <section key={dataset.name} aria-labelledby={`dataset-${dataset.name}`} className="mb-12">
            <h2 id={`dataset-${dataset.name}`} className="mb-2 text-2xl font-bold">{title}</h2>
            <p className="mb-3 max-w-2xl">{dataset.description[locale]}</p>
            <ul className="mb-4 flex flex-col gap-1">
              <li><a href={`/api/open-data/${dataset.name}.csv`}>{t('csv', { title })}</a> <code className="text-sm">/api/open-data/{dataset.name}.csv</code></li>
              <li><a href={`/api/open-data/${dataset.name}.json`}>{t('json', { title })}</a> <code className="text-sm">/api/open-data/{dataset.name}.json</code></li>
            </ul>
            <Table
              caption={t('fields', { title })}
              rowKey={(f) => f.name}
              rows={[...dataset.fields]}
              columns={[
                { header: t('field'), cell: (f) => <code>{f.name}</code> },
                { header: t('type'), cell: (f) => t(`types.${f.type}`) },
                { header: t('meaning'), cell: (f) => f[locale] },
              ]}
            />
          </section>
        );
      })}
    </>
  );
}
