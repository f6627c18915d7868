'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { emptyFormState, type FormState } from '@/lib/forms/form-state';

export interface RegisterTexts {
  name: string;
  nameHint: string;
  identifier: string;
  identifierHint: string;
  password: string;
  passwordHint: string;
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
}

const fields = ['name', 'identifier', 'password'] as const;

export function RegisterForm({ action, texts }: { action: (state: FormState, data: FormData) => Promise<FormState>; texts: RegisterTexts }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const error = (name: string) => state.fieldErrors?.[name];
  const errors = fields.filter((f) => error(f)).map((f) => ({ href: f, message: error(f)! }));
  return (
    <form action={formAction} noValidate className="max-w-xl">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <ErrorSummary title={texts.summaryTitle} errors={errors} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <Field id="name" label={texts.name} hint={texts.nameHint} error={error('name')} errorPrefix={texts.errorPrefix}>
        <TextInput id="name" hint={texts.nameHint} error={error('name')} autoComplete="name" defaultValue={state.values?.name} />
      </Field>
      <Field id="identifier" label={texts.identifier} hint={texts.identifierHint} error={error('identifier')} errorPrefix={texts.errorPrefix}>
        <TextInput
          id="identifier"
          hint={texts.identifierHint}
          error={error('identifier')}
          autoComplete="username"
          spellCheck={false}
          defaultValue={state.values?.identifier}
        />
      </Field>
      <Field id="password" label={texts.password} hint={texts.passwordHint} error={error('password')} errorPrefix={texts.errorPrefix}>
        <TextInput id="password" type="password" hint={texts.passwordHint} error={error('password')} autoComplete="new-password" />
      </Field>
      <Button disabled={pending}>{texts.submit}</Button>
    </form>
  );
}
