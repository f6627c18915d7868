import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ImportDefinitionForm } from '@/components/admin/import-definition-form';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { formatDateTime, formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import type { LocalizedText } from '@/lib/services/definition';
import { serviceForAdmin } from '@/lib/services/service-admin';
import { importDefinitionFile, retireServiceAction } from '../actions';

type Props = { params: Promise<{ locale: Locale; code: string }>; searchParams: Promise<{ published?: string; imported?: string; retired?: string }> };

async function load({ params }: Props) {
  const { locale, code } = await params;
  await requireArea(locale, 'admin.services', `/admin/services/${code}`);
  const service = await serviceForAdmin(code);
  if (!service) notFound();
  return { locale, service };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, service } = await load(props);
  return { title: service.name[locale] };
}

export default async function AdminServicePage(props: Props) {
  const { locale, service } = await load(props);
  setRequestLocale(locale);
  const { published, imported, retired } = await props.searchParams;
  const [t, tErrors, tFile, tDesigner] = await Promise.all([getTranslations('servicesAdmin'), getTranslations('errors'), getTranslations('fileInput'), getTranslations('designer')]);
  const name = service.name[locale];
  return (
    <>
      <Link href="/admin/services" className="mb-6 inline-block">← {t('title')}</Link>
      {published ? <Alert tone="success">{t('published', { version: Number(published) })}</Alert> : null}
      {imported ? <Alert tone="success">{t('imported', { service: name })}</Alert> : null}
      {retired ? <Alert tone="success">{t('wasRetired')}</Alert> : null}
      <h1 className="mb-6 text-3xl font-bold">{name}</h1>
      {service.retiredAt ? <p className="mb-6 font-bold">{t('retired', { date: formatDay(service.retiredAt, locale) })}</p> : null}
      <ul className="mb-6 flex flex-col gap-2">
        <li><Link href={`/admin/services/${service.code}/edit`} className="font-bold">{tDesigner('editLink')}</Link></li>
        {service.draft ? <li><Link href={`/admin/services/${service.code}/review`} className="font-bold">{t('review')}</Link></li> : null}
      </ul>
      <Table
        caption={t('versions')}
        rows={service.versions}
        rowKey={(v) => String(v.version)}
        columns={[
          { header: t('version'), cell: (v) => v.version, numeric: true },
          { header: t('publishedAt'), cell: (v) => (v.publishedAt ? formatDateTime(v.publishedAt, locale) : t('notPublished')) },
          { header: t('effectiveFrom'), cell: (v) => (v.publishedAt ? (v.effectiveFrom ? formatDay(v.effectiveFrom, locale) : t('atOnce')) : '—') },
          { header: t('instrumentColumn'), cell: (v) => (v.legalInstrument ? (v.legalInstrument as LocalizedText)[locale] : '—') },
          {
            header: t('export'),
            cell: (v) => (
              <a href={`/${locale}/admin/services/${service.code}/versions/${v.version}`} download={`${service.code}-v${v.version}.json`}>
                {t('export')}<span className="sr-only"> ({t('exportLabel', { version: v.version })})</span>
              </a>
            ),
          },
        ]}
      />
      <ImportDefinitionForm
        action={importDefinitionFile.bind(null, locale)}
        texts={{ title: t('importTitle'), hint: t('importHint'), label: t('importFile'), submit: t('importButton'), summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), file: { choose: tFile('choose'), none: tFile('none'), chosen: tFile('chosen') } }}
      />
      {service.retiredAt ? null : (
        <ActionForm
          id="retire"
          action={retireServiceAction.bind(null, locale, service.code)}
          title={t('retireTitle')}
          lead={t('retireHint')}
          fields={[{ kind: 'text', name: 'confirm', label: t('retireConfirm'), hint: service.code }]}
          submit={t('retireButton')}
          danger
          labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: '' }}
        />
      )}
    </>
  );
}
