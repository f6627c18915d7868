'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { emptyFormState, type FormState } from '@/lib/forms/form-state';

export interface AccountFormField {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  autoComplete?: string;
  /** Digits only (a code): the phone shows its number pad. */
  numeric?: boolean;
  defaultValue?: string;
}

/**
 * A short form of text fields posting to a server action, with the error summary pattern: the
 * password reset pages and the account's contact details. `idPrefix` keeps ids unique when a
 * page has several (each field keeps its own name for the action).
 */
export function AccountForm({ action, fields, submit, summaryTitle, errorPrefix, idPrefix = '', secondary = false }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: AccountFormField[];
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
  idPrefix?: string;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const error = (name: string) => state.fieldErrors?.[name];
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={summaryTitle} errors={fields.filter((f) => error(f.name)).map((f) => ({ href: id(f.name), message: error(f.name)! }))} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {fields.map((f) => (
        <Field key={f.name} id={id(f.name)} label={f.label} hint={f.hint} error={error(f.name)} errorPrefix={errorPrefix}>
          <TextInput
            id={id(f.name)}
            name={f.name}
            type={f.type}
            hint={f.hint}
            error={error(f.name)}
            autoComplete={f.autoComplete}
            inputMode={f.numeric ? 'numeric' : undefined}
            spellCheck={false}
            // Passwords are never sent back, so never refilled.
            defaultValue={f.type === 'password' ? undefined : (state.values?.[f.name] ?? f.defaultValue)}
          />
        </Field>
      ))}
      <Button disabled={pending} variant={secondary ? 'secondary' : 'primary'}>{submit}</Button>
    </form>
  );
}
