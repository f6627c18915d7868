'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Fieldset } from '@/components/ui/field';
import { Checkboxes, Radios, TextArea, TextInput } from '@/components/ui/inputs';
import type { ApiClientFormState } from '@/lib/api/manage-clients-actions';
import { IssuedSecret, type IssuedSecretLabels } from './issued-secret';

type Text = { label: string; hint?: string };

export interface RegisterClientLabels {
  formTitle: string;
  name: Text;
  /** The administration's choice of owner; a company's form has none (the company owns it). */
  owner?: Text & { institution: string; company: string; institutionEn: Text; institutionKm: Text; registrationNumber: Text };
  scopes: Text & { options: { value: string; label: string }[] };
  allowedIps: Text;
  requestsPerMinute: Text;
  submit: string;
  openClient: string;
  summaryTitle: string;
  errorPrefix: string;
  issued: IssuedSecretLabels;
}

// The order of the error summary: the order of the form.
const fieldOrder = ['name', 'owner', 'institutionEn', 'institutionKm', 'registrationNumber', 'scopes', 'allowedIps', 'requestsPerMinute'];

/**
 * Registers an API client, with or without JavaScript: the form posts to the server action, and
 * its answer is either the form again with what to fix, or the secret, shown once. `formToken`
 * is made for this rendering of the form: posting it twice registers one client.
 */
export function RegisterClientForm({ action, formToken, labels, usualPerMinute }: {
  action: (state: ApiClientFormState, data: FormData) => Promise<ApiClientFormState>;
  formToken: string;
  labels: RegisterClientLabels;
  usualPerMinute: number;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.issued) return <IssuedSecret issued={state.issued} labels={labels.issued} />;
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name];
  const text = (name: string, t: Text, props: { autoComplete?: string; type?: 'text' | 'number'; defaultValue?: string } = {}) => (
    <Field id={name} label={t.label} hint={t.hint} error={errors[name]} errorPrefix={labels.errorPrefix}>
      <TextInput id={name} hint={t.hint} error={errors[name]} autoComplete="off" {...props} defaultValue={value(name) ?? props.defaultValue} />
    </Field>
  );
  const owner = labels.owner;
  return (
    <section aria-labelledby="register-title" className="mb-6">
      <h2 id="register-title" className="sr-only">{labels.formTitle}</h2>
      <form action={formAction} noValidate>
        <ErrorSummary title={labels.summaryTitle} errors={fieldOrder.filter((f) => errors[f]).map((f) => ({ href: f, message: errors[f]! }))} />
        {state.formError ? (
          <Alert tone="error">
            <p>{state.formError}</p>
            {state.existingClientPath ? <p className="mt-2"><a href={state.existingClientPath} className="font-bold">{labels.openClient}</a></p> : null}
          </Alert>
        ) : null}
        <input type="hidden" name="formToken" value={formToken} />
        {text('name', labels.name)}
        {owner ? (
          <Fieldset id="owner" legend={owner.label} hint={owner.hint} error={errors.owner} errorPrefix={labels.errorPrefix}>
            <Radios name="owner" value={value('owner')} options={[{ value: 'institution', label: owner.institution }]} />
            <div className="mb-2 ml-4 mt-2 border-l-4 border-slate-300 pl-4">
              {text('institutionEn', owner.institutionEn)}
              {text('institutionKm', owner.institutionKm)}
            </div>
            <Radios name="owner" value={value('owner')} options={[{ value: 'company', label: owner.company }]} />
            <div className="ml-4 mt-2 border-l-4 border-slate-300 pl-4">
              {text('registrationNumber', owner.registrationNumber)}
            </div>
          </Fieldset>
        ) : null}
        <Fieldset id="scopes" legend={labels.scopes.label} hint={labels.scopes.hint} error={errors.scopes} errorPrefix={labels.errorPrefix}>
          <Checkboxes name="scopes" options={labels.scopes.options} values={value('scopes')?.split(' ') ?? []} />
        </Fieldset>
        <Field id="allowedIps" label={labels.allowedIps.label} hint={labels.allowedIps.hint} error={errors.allowedIps} errorPrefix={labels.errorPrefix}>
          <TextArea id="allowedIps" hint={labels.allowedIps.hint} error={errors.allowedIps} defaultValue={value('allowedIps')} spellCheck={false} className="font-mono" />
        </Field>
        <div className="max-w-xs">
          {text('requestsPerMinute', labels.requestsPerMinute, { type: 'number', defaultValue: String(usualPerMinute) })}
        </div>
        {/* Disabled while sending: a double click sends one request (and the token stops a second anyway). */}
        <Button disabled={pending}>{labels.submit}</Button>
      </form>
    </section>
  );
}
