'use client';
import { useActionState, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Fieldset } from '@/components/ui/field';
import { Checkboxes, Radios, Select, TextInput, type Option } from '@/components/ui/inputs';
import type { Answers, Page } from '@/lib/services/answers';
import { datePartsOf, partsInError } from '@/lib/services/date-answer';
import { isShown } from '@/lib/services/show-if';

type Validator = typeof import('@/lib/services/answers');

/** A question as the browser shows it: already in the page's language. */
export interface ClientField {
  key: string;
  type: string;
  label: string;
  hint?: string;
  required: boolean;
  options?: Option[];
  min?: number;
  max?: number;
  /** Message key → sentence, for every problem this question can have. */
  messages: Record<string, string>;
}

export interface QuestionFormState {
  fieldErrors?: Record<string, string>;
  values?: Record<string, unknown>;
}

interface Texts {
  saveAndContinue: string;
  saveAndComeBack: string;
  optional: string;
  select: string;
  province: string;
  district: string;
  line: string;
  day: string;
  month: string;
  year: string;
  dateHint: string;
  summaryTitle: string;
  errorPrefix: string;
}

type Values = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The id an error summary link jumps to: the first control of the question the error is about. */
function targetId(field: ClientField, error: string): string {
  if (field.type === 'radios' || field.type === 'checkboxes') return `${field.key}-${field.options?.[0]?.value}`;
  if (field.type === 'address') return `${field.key}.province`;
  if (field.type === 'date') return `${field.key}.${partsInError(error)[0]}`;
  return field.key;
}

/**
 * One page of questions. It posts to a server action and works without JavaScript; with it, the
 * same schema the server uses checks the answers first, so mistakes show without a round trip.
 */
export function QuestionForm(props: {
  action: (state: QuestionFormState, data: FormData) => Promise<QuestionFormState>;
  page: Page;
  fields: ClientField[];
  saved: Answers;
  provinces: Option[];
  texts: Texts;
  returnTo?: string;
}) {
  const { page, fields, texts, provinces, saved } = props;
  const [state, formAction, pending] = useActionState(props.action, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const values = state.values ?? saved;
  // Follows the answers that reveal other questions, so they appear as soon as they apply.
  const [live, setLive] = useState<Values>(values);
  const errorKeys = clientErrors ?? state.fieldErrors ?? {};
  const message = (field: ClientField) => {
    const key = errorKeys[field.key];
    return key ? (field.messages[key] ?? key) : undefined;
  };
  const errors = fields.filter((f) => errorKeys[f.key]).map((f) => ({ href: targetId(f, errorKeys[f.key]!), message: message(f)! }));

  // The schema loads when the applicant first reaches a field, not with the page: until then (or
  // without JavaScript) the server's check, with the same schema, answers alone.
  const validator = useRef<Validator | null>(null);
  const loadValidator = () => {
    if (!validator.current) void import('@/lib/services/answers').then((m) => (validator.current = m));
  };

  const check = (event: FormEvent<HTMLFormElement>) => {
    const v = validator.current;
    if (!v) return;
    const posted = v.readPage(page, new FormData(event.currentTarget));
    const result = v.pageSchema(page, saved, posted).safeParse(posted);
    if (result.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const issue of result.error.issues) found[String(issue.path[0])] ??= issue.message;
    setClientErrors(found);
  };

  return (
    <form
      action={formAction}
      onSubmit={check}
      onFocus={loadValidator}
      onPointerDown={loadValidator}
      noValidate
      className="max-w-xl"
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
        if (page.fields.some((f) => f.showIf?.field === target.name)) setLive((v) => ({ ...v, [target.name]: target.value }));
      }}
    >
      <ErrorSummary title={texts.summaryTitle} errors={errors} />
      {props.returnTo ? <input type="hidden" name="return" value={props.returnTo} /> : null}
      {fields.map((field, i) => {
        if (!isShown(page.fields[i]!, live)) return null;
        const error = message(field);
        const value = values[field.key];
        const label = field.required ? field.label : <>{field.label} <span className="font-normal">{texts.optional}</span></>;
        const common = { key: field.key, id: field.key, hint: field.hint, error, errorPrefix: texts.errorPrefix };
        switch (field.type) {
          case 'radios':
            return (
              <Fieldset {...common} legend={label}>
                <Radios name={field.key} options={field.options ?? []} value={str(value)} />
              </Fieldset>
            );
          case 'checkboxes':
            return (
              <Fieldset {...common} legend={label}>
                <Checkboxes name={field.key} options={field.options ?? []} values={Array.isArray(value) ? (value as string[]) : []} />
              </Fieldset>
            );
          case 'select':
            return (
              <Field {...common} label={label}>
                <Select id={field.key} hint={field.hint} error={error} options={field.options ?? []} placeholder={texts.select} defaultValue={str(value)} />
              </Field>
            );
          case 'address': {
            const address = (value ?? {}) as Record<string, unknown>;
            return (
              <Fieldset {...common} legend={label}>
                <label htmlFor={`${field.key}.province`} className="font-bold">{texts.province}</label>
                <Select id={`${field.key}.province`} options={provinces} placeholder={texts.select} defaultValue={str(address.province)} autoComplete="address-level1" />
                <label htmlFor={`${field.key}.district`} className="mt-2 font-bold">{texts.district}</label>
                <TextInput id={`${field.key}.district`} defaultValue={str(address.district)} autoComplete="address-level2" />
                <label htmlFor={`${field.key}.line`} className="mt-2 font-bold">{texts.line}</label>
                <TextInput id={`${field.key}.line`} defaultValue={str(address.line)} autoComplete="street-address" />
              </Fieldset>
            );
          }
          case 'date':
            return (
              <Fieldset {...common} hint={field.hint ?? texts.dateHint} legend={label}>
                <DateInput
                  name={field.key}
                  value={datePartsOf(value)}
                  labels={{ day: texts.day, month: texts.month, year: texts.year }}
                  invalid={errorKeys[field.key] ? partsInError(errorKeys[field.key]!) : []}
                />
              </Fieldset>
            );
          default: {
            const type = field.type === 'number' ? 'number' : field.type === 'mobile' ? 'tel' : 'text';
            const width = field.type === 'number' || field.type === 'plate' ? 'max-w-60' : '';
            return (
              <Field {...common} label={label}>
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
        <Button disabled={pending}>{texts.saveAndContinue}</Button>
        <Button variant="secondary" name="intent" value="later" disabled={pending}>{texts.saveAndComeBack}</Button>
      </div>
    </form>
  );
}
