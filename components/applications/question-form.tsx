'use client';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Fieldset } from '@/components/ui/field';
import { Checkboxes, Radios, Select, TextInput, type Option } from '@/components/ui/inputs';

/** A question as the browser needs it: already in the page's language. */
export interface ClientField {
  key: string;
  type: string;
  label: string;
  /** The label as it reads inside an error message ("Enter licence number"). */
  sentenceLabel: string;
  hint?: string;
  required: boolean;
  options?: Option[];
  min?: number;
  max?: number;
  showIf?: { field: string; equals: string | string[] };
}

export interface QuestionFormState {
  fieldErrors?: Record<string, string>;
  values?: Record<string, unknown>;
}

interface Labels {
  saveAndContinue: string;
  saveAndComeBack: string;
  optional: string;
  select: string;
  province: string;
  district: string;
  line: string;
}

type Values = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function shown(field: ClientField, values: Values): boolean {
  if (!field.showIf) return true;
  const wanted = Array.isArray(field.showIf.equals) ? field.showIf.equals : [field.showIf.equals];
  return wanted.includes(str(values[field.showIf.field]));
}

/** The id an error summary link jumps to: the first control of the question. */
function targetId(field: ClientField): string {
  if (field.type === 'radios' || field.type === 'checkboxes') return `${field.key}-${field.options?.[0]?.value}`;
  if (field.type === 'address') return `${field.key}.province`;
  return field.key;
}

export function QuestionForm(props: {
  action: (state: QuestionFormState, data: FormData) => Promise<QuestionFormState>;
  fields: ClientField[];
  saved: Values;
  provinces: Option[];
  labels: Labels;
  returnTo?: string;
}) {
  const { fields, labels, provinces } = props;
  const [state, formAction, pending] = useActionState(props.action, {});
  const values = state.values ?? props.saved;
  // Follows the answers that reveal other questions, so they appear as soon as they apply.
  const [live, setLive] = useState<Values>(values);
  const t = useTranslations();

  const message = (field: ClientField) => {
    const key = state.fieldErrors?.[field.key];
    return key ? t(key, { label: field.sentenceLabel, min: field.min ?? '', max: field.max ?? '' }) : undefined;
  };
  const errors = fields.filter((f) => state.fieldErrors?.[f.key]).map((f) => ({ href: targetId(f), message: message(f)! }));

  return (
    <form
      action={formAction}
      noValidate
      className="max-w-xl"
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
        if (fields.some((f) => f.showIf?.field === target.name)) setLive((v) => ({ ...v, [target.name]: target.value }));
      }}
    >
      <ErrorSummary title={t('errors.summaryTitle')} errors={errors} />
      {props.returnTo ? <input type="hidden" name="return" value={props.returnTo} /> : null}
      {fields.map((field) => {
        if (!shown(field, live)) return null;
        const error = message(field);
        const value = values[field.key];
        const label = field.required ? field.label : <>{field.label} <span className="font-normal">{labels.optional}</span></>;
        switch (field.type) {
          case 'radios':
            return (
              <Fieldset key={field.key} id={field.key} legend={label} hint={field.hint} error={error}>
                <Radios name={field.key} options={field.options ?? []} value={str(value)} />
              </Fieldset>
            );
          case 'checkboxes':
            return (
              <Fieldset key={field.key} id={field.key} legend={label} hint={field.hint} error={error}>
                <Checkboxes name={field.key} options={field.options ?? []} values={Array.isArray(value) ? (value as string[]) : []} />
              </Fieldset>
            );
          case 'select':
            return (
              <Field key={field.key} id={field.key} label={label} hint={field.hint} error={error}>
                <Select id={field.key} hint={field.hint} error={error} options={field.options ?? []} placeholder={labels.select} defaultValue={str(value)} />
              </Field>
            );
          case 'address': {
            const address = (value ?? {}) as Record<string, unknown>;
            return (
              <Fieldset key={field.key} id={field.key} legend={label} hint={field.hint} error={error}>
                <label htmlFor={`${field.key}.province`} className="font-bold">{labels.province}</label>
                <Select id={`${field.key}.province`} options={provinces} placeholder={labels.select} defaultValue={str(address.province)} autoComplete="address-level1" />
                <label htmlFor={`${field.key}.district`} className="mt-2 font-bold">{labels.district}</label>
                <TextInput id={`${field.key}.district`} defaultValue={str(address.district)} autoComplete="address-level2" />
                <label htmlFor={`${field.key}.line`} className="mt-2 font-bold">{labels.line}</label>
                <TextInput id={`${field.key}.line`} defaultValue={str(address.line)} autoComplete="street-address" />
              </Fieldset>
            );
          }
          default: {
            const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : field.type === 'mobile' ? 'tel' : 'text';
            const width = field.type === 'number' || field.type === 'date' || field.type === 'plate' ? 'max-w-60' : '';
            return (
              <Field key={field.key} id={field.key} label={label} hint={field.hint} error={error}>
                <TextInput
                  id={field.key}
                  type={type}
                  hint={field.hint}
                  error={error}
                  defaultValue={str(value)}
                  className={width}
                  min={field.min}
                  max={field.max}
                  spellCheck={field.type === 'text' ? undefined : false}
                  autoComplete={field.type === 'mobile' ? 'tel-national' : 'off'}
                />
              </Field>
            );
          }
        }
      })}
      <div className="flex flex-wrap items-center gap-4">
        <Button disabled={pending}>{labels.saveAndContinue}</Button>
        <Button variant="secondary" name="intent" value="later" disabled={pending}>{labels.saveAndComeBack}</Button>
      </div>
    </form>
  );
}
