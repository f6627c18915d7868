'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Fieldset } from '@/components/ui/field';
import { Radios, Select, TextArea, TextInput } from '@/components/ui/inputs';
import type { FormState } from '@/lib/forms/form-state';

export type ActionField =
  | { kind: 'text' | 'date' | 'textarea'; name: string; label: string; hint?: string; max?: string }
  | { kind: 'radios' | 'select'; name: string; label: string; hint?: string; options: { value: string; label: string }[] };

export interface ActionFormLabels {
  summaryTitle: string;
  errorPrefix: string;
  select: string;
  /** For forms that can be refused as stale: the heading of what changed, and the reload link. */
  changedSince?: string;
  reload?: string;
}

/**
 * A titled form built from a list of fields, posting to a server action: each workflow step on
 * the review page, and the applicant's smaller forms. `hidden` carries what the page showed
 * (the file's version, its last event) so that a stale decision is refused with what changed.
 */
export function ActionForm({ id, action, title, lead, fields, submit, danger, hidden = {}, reloadHref, labels }: {
  id: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  title: string;
  lead?: string;
  fields: ActionField[];
  submit: string;
  danger?: boolean;
  hidden?: Record<string, string | number>;
  reloadHref?: string;
  labels: ActionFormLabels;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const fieldId = (name: string) => `${id}-${name}`;
  const value = (name: string) => state.values?.[name];
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6 border-2 border-slate-300 p-4">
      <h3 id={`${id}-title`} className="mb-2 text-xl font-bold">{title}</h3>
      {lead ? <p className="mb-3">{lead}</p> : null}
      <form action={formAction} noValidate>
        <ErrorSummary title={labels.summaryTitle} errors={fields.filter((f) => errors[f.name]).map((f) => ({ href: fieldId(f.name), message: errors[f.name]! }))} />
        {state.formError ? (
          <Alert tone="error">
            <p>{state.formError}</p>
            {state.changes?.length ? (
              <>
                <p className="mt-2 font-bold">{labels.changedSince}</p>
                <ul className="list-disc pl-6">
                  {state.changes.map((line) => <li key={line}>{line}</li>)}
                </ul>
                {reloadHref ? <p className="mt-2"><a href={reloadHref} className="font-bold underline">{labels.reload}</a></p> : null}
              </>
            ) : null}
          </Alert>
        ) : null}
        {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {fields.map((f) => {
          const common = { id: fieldId(f.name), name: f.name, hint: f.hint, error: errors[f.name] };
          switch (f.kind) {
            case 'radios':
              return (
                <Fieldset key={f.name} id={fieldId(f.name)} legend={f.label} hint={f.hint} error={errors[f.name]} errorPrefix={labels.errorPrefix}>
                  <Radios name={f.name} options={f.options} value={value(f.name)} />
                </Fieldset>
              );
            case 'select':
              return (
                <Field key={f.name} id={fieldId(f.name)} label={f.label} hint={f.hint} error={errors[f.name]} errorPrefix={labels.errorPrefix}>
                  <Select {...common} options={f.options} placeholder={labels.select} defaultValue={value(f.name) ?? ''} />
                </Field>
              );
            case 'textarea':
              return (
                <Field key={f.name} id={fieldId(f.name)} label={f.label} hint={f.hint} error={errors[f.name]} errorPrefix={labels.errorPrefix}>
                  <TextArea {...common} defaultValue={value(f.name)} />
                </Field>
              );
            default:
              return (
                <Field key={f.name} id={fieldId(f.name)} label={f.label} hint={f.hint} error={errors[f.name]} errorPrefix={labels.errorPrefix}>
                  <TextInput {...common} type={f.kind} max={f.max} defaultValue={value(f.name)} />
                </Field>
              );
          }
        })}
        {/* Disabled while sending: a double click sends one request (and a second decision would be stale). */}
        <Button disabled={pending} variant={danger ? 'warning' : 'primary'}>{submit}</Button>
      </form>
    </section>
  );
}
