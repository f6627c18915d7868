import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Hint } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { formatBytes } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import type { ServiceDefinition } from '@/lib/services/definition';

interface UploadedFile {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * One required document on the documents page: the files uploaded for it, each with its own
 * "Remove", and a form for the next file while it takes more (or one to replace the only one).
 */
export async function DocumentUpload({ locale, applicationId, requirement, files, error, removeAction }: {
  locale: Locale;
  applicationId: string;
  requirement: ServiceDefinition['documents'][number];
  files: UploadedFile[];
  error?: string;
  removeAction: (documentId: string) => () => Promise<void>;
}) {
  const [t, tErrors, tFile] = await Promise.all([getTranslations('documents'), getTranslations('errors'), getTranslations('fileInput')]);
  const label = requirement.label[locale];
  const several = requirement.maxFiles > 1;
  const full = several && files.length >= requirement.maxFiles;
  const inputId = `file-${requirement.key}`;
  const hint = [requirement.hint?.[locale], several ? t('several', { max: requirement.maxFiles }) : null].filter(Boolean).join(' ') || undefined;
  // With several files, each is told apart by its name; with one, by the document's.
  const nameOf = (file: UploadedFile) => (several ? file.fileName : label);

  return (
    <li className={`border-l-4 pl-4 ${error ? 'border-red-700' : 'border-slate-300'}`}>
      <h2 className="text-xl font-bold">
        {label}
        {!requirement.required ? <span className="font-normal"> ({t('optional')})</span> : null}
      </h2>
      <Hint id={inputId}>{hint}</Hint>
      {files.length === 0 ? <p className="mb-2">{t('notUploaded')}</p> : (
        <ul className="mb-2 flex flex-col gap-2">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-baseline gap-x-4">
              <span className="break-all">{t('uploaded', { name: file.fileName, size: formatBytes(file.sizeBytes, locale) })}</span>
              <a href={`/${locale}/applications/${applicationId}/documents/${file.id}`} target="_blank" rel="noopener">
                {t('open', { name: nameOf(file) })}
              </a>
              <form action={removeAction(file.id)}>
                <button type="submit" className="cursor-pointer text-red-700 underline">
                  {t('remove')}<span className="sr-only"> {nameOf(file)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage id={inputId} prefix={tErrors('errorPrefix')}>{error}</ErrorMessage>
      {full ? <p>{t('full', { max: requirement.maxFiles })}</p> : (
        <form
          method="post"
          encType="multipart/form-data"
          action={`/${locale}/applications/${applicationId}/documents/upload?document=${requirement.key}`}
          noValidate
          className="flex flex-col items-start gap-3"
        >
          <FileInput
            id={inputId}
            name="file"
            label={label}
            hint={hint}
            error={error}
            texts={{ choose: tFile('choose'), none: tFile('none'), chosen: tFile('chosen') }}
          />
          <Button variant="secondary">{files.length === 0 ? t('upload') : several ? t('uploadAnother') : t('replace')}</Button>
        </form>
      )}
    </li>
  );
}
