'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ErrorMessage, Hint } from '@/components/ui/field';
import { FileInput, type FileInputTexts } from '@/components/ui/file-input';
import type { FormState } from '@/lib/forms/form-state';

/** Uploads a definition file; a refused one is answered with each problem, where it is in the file. */
export function ImportDefinitionForm({ action, texts }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  texts: { title: string; hint: string; label: string; submit: string; summaryTitle: string; errorPrefix: string; file: FileInputTexts };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors?.file;
  return (
    <section aria-labelledby="import-title" className="mb-6 border-2 border-slate-300 p-4">
      <h2 id="import-title" className="mb-2 text-xl font-bold">{texts.title}</h2>
      <form action={formAction} noValidate className="flex flex-col items-start gap-3">
        <ErrorSummary title={texts.summaryTitle} errors={error ? [{ href: 'import-file', message: error }] : []} />
        {state.changes?.length ? (
          <ul className="mb-4 list-disc pl-6 text-red-800" aria-label={error}>
            {state.changes.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        ) : null}
        <Hint id="import-file">{texts.hint}</Hint>
        <ErrorMessage id="import-file" prefix={texts.errorPrefix}>{error}</ErrorMessage>
        <FileInput id="import-file" name="file" label={texts.label} hint={texts.hint} error={error} texts={texts.file} accept="application/json,.json" />
        <Button disabled={pending}>{texts.submit}</Button>
      </form>
    </section>
  );
}
