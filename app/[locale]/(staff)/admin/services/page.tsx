import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ImportDefinitionForm } from '@/components/admin/import-definition-form';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { servicesForAdmin } from '@/lib/services/service-admin';
import { importDefinitionFile } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('servicesAdmin');

export default async function AdminServicesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.services', '/admin/services');
  const [t, tErrors, tFile, tDesigner, services] = await Promise.all([getTranslations('servicesAdmin'), getTranslations('errors'), getTranslations('fileInput'), getTranslations('designer'), servicesForAdmin()]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <p className="mb-6"><Link href="/admin/services/new" className="font-bold">{tDesigner('newTitle')}</Link></p>
      <Table
        caption={t('title')}
        rows={services}
        rowKey={(s) => s.code}
        columns={[
          { header: t('service'), cell: (s) => <Link href={`/admin/services/${s.code}`}>{s.name[locale]}</Link> },
          {
            header: t('live'),
            cell: (s) => (
              <>
                {s.live ? t('versionN', { version: s.live.version }) : t('none')}
                {s.scheduled ? <span className="block">{t('scheduled', { version: s.scheduled.version, date: formatDay(s.scheduled.effectiveFrom!, locale) })}</span> : null}
              </>
            ),
          },
          {
            header: t('draft'),
            cell: (s) => s.draft ? <Link href={`/admin/services/${s.code}/review`}>{t('review')}<span className="sr-only"> ({s.name[locale]}, {t('versionN', { version: s.draft.version })})</span></Link> : t('none'),
          },
          {
            header: t('state'),
            cell: (s) => s.retiredAt ? <StatusTag tone="red">{t('retired', { date: formatDay(s.retiredAt, locale) })}</StatusTag> : <StatusTag tone="green">{t('open')}</StatusTag>,
          },
        ]}
      />
      <ImportDefinitionForm
        action={importDefinitionFile.bind(null, locale)}
        texts={{ title: t('importTitle'), hint: t('importHint'), label: t('importFile'), submit: t('importButton'), summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), file: { choose: tFile('choose'), none: tFile('none'), chosen: tFile('chosen') } }}
      />
    </>
  );
}
