import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { QuestionForm } from '@/components/applications/question-form';
import { questionFormProps } from '@/components/applications/question-form-props';
import { DocumentList } from '@/components/services/document-list';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { draftFor } from '@/lib/services/designer';
import { tryPreviewPage } from './actions';

type Props = { params: Promise<{ locale: Locale; code: string }> };

async function load({ params }: Props) {
  const { locale, code } = await params;
  await requireArea(locale, 'admin.services', `/admin/services/${code}/preview`);
  const draft = await draftFor(code);
  if (!draft) notFound();
  return { locale, draft };
}

export async function generateMetadata(props: Props) {
  const { locale, draft } = await load(props);
  return { title: (await getTranslations({ locale, namespace: 'designer' }))('previewTitle', { name: draft.definition.name[locale] }) };
}

// The draft's pages with the components an applicant gets, so what is previewed is what is filed.
export default async function PreviewServicePage(props: Props) {
  const { locale, draft } = await load(props);
  setRequestLocale(locale);
  const t = await getTranslations('designer');
  const definition = draft.definition;
  const pages = await Promise.all(definition.pages.map(async (page) => ({ page, ...(await questionFormProps(page, locale)) })));
  return (
    <>
      <Link href={`/admin/services/${draft.code}/edit`} className="mb-6 inline-block">← {t('editLink')}</Link>
      <h1 className="mb-4 text-3xl font-bold">{t('previewTitle', { name: definition.name[locale] })}</h1>
      <p className="mb-8">{t('previewLead')}</p>
      {pages.map(({ page, fields, provinces, texts }) => (
        <section key={page.key} aria-labelledby={`preview-${page.key}`} className="mb-10 border-l-4 border-slate-300 pl-4">
          <h2 id={`preview-${page.key}`} className="mb-6 text-2xl font-bold">{page.title[locale]}</h2>
          <QuestionForm action={tryPreviewPage.bind(null, locale, draft.code, page.key)} page={page} fields={fields} saved={{}} provinces={provinces} texts={texts} />
        </section>
      ))}
      <section aria-labelledby="preview-documents" className="mb-10">
        <h2 id="preview-documents" className="mb-4 text-2xl font-bold">{t('previewDocuments')}</h2>
        <DocumentList documents={definition.documents} locale={locale} />
      </section>
    </>
  );
}
