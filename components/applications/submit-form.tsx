'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ErrorMessage } from '@/components/ui/field';
import type { FormState } from '@/lib/forms/form-state';

export function SubmitForm({ action, version, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  version: number;
  labels: { title: string; declaration: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations();
  const error = state.fieldErrors?.declaration ? t(state.fieldErrors.declaration) : undefined;
  return (
    <form action={formAction}>
      <ErrorSummary title={t('errors.summaryTitle')} errors={error ? [{ href: 'declaration', message: error }] : []} />
      {state.formError ? <Alert tone="error">{t(state.formError.key)}</Alert> : null}
      {/* The version the applicant is looking at: answers changed in another tab refuse the submit. */}
      <input type="hidden" name="version" value={version} />
      <h2 className="mb-3 text-2xl font-bold">{labels.title}</h2>
      <div className={`mb-6 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
        <ErrorMessage id="declaration">{error}</ErrorMessage>
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
