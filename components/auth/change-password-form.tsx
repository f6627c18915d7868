'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { emptyFormState, type FormState } from '@/lib/forms/form-state';

export interface ChangePasswordTexts {
  currentPassword: string;
  newPassword: string;
  newPasswordHint: string;
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
}

const fields = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm({ action, texts }: { action: (state: FormState, data: FormData) => Promise<FormState>; texts: ChangePasswordTexts }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const error = (name: string) => state.fieldErrors?.[name];
  const errors = fields.filter((f) => error(f)).map((f) => ({ href: f, message: error(f)! }));
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={texts.summaryTitle} errors={errors} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <Field id="currentPassword" label={texts.currentPassword} error={error('currentPassword')} errorPrefix={texts.errorPrefix}>
        <TextInput id="currentPassword" type="password" error={error('currentPassword')} autoComplete="current-password" />
      </Field>
      <Field id="newPassword" label={texts.newPassword} hint={texts.newPasswordHint} error={error('newPassword')} errorPrefix={texts.errorPrefix}>
        <TextInput id="newPassword" type="password" hint={texts.newPasswordHint} error={error('newPassword')} autoComplete="new-password" />
      </Field>
      <Button disabled={pending}>{texts.submit}</Button>
    </form>
  );
}
