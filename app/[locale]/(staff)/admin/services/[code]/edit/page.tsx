import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DesignerPage } from '@/components/admin/service-designer/designer-page';
import { Alert } from '@/components/ui/alert';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { draftFor } from '@/lib/services/designer';
import { toDesignerValues } from '@/lib/services/designer-form';

type Props = { params: Promise<{ locale: Locale; code: string }>; searchParams: Promise<{ saved?: string }> };

async function load({ params }: Props) {
  const { locale, code } = await params;
  await requireArea(locale, 'admin.services', `/admin/services/${code}/edit`);
  const draft = await draftFor(code);
  if (!draft) notFound();
  return { locale, draft };
}

export async function generateMetadata(props: Props) {
  const { locale, draft } = await load(props);
  return { title: (await getTranslations({ locale, namespace: 'designer' }))('editTitle', { name: draft.definition.name[locale] }) };
}

export default async function EditServicePage(props: Props) {
  const { locale, draft } = await load(props);
  setRequestLocale(locale);
  const { saved } = await props.searchParams;
  const t = await getTranslations('designer');
  return (
    <>
      {saved ? <Alert tone="success">{t('saved')}</Alert> : null}
      <h1 className="mb-4 text-3xl font-bold">{t('editTitle', { name: draft.definition.name[locale] })}</h1>
      <p className="mb-4">{draft.isDraft ? t('openDraft') : t('copyOfLive')}</p>
      {draft.isDraft ? <p className="mb-6"><Link href={`/admin/services/${draft.code}/preview`} className="font-bold">{t('preview')}</Link></p> : null}
      <DesignerPage locale={locale} initial={toDesignerValues(draft.definition)} editing={draft.code} />
    </>
  );
}
