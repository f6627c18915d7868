import { DraftMovedNotice } from '@/components/applications/draft-moved-notice';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { DocumentUpload } from '@/components/applications/document-upload';
import { openApplication } from '@/lib/applications/find-application';
import { stepPosition } from '@/lib/applications/steps';
import { requireActor } from '@/lib/auth/guards';
import { maxDocumentBytes } from '@/lib/documents/upload-document';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { requiredDocuments } from '@/lib/services/answers';
import { removeDocumentAction } from './actions';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ error?: string; document?: string; uploaded?: string; removed?: string; changedSince?: string }>;
};

export const generateMetadata = pageTitle('documents');

const uploadErrors = new Set(['missing', 'tooLarge', 'wrongType', 'unknownDocument', 'tooMany']);

export default async function DocumentsPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/applications/${id}/documents`);
  const application = await openApplication(actor, id, 'application.edit');
  if (!application) notFound();
  const query = await searchParams;
  const [t, tApp, tErrors] = await Promise.all([getTranslations('documents'), getTranslations('application'), getTranslations('errors')]);
  const sizeMb = maxDocumentBytes / 1024 / 1024;
  const documents = requiredDocuments(application.definition, application.answers);
  const labelOf = (key?: string) => documents.find((d) => d.key === key)?.label[locale] ?? '';
  const maxOf = (key?: string) => documents.find((d) => d.key === key)?.maxFiles ?? 1;
  const error = query.error && uploadErrors.has(query.error)
    ? tErrors(`document.${query.error}` as 'document.missing', { size: sizeMb, max: maxOf(query.document) })
    : undefined;
  const lastPage = application.definition.pages.at(-1)!.key;

  return (
    <>
      <Link href={`/applications/${id}/questions/${lastPage}`} className="mb-6 inline-block">← {tApp('back')}</Link>
      {error ? <ErrorSummary title={tErrors('summaryTitle')} errors={[{ href: `file-${query.document}`, message: error }]} /> : null}
      {query.uploaded ? <Alert tone="success">{t('uploadedAlert', { document: labelOf(query.uploaded) })}</Alert> : null}
      {query.removed ? <Alert tone="success">{t('removedAlert', { document: labelOf(query.removed) })}</Alert> : null}
      <p className="text-slate-600">
        {application.definition.name[locale]} · {tApp('stepOf', stepPosition(application.definition, application.answers, 'documents'))}
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <DraftMovedNotice serviceId={application.serviceId} changedSince={query.changedSince} locale={locale} />
      <p className="mb-8">{t('lead', { size: sizeMb })}</p>
      <ul className="mb-8 flex flex-col gap-6">
        {documents.map((doc) => (
          <DocumentUpload
            key={doc.key}
            locale={locale}
            applicationId={id}
            requirement={doc}
            files={application.documents.filter((d) => d.requirementKey === doc.key)}
            error={query.document === doc.key ? error : undefined}
            removeAction={(documentId) => removeDocumentAction.bind(null, locale, id, documentId)}
          />
        ))}
      </ul>
      <ButtonLink href={`/applications/${id}/check`}>{t('continue')}</ButtonLink>
    </>
  );
}
