// One definition, one schema: the functions here turn a service definition's questions into
// zod schemas that the browser form (react-hook-form's resolver) and the server action both
// use. They use zod/mini so that the browser gets a few kilobytes, not the whole of zod.
import * as z from 'zod/mini';
import type { ServiceDefinition } from './definition';
import { answerTypes, type Parsed } from './field-types';
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

export function visibleFields(page: Page, answers: Answers): Field[] {
  return page.fields.filter((f) => isShown(f, answers));
}

/** The answers of one page as the form posted them (with or without JavaScript). */
export function readPage(page: Page, data: FormData): Record<string, unknown> {
  return Object.fromEntries(page.fields.map((field) => [field.key, answerTypes[field.type].read(data, field.key)]));
}

/** Parses one answer; returns the clean value, or the message key of what is wrong. */
export function parseAnswer(field: Field, value: unknown): Parsed {
  return answerTypes[field.type].parse(field, value);
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

/** One page's posted answers checked against its questions: the answers, or a message key for each question in error. */
export function checkPage(page: Page, answers: Answers, data: FormData):
  { ok: true; answers: Partial<Answers> } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, unknown> } {
  const posted = readPage(page, data);
  const result = pageSchema(page, answers, posted).safeParse(posted);
  if (result.success) return { ok: true, answers: result.data as Partial<Answers> };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  return { ok: false, fieldErrors, values: posted };
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
