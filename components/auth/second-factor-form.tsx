'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import type { FormState } from '@/lib/forms/form-state';


export interface SecondFactorTexts {
  code: string;
  codeHint: string;
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
}

export function SecondFactorForm({ action, texts }: { action: (state: FormState, data: FormData) => Promise<FormState>; texts: SecondFactorTexts }) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors?.code;
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={texts.summaryTitle} errors={error ? [{ href: 'code', message: error }] : []} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <Field id="code" label={texts.code} hint={texts.codeHint} error={error} errorPrefix={texts.errorPrefix}>
        <TextInput id="code" hint={texts.codeHint} error={error} autoComplete="one-time-code" spellCheck={false} className="max-w-xs" />
      </Field>
      <Button disabled={pending}>{texts.submit}</Button>
    </form>
  );
}
