import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ErrorMessage, Hint } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { openApplication } from '@/lib/applications/find-application';
import { stepPosition } from '@/lib/applications/steps';
import { requireActor } from '@/lib/auth/guards';
import { maxDocumentBytes } from '@/lib/documents/upload-document';
import { formatBytes } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { requiredDocuments } from '@/lib/services/answers';
import { removeDocumentAction } from './actions';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ error?: string; document?: string; uploaded?: string; removed?: string }>;
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
  const [t, tApp, tErrors, tFile] = await Promise.all([
    getTranslations('documents'),
    getTranslations('application'),
    getTranslations('errors'),
    getTranslations('fileInput'),
  ]);
  const sizeMb = maxDocumentBytes / 1024 / 1024;
  const documents = requiredDocuments(application.definition, application.answers);
  const labelOf = (key?: string) => documents.find((d) => d.key === key)?.label[locale] ?? '';
  const maxOf = (key?: string) => documents.find((d) => d.key === key)?.maxFiles ?? 1;
  const error = query.error && uploadErrors.has(query.error)
    ? tErrors(`document.${query.error}` as 'document.missing', { size: sizeMb, max: maxOf(query.document) })
    : undefined;
  const fileTexts = { choose: tFile('choose'), none: tFile('none'), chosen: tFile('chosen') };
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
      <p className="mb-8">{t('lead', { size: sizeMb })}</p>
      <ul className="mb-8 flex flex-col gap-6">
        {documents.map((doc) => {
          const uploaded = application.documents.filter((d) => d.requirementKey === doc.key);
          const several = doc.maxFiles > 1;
          const full = several && uploaded.length >= doc.maxFiles;
          const inputId = `file-${doc.key}`;
          const hasError = error && query.document === doc.key;
          const hint = [doc.hint?.[locale], several ? t('several', { max: doc.maxFiles }) : null].filter(Boolean).join(' ') || undefined;
          return (
            <li key={doc.key} className={`border-l-4 pl-4 ${hasError ? 'border-red-700' : 'border-slate-300'}`}>
              <h2 className="text-xl font-bold">
                {doc.label[locale]}
                {!doc.required ? <span className="font-normal"> ({t('optional')})</span> : null}
              </h2>
              <Hint id={inputId}>{hint}</Hint>
              {uploaded.length === 0 ? <p className="mb-2">{t('notUploaded')}</p> : (
                <ul className="mb-2 flex flex-col gap-2">
                  {uploaded.map((file) => (
                    <li key={file.id} className="flex flex-wrap items-baseline gap-x-4">
                      <span className="break-all">{t('uploaded', { name: file.fileName, size: formatBytes(file.sizeBytes, locale) })}</span>
                      <a href={`/${locale}/applications/${id}/documents/${file.id}`} target="_blank" rel="noopener">
                        {t('open', { name: several ? file.fileName : doc.label[locale] })}
                      </a>
                      <form action={removeDocumentAction.bind(null, locale, id, file.id)}>
                        <button type="submit" className="cursor-pointer text-red-700 underline">
                          {t('remove')}<span className="sr-only"> {several ? file.fileName : doc.label[locale]}</span>
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              )}
              {hasError ? <ErrorMessage id={inputId} prefix={tErrors('errorPrefix')}>{error}</ErrorMessage> : null}
              {full ? <p>{t('full', { max: doc.maxFiles })}</p> : (
                <form
                  method="post"
                  encType="multipart/form-data"
                  action={`/${locale}/applications/${id}/documents/upload?document=${doc.key}`}
                  noValidate
                  className="flex flex-col items-start gap-3"
                >
                  <FileInput id={inputId} name="file" label={doc.label[locale]} hint={hint} error={hasError ? error : undefined} texts={fileTexts} />
                  <Button variant="secondary">{uploaded.length === 0 ? t('upload') : several ? t('uploadAnother') : t('replace')}</Button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <ButtonLink href={`/applications/${id}/check`}>{t('continue')}</ButtonLink>
    </>
  );
}
