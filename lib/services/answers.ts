// One definition, one schema: the functions here turn a service definition's questions into
// zod schemas that the browser form (react-hook-form's resolver) and the server action both
// use. They use zod/mini so that the browser gets a few kilobytes, not the whole of zod.
import * as z from 'zod/mini';
import { normalizeCambodianMobile } from '@/lib/validation/cambodian-mobile';
import { isPlainLine } from '@/lib/validation/plain-text';
import { dateParts, parseDate } from './date-answer';
import type { ServiceDefinition } from './definition';
import { provinceCodes } from './provinces';
import { isShown } from './show-if';

export { isShown };

export type Field = ServiceDefinition['pages'][number]['fields'][number];
export type Page = ServiceDefinition['pages'][number];
export interface Address {
  province: string;
  district: string;
  line: string;
}
export type Answer = string | number | string[] | Address;
export type Answers = Record<string, Answer>;

const maxText = 500;


export function visibleFields(page: Page, answers: Answers): Field[] {
  return page.fields.filter((f) => isShown(f, answers));
}

/** The answers of one page as the form posted them (with or without JavaScript). */
export function readPage(page: Page, data: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const field of page.fields) {
    if (field.type === 'checkboxes') raw[field.key] = data.getAll(field.key).filter((v) => typeof v === 'string');
    else if (field.type === 'address') {
      raw[field.key] = {
        province: data.get(`${field.key}.province`) ?? '',
        district: data.get(`${field.key}.district`) ?? '',
        line: data.get(`${field.key}.line`) ?? '',
      };
    } else if (field.type === 'date') {
      raw[field.key] = Object.fromEntries(dateParts.map((part) => [part, data.get(`${field.key}.${part}`) ?? '']));
    } else raw[field.key] = data.get(field.key) ?? '';
  }
  return raw;
}

// Stored answers are already clean (numbers as numbers); posted ones are strings.
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** Parses one answer; returns the clean value, or the message key of what is wrong. */
export function parseAnswer(field: Field, value: unknown): { ok: true; value: Answer | undefined } | { ok: false; error: string } {
  const fail = (what: string) => ({ ok: false as const, error: `errors.answer.${what}` });
  const options = new Set(field.options?.map((o) => o.value));

  if (field.type === 'checkboxes') {
    const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    if (chosen.some((v) => !options.has(v))) return fail('choice');
    if (chosen.length === 0) return field.required ? fail('choose') : { ok: true, value: undefined };
    return { ok: true, value: [...new Set(chosen)] };
  }
  if (field.type === 'address') {
    const parts = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
    const address = { province: text(parts.province), district: text(parts.district), line: text(parts.line) };
    if (!address.province && !address.district && !address.line && !field.required) return { ok: true, value: undefined };
    if (!address.province) return fail('province');
    if (!provinceCodes.has(address.province)) return fail('choice');
    if (!address.district) return fail('district');
    if (address.district.length > 100 || address.line.length > 200) return fail('tooLong');
    if (!isPlainLine(address.district) || !isPlainLine(address.line)) return fail('lineBreak');
    return { ok: true, value: address };
  }
  if (field.type === 'date') {
    const date = parseDate(value, field.required);
    return date.ok ? date : fail(date.error);
  }

  const input = text(value);
  if (!input) {
    if (!field.required) return { ok: true, value: undefined };
    return fail(field.type === 'select' || field.type === 'radios' ? 'choose' : 'required');
  }
  if (input.length > maxText) return fail('tooLong');
  // Answers are printed on the staff's file and may be printed on what the ministry issues.
  if (!isPlainLine(input)) return fail('lineBreak');
  switch (field.type) {
    case 'select':
    case 'radios':
      return options.has(input) ? { ok: true, value: input } : fail('choice');
    case 'number': {
      if (!/^-?\d+$/.test(input.replace(/[\s,]/g, ''))) return fail('number');
      const number = Number(input.replace(/[\s,]/g, ''));
      if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) return fail('range');
      return { ok: true, value: number };
    }
    case 'mobile': {
      const phone = normalizeCambodianMobile(input);
      return phone ? { ok: true, value: phone } : fail('mobile');
    }
    case 'national-id': {
      const id = input.replace(/\s/g, '');
      return /^\d{9}$/.test(id) ? { ok: true, value: id } : fail('nationalId');
    }
    case 'vin': {
      const vin = input.replace(/\s/g, '').toUpperCase();
      return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) ? { ok: true, value: vin } : fail('vin');
    }
    case 'plate': {
      const plate = input.replace(/\s/g, '').toUpperCase();
      const match = plate.match(/^(\d{1,2})([A-Z]{1,2})-?(\d{4})$/);
      return match ? { ok: true, value: `${match[1]}${match[2]}-${match[3]}` } : fail('plate');
    }
    default:
      return { ok: true, value: input };
  }
}

function answerSchema(field: Field) {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      const parsed = parseAnswer(field, value);
      if (parsed.ok) return parsed.value;
      ctx.issues.push({ code: 'custom', message: parsed.error, input: value });
      return z.NEVER;
    }),
  );
}

/**
 * The schema of one page: only the questions shown given the answers so far (and those on
 * this page, for questions that depend on an answer on the same page).
 */
export function pageSchema(page: Page, answers: Answers, posted: Record<string, unknown> = {}) {
  const context = { ...answers, ...(posted as Answers) };
  return z.object(Object.fromEntries(visibleFields(page, context).map((f) => [f.key, answerSchema(f)])));
}

/** Answers without the ones whose question is no longer asked (an earlier answer changed). */
export function pruneAnswers(definition: ServiceDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (answers[field.key] !== undefined && isShown(field, answers)) kept[field.key] = answers[field.key]!;
    }
  }
  return kept;
}

/** Whether every question this page asks has a valid saved answer. */
export function isPageComplete(page: Page, answers: Answers): boolean {
  const values = Object.fromEntries(page.fields.map((f) => [f.key, answers[f.key]]));
  return pageSchema(page, answers).safeParse(values).success;
}

/** The first page with a question that still needs an answer, or null when all are done. */
export function firstIncompletePage(definition: ServiceDefinition, answers: Answers): Page | null {
  return definition.pages.find((page) => !isPageComplete(page, answers)) ?? null;
}

export function requiredDocuments(definition: ServiceDefinition, answers: Answers) {
  return definition.documents.filter((d) => isShown(d, answers));
}
