import type { z } from 'zod';

/**
 * What a server action answers a form with, already in the page's language: the browser gets
 * words, not a translation runtime. (Schemas hold message keys; actions translate them on the
 * way out with `translateErrors`.) `values` refill the form after a failed post, also without
 * JavaScript. Passwords are never sent back.
 */
export interface FormState {
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
  /** When a decision came from a stale page: what others did since, one line each. */
  changes?: string[];
  /** A decision checked and not yet taken: what it will do, one line each, and the button that takes it. */
  confirm?: { lines: string[]; submit: string };
}

export const emptyFormState: FormState = {};

/** The first problem of each field, as a message key. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The text fields of a form post, as strings, without the ones named in `omit`. */
export function formValues(data: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of data.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !omit.includes(key)) values[key] = value;
  }
  return values;
}
