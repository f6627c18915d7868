'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { emptyFormState, type FormState } from '@/lib/forms/form-state';

export interface SignInTexts {
  identifier: string;
  identifierHint: string;
  password: string;
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
}

export function SignInForm({ action, texts, next }: { action: (state: FormState, data: FormData) => Promise<FormState>; texts: SignInTexts; next?: string }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const errors = ['identifier', 'password'].filter((f) => state.fieldErrors?.[f]).map((f) => ({ href: f, message: state.fieldErrors![f]! }));
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={texts.summaryTitle} errors={errors} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="identifier" label={texts.identifier} hint={texts.identifierHint} error={state.fieldErrors?.identifier} errorPrefix={texts.errorPrefix}>
        <TextInput
          id="identifier"
          hint={texts.identifierHint}
          error={state.fieldErrors?.identifier}
          autoComplete="username"
          spellCheck={false}
          defaultValue={state.values?.identifier}
        />
      </Field>
      <Field id="password" label={texts.password} error={state.fieldErrors?.password} errorPrefix={texts.errorPrefix}>
        <TextInput id="password" type="password" error={state.fieldErrors?.password} autoComplete="current-password" />
      </Field>
      <Button disabled={pending}>{texts.submit}</Button>
    </form>
  );
}
