'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { Alert } from '@/components/ui/alert';
import { emptyFormState, type FormState } from '@/lib/forms/form-state';

interface Labels {
  identifier: string;
  identifierHint: string;
  password: string;
  submit: string;
}

export function SignInForm({ action, labels, next }: { action: (state: FormState, data: FormData) => Promise<FormState>; labels: Labels; next?: string }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const t = useTranslations();
  const fieldError = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const errors = ['identifier', 'password'].filter((f) => state.fieldErrors?.[f]).map((f) => ({ href: f, message: fieldError(f)! }));
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={t('errors.summaryTitle')} errors={errors} />
      {state.formError ? <Alert tone="error">{t(state.formError.key, state.formError.values)}</Alert> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="identifier" label={labels.identifier} hint={labels.identifierHint} error={fieldError('identifier')}>
        <TextInput
          id="identifier"
          hint={labels.identifierHint}
          error={fieldError('identifier')}
          autoComplete="username"
          spellCheck={false}
          defaultValue={state.values?.identifier}
        />
      </Field>
      <Field id="password" label={labels.password} error={fieldError('password')}>
        <TextInput id="password" type="password" error={fieldError('password')} autoComplete="current-password" />
      </Field>
      <Button disabled={pending} aria-disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
