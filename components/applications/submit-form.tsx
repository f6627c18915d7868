'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ErrorMessage } from '@/components/ui/field';
import type { FormState } from '@/lib/forms/form-state';

export function SubmitForm({ action, version, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  version: number;
  labels: { title: string; declaration: string; submit: string; summaryTitle: string; errorPrefix: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors?.declaration;
  return (
    <form action={formAction}>
      <ErrorSummary title={labels.summaryTitle} errors={error ? [{ href: 'declaration', message: error }] : []} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {/* The version the applicant is looking at: answers changed in another tab refuse the submit. */}
      <input type="hidden" name="version" value={version} />
      <h2 className="mb-3 text-2xl font-bold">{labels.title}</h2>
      <div className={`mb-6 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        <ErrorMessage id="declaration" prefix={labels.errorPrefix}>{error}</ErrorMessage>
        <div className="flex items-start gap-3">
          <input id="declaration" name="declaration" type="checkbox" value="yes" aria-describedby={error ? 'declaration-error' : undefined} className="mt-1 size-7 shrink-0 accent-brand-700" />
          <label htmlFor="declaration">{labels.declaration}</label>
        </div>
      </div>
      {/* Disabled while sending: a double click sends one request (and the server files once anyway). */}
      <Button disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
