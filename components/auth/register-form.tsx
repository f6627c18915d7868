'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { emptyFormState, type FormState } from '@/lib/forms/form-state';

interface Labels {
  name: string;
  nameHint: string;
  identifier: string;
  identifierHint: string;
  password: string;
  passwordHint: string;
  submit: string;
}

const fields = ['name', 'identifier', 'password'] as const;

export function RegisterForm({ action, labels }: { action: (state: FormState, data: FormData) => Promise<FormState>; labels: Labels }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const t = useTranslations();
  const fieldError = (name: string) => (state.fieldErrors?.[name] ? t(state.fieldErrors[name]) : undefined);
  const errors = fields.filter((f) => state.fieldErrors?.[f]).map((f) => ({ href: f, message: fieldError(f)! }));
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={t('errors.summaryTitle')} errors={errors} />
      <Field id="name" label={labels.name} hint={labels.nameHint} error={fieldError('name')}>
        <TextInput id="name" hint={labels.nameHint} error={fieldError('name')} autoComplete="name" defaultValue={state.values?.name} />
      </Field>
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
      <Field id="password" label={labels.password} hint={labels.passwordHint} error={fieldError('password')}>
        <TextInput id="password" type="password" hint={labels.passwordHint} error={fieldError('password')} autoComplete="new-password" />
      </Field>
      <Button disabled={pending} aria-disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
