'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Fieldset } from '@/components/ui/field';
import { Radios, Select, TextArea, TextInput } from '@/components/ui/inputs';
import type { FormState } from '@/lib/forms/form-state';

export type ActionField =
  | { kind: 'text' | 'email' | 'password' | 'date' | 'textarea'; name: string; label: string; hint?: string; max?: string }
  | { kind: 'radios' | 'select'; name: string; label: string; hint?: string; options: { value: string; label: string }[] };

export interface ActionFormLabels {
  summaryTitle: string;
  errorPrefix: string;
  select: string;
  /** For forms that can be refused as stale: the heading of what changed, and the reload link. */
  changedSince?: string;
  reload?: string;
  /** For decisions confirmed in a second step: its heading, and the way back that changes nothing. */
  confirmTitle?: string;
  cancel?: string;
}

/**
 * A titled form built from a list of fields, posting to a server action: each workflow step on
 * the review page, and the applicant's smaller forms. `hidden` carries what the page showed
 * (the file's version, its last event) so that a stale decision is refused with what changed.
 * When the action answers `confirm`, the form shows what the step will do and posts it again,
 * with `confirmed`, only when the person says yes.
 */
export function ActionForm({ id, action, title, lead, fields, submit, danger, hidden = {}, initial = {}, reloadHref, labels }: {
  id: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
  title: string;
  lead?: string;
  fields: ActionField[];
  submit: string;
  danger?: boolean;
  hidden?: Record<string, string | number>;
  /** What the fields hold before the first post (a choice the link that led here made). */
  initial?: Record<string, string>;
  reloadHref?: string;
  labels: ActionFormLabels;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const fieldId = (name: string) => `${id}-${name}`;
  const value = (name: string) => (state.values ? state.values[name] : initial[name]);
  if (state.confirm) return <ConfirmStep id={id} title={title} confirm={state.confirm} action={formAction} pending={pending} danger={danger} hidden={hidden} fields={fields.map((f) => ({ ...f, value: value(f.name) ?? '' }))} reloadHref={reloadHref} labels={labels} />;
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

/**
 * The second step of a decision: what it will do, what the person wrote, and a button that takes
 * it. It takes focus when it appears (the `autofocus` attribute does it on a page rendered
 * without JavaScript, and scrolls to it); cancelling reloads the file and changes nothing.
 */
function ConfirmStep({ id, title, confirm, action, pending, danger, hidden, fields, reloadHref, labels }: {
  id: string;
  title: string;
  confirm: NonNullable<FormState['confirm']>;
  action: (data: FormData) => void;
  pending: boolean;
  danger?: boolean;
  hidden: Record<string, string | number>;
  fields: (ActionField & { value: string })[];
  reloadHref?: string;
  labels: ActionFormLabels;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [confirm]);
  const written = fields.filter((f) => f.value);
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6 border-4 border-slate-800 p-4">
      <h3 id={`${id}-title`} className="mb-2 text-xl font-bold">{title}</h3>
      <div ref={ref} tabIndex={-1} autoFocus aria-labelledby={`${id}-confirm-title`} className="focus:outline-none focus-visible:ring-4 focus-visible:ring-focus">
        <h4 id={`${id}-confirm-title`} className="mb-2 text-lg font-bold">{labels.confirmTitle}</h4>
        {confirm.lines.map((line) => <p key={line} className="mb-2">{line}</p>)}
      </div>
      {written.length ? (
        <dl className="mb-4">
          {written.map((f) => (
            <div key={f.name}>
              <dt className="font-bold">{f.label}</dt>
              <dd className="whitespace-pre-line">{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <form action={action} className="flex flex-wrap items-center gap-4">
        {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {written.map((f) => <input key={f.name} type="hidden" name={f.name} value={f.value} />)}
        <input type="hidden" name="confirmed" value="yes" />
        <Button disabled={pending} variant={danger ? 'warning' : 'primary'}>{confirm.submit}</Button>
        {reloadHref ? <a href={reloadHref} className="font-bold underline">{labels.cancel}</a> : null}
      </form>
    </section>
  );
}
