// What each type of question does with its answer, in one table per concern, each checked with
// `satisfies Record<FieldType, …>` so that a type added to `fieldTypes` without its behaviour
// fails the type check instead of falling through to free text. This one, shared by the
// browser's check (loaded lazily) and the server's, reads and parses answers and names the
// problems each can report (their messages go with the question); how an answer is
// read back is in display-answer.ts (server only) and how it is asked in
// components/applications/question-form.tsx (the browser's form), so that neither weighs on the
// other's bundle.
import { normalizeCambodianMobile } from '@/lib/validation/cambodian-mobile';
import { isPlainLine } from '@/lib/validation/plain-text';
import type { Answer, Field } from './answers';
import { dateParts, parseDate } from './date-answer';
import type { fieldTypes } from './definition';
import { provinceCodes } from './provinces';

export type FieldType = (typeof fieldTypes)[number];

export type Parsed = { ok: true; value: Answer | undefined } | { ok: false; error: string };

/** What can be wrong with an answer: the last word of its message key, errors.answer.<word>. */
export type AnswerError =
  | 'required' | 'choose' | 'choice' | 'number' | 'range' | 'mobile' | 'nationalId' | 'vin' | 'plate'
  | 'province' | 'district' | 'tooLong' | 'lineBreak' | Exclude<DateError, 'required'>;
type DateError = Extract<ReturnType<typeof parseDate>, { ok: false }>['error'];

interface AnswerBehaviour {
  /** The answer as the form posted it (with or without JavaScript). */
  read(data: FormData, key: string): unknown;
  /** The clean answer, or the message key of what is wrong. */
  parse(field: Field, value: unknown): Parsed;
  /** Every problem `parse` can report: their messages go to the browser with the question. */
  errors: readonly AnswerError[];
}

const maxText = 500;
const fail = (what: AnswerError) => ({ ok: false as const, error: `errors.answer.${what}` });
const valid = (value: Answer | undefined) => ({ ok: true as const, value });
// Stored answers are already clean (numbers as numbers); posted ones are strings.
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const optionsOf = (field: Field) => new Set(field.options?.map((o) => o.value));

const readOne = (data: FormData, key: string) => data.get(key) ?? '';

/** A one-line answer typed or chosen: required, not too long, one line; then `check`. */
function oneLine(check: (input: string, field: Field) => Parsed, errors: AnswerError[], missing: 'required' | 'choose' = 'required'): AnswerBehaviour {
  return {
    read: readOne,
    errors: [missing, 'tooLong', 'lineBreak', ...errors],
    parse(field, value) {
      const input = text(value);
      if (!input) return field.required ? fail(missing) : valid(undefined);
      if (input.length > maxText) return fail('tooLong');
      // Answers are printed on the staff's file and may be printed on what the ministry issues.
      if (!isPlainLine(input)) return fail('lineBreak');
      return check(input, field);
    },
  };
}

const oneOfTheOptions = oneLine((input, field) => (optionsOf(field).has(input) ? valid(input) : fail('choice')), ['choice'], 'choose');

export const answerTypes = {
  text: oneLine((input) => valid(input), []),
  number: oneLine((input, field) => {
    if (!/^-?\d+$/.test(input.replace(/[\s,]/g, ''))) return fail('number');
    const number = Number(input.replace(/[\s,]/g, ''));
    if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) return fail('range');
    return valid(number);
  }, ['number', 'range']),
  date: {
    read: (data, key) => Object.fromEntries(dateParts.map((part) => [part, data.get(`${key}.${part}`) ?? ''])),
    errors: ['required', 'date', 'dateDay', 'dateMonth', 'dateYear', 'dateDayMonth', 'dateDayYear', 'dateMonthYear', 'dateYearDigits'],
    parse(field, value) {
      const date = parseDate(value, field.required);
      return date.ok ? date : fail(date.error);
    },
  },
  select: oneOfTheOptions,
  radios: oneOfTheOptions,
  checkboxes: {
    read: (data, key) => data.getAll(key).filter((v) => typeof v === 'string'),
    errors: ['choice', 'choose'],
    parse(field, value) {
      const options = optionsOf(field);
      const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      if (chosen.some((v) => !options.has(v))) return fail('choice');
      if (chosen.length === 0) return field.required ? fail('choose') : valid(undefined);
      return valid([...new Set(chosen)]);
    },
  },
  address: {
    errors: ['province', 'choice', 'district', 'tooLong', 'lineBreak'],
    read: (data, key) => ({ province: data.get(`${key}.province`) ?? '', district: data.get(`${key}.district`) ?? '', line: data.get(`${key}.line`) ?? '' }),
    parse(field, value) {
      const parts = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
      const address = { province: text(parts.province), district: text(parts.district), line: text(parts.line) };
      if (!address.province && !address.district && !address.line && !field.required) return valid(undefined);
      if (!address.province) return fail('province');
      if (!provinceCodes.has(address.province)) return fail('choice');
      if (!address.district) return fail('district');
      if (address.district.length > 100 || address.line.length > 200) return fail('tooLong');
      if (!isPlainLine(address.district) || !isPlainLine(address.line)) return fail('lineBreak');
      return valid(address);
    },
  },
  mobile: oneLine((input) => {
    const phone = normalizeCambodianMobile(input);
    return phone ? valid(phone) : fail('mobile');
  }, ['mobile']),
  'national-id': oneLine((input) => {
    const id = input.replace(/\s/g, '');
    return /^\d{9}$/.test(id) ? valid(id) : fail('nationalId');
  }, ['nationalId']),
  vin: oneLine((input) => {
    const vin = input.replace(/\s/g, '').toUpperCase();
    return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) ? valid(vin) : fail('vin');
  }, ['vin']),
  plate: oneLine((input) => {
    const plate = input.replace(/\s/g, '').toUpperCase();
    const match = plate.match(/^(\d{1,2})([A-Z]{1,2})-?(\d{4})$/);
    return match ? valid(`${match[1]}${match[2]}-${match[3]}`) : fail('plate');
  }, ['plate']),
} satisfies Record<FieldType, AnswerBehaviour>;
