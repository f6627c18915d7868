'use client';
import { Fragment, useActionState, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Fieldset } from '@/components/ui/field';
import { Checkboxes, Radios, Select, TextInput, type Option } from '@/components/ui/inputs';
import type { Answers, Page } from '@/lib/services/answers';
import { datePartsOf, partsInError } from '@/lib/services/date-answer';
import type { FieldType } from '@/lib/services/field-types';
import { isShown } from '@/lib/services/show-if';

type Validator = typeof import('@/lib/services/answers');

/** A question as the browser shows it: already in the page's language. */
export interface ClientField {
  key: string;
  type: FieldType;
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

export interface QuestionFormTexts {
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

interface InputProps {
  field: ClientField;
  label: ReactNode;
  value: unknown;
  /** The sentence shown, and the message key it is for. */
  error?: string;
  errorKey?: string;
  texts: QuestionFormTexts;
  provinces: Option[];
}

interface QuestionInput {
  render(props: InputProps): ReactNode;
  /** The id an error summary link jumps to: the first control of the question the error is about. */
  target(field: ClientField, errorKey: string): string;
}

const common = ({ field, error, texts }: InputProps) => ({ id: field.key, hint: field.hint, error, errorPrefix: texts.errorPrefix });
const itself = (field: ClientField) => field.key;
const firstOption = (field: ClientField) => `${field.key}-${field.options?.[0]?.value}`;

/** A question answered in one box: its kind of keyboard, width, spelling check and autofill. */
function typedInput(type: 'text' | 'number' | 'tel', { narrow = false, spellCheck = false, autoComplete = 'off' } = {}): QuestionInput {
  return {
    render: (props) => (
      <Field {...common(props)} label={props.label}>
        <TextInput
          id={props.field.key}
          type={type}
          hint={props.field.hint}
          error={props.error}
          defaultValue={str(props.value)}
          className={narrow ? 'max-w-60' : ''}
          min={props.field.min}
          max={props.field.max}
          spellCheck={spellCheck ? undefined : false}
          autoComplete={autoComplete}
        />
      </Field>
    ),
    target: itself,
  };
}

const radios: QuestionInput = {
  render: (props) => (
    <Fieldset {...common(props)} legend={props.label}>
      <Radios name={props.field.key} options={props.field.options ?? []} value={str(props.value)} />
    </Fieldset>
  ),
  target: firstOption,
};

// How each type of question is asked (the other concerns of a type: lib/services/field-types.ts).
const inputs = {
  text: typedInput('text', { spellCheck: true }),
  number: typedInput('number', { narrow: true }),
  mobile: typedInput('tel', { autoComplete: 'tel-national' }),
  'national-id': typedInput('text'),
  vin: typedInput('text'),
  plate: typedInput('text', { narrow: true }),
  radios,
  checkboxes: {
    render: (props) => (
      <Fieldset {...common(props)} legend={props.label}>
        <Checkboxes name={props.field.key} options={props.field.options ?? []} values={Array.isArray(props.value) ? (props.value as string[]) : []} />
      </Fieldset>
    ),
    target: firstOption,
  },
  select: {
    render: (props) => (
      <Field {...common(props)} label={props.label}>
        <Select id={props.field.key} hint={props.field.hint} error={props.error} options={props.field.options ?? []} placeholder={props.texts.select} defaultValue={str(props.value)} />
      </Field>
    ),
    target: itself,
  },
  address: {
    render: (props) => {
      const { field, texts } = props;
      const address = (props.value ?? {}) as Record<string, unknown>;
      return (
        <Fieldset {...common(props)} legend={props.label}>
          <label htmlFor={`${field.key}.province`} className="font-bold">{texts.province}</label>
          <Select id={`${field.key}.province`} options={props.provinces} placeholder={texts.select} defaultValue={str(address.province)} autoComplete="address-level1" />
          <label htmlFor={`${field.key}.district`} className="mt-2 font-bold">{texts.district}</label>
          <TextInput id={`${field.key}.district`} defaultValue={str(address.district)} autoComplete="address-level2" />
          <label htmlFor={`${field.key}.line`} className="mt-2 font-bold">{texts.line}</label>
          <TextInput id={`${field.key}.line`} defaultValue={str(address.line)} autoComplete="street-address" />
        </Fieldset>
      );
    },
    target: (field) => `${field.key}.province`,
  },
  date: {
    render: (props) => (
      <Fieldset {...common(props)} hint={props.field.hint ?? props.texts.dateHint} legend={props.label}>
        <DateInput
          name={props.field.key}
          value={datePartsOf(props.value)}
          labels={{ day: props.texts.day, month: props.texts.month, year: props.texts.year }}
          invalid={props.errorKey ? partsInError(props.errorKey) : []}
        />
      </Fieldset>
    ),
    target: (field, errorKey) => `${field.key}.${partsInError(errorKey)[0]}`,
  },
} satisfies Record<FieldType, QuestionInput>;

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
  texts: QuestionFormTexts;
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
  const errors = fields.filter((f) => errorKeys[f.key]).map((f) => ({ href: inputs[f.type].target(f, errorKeys[f.key]!), message: message(f)! }));

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
        const label = field.required ? field.label : <>{field.label} <span className="font-normal">{texts.optional}</span></>;
        return (
          <Fragment key={field.key}>
            {inputs[field.type].render({ field, label, value: values[field.key], error: message(field), errorKey: errorKeys[field.key], texts, provinces })}
          </Fragment>
        );
      })}
      <div className="flex flex-wrap items-center gap-4">
        <Button disabled={pending}>{texts.saveAndContinue}</Button>
        <Button variant="secondary" name="intent" value="later" disabled={pending}>{texts.saveAndComeBack}</Button>
      </div>
    </form>
  );
}
