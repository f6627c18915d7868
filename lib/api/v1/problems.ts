// The errors of /api/v1 as RFC 9457 problem details. Each kind has a type URI on the portal's
// configured public address (never the request's host, which behind a proxy is an internal name):
// that URI is the stable part a client programs against; title and detail are for people, in
// Khmer or English as Accept-Language asks (Khmer when it names neither, like the portal).
import 'server-only';
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { preferredLocale } from '@/lib/i18n/preferred-locale';
import type { Locale } from '@/lib/i18n/routing';
import { publicUrl } from '@/lib/http/public-address';
import type { LocalizedText } from '@/lib/services/definition';
import type { Problem, ProblemTypeName } from './schemas';

type Messages = typeof en.api.problems;

/** Each kind of error: its status, and the details an occurrence may give (keys of its messages). */
export const problemTypes = {
  'not-found': { status: 404, details: ['licence', 'service', 'tracking', 'application', 'path', 'problemType', 'webhook'] },
  'invalid-parameter': { status: 400, details: ['parameters', 'body', 'webhookUrl', 'webhookUrlHttps', 'webhookUrlInternal', 'webhookEvents', 'webhookLimit'] },
  'invalid-cursor': { status: 400, details: ['cursor'] },
  unauthorized: { status: 401, details: ['token'] },
  'too-many-requests': { status: 429, details: ['tracking', 'client'] },
  'method-not-allowed': { status: 405, details: ['method'] },
} as const satisfies { [T in ProblemTypeName]: { status: number; details: readonly Exclude<keyof Messages[T], 'title' | 'description'>[] } };

export type DetailOf<T extends ProblemTypeName> = (typeof problemTypes)[T]['details'][number];

export const problemTypeUri = (type: ProblemTypeName) => publicUrl(`/api/v1/problems/${type}`);

const messages = { en, km };
const translator = (locale: Locale) => createTranslator({ locale, messages: messages[locale], namespace: 'api.problems' });

export interface ProblemOptions {
  values?: Record<string, string | number>;
  invalidParams?: { name: string }[];
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
}

/** A problem+json answer in the language the request asks for. */
export function problemResponse<T extends ProblemTypeName>(request: Request, type: T, detail: DetailOf<T>, options: ProblemOptions = {}): Response {
  const locale = preferredLocale(request.headers.get('accept-language'));
  const t = translator(locale);
  const { status } = problemTypes[type];
  const body: Problem = {
    type: problemTypeUri(type),
    title: t(`${type}.title` as never),
    status,
    detail: t(`${type}.${detail}` as never, options.values as never),
    ...(options.invalidParams ? { invalidParams: options.invalidParams } : {}),
    ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
  };
  const headers = new Headers({ 'Content-Type': 'application/problem+json', 'Content-Language': locale, Vary: 'Accept-Language', 'Cache-Control': 'no-store', ...options.headers });
  if (options.retryAfterSeconds !== undefined) headers.set('Retry-After', String(options.retryAfterSeconds));
  return new Response(JSON.stringify(body), { status, headers });
}

/** What a problem type URI answers: the kind's meaning in both languages. */
export function describeProblemType(type: ProblemTypeName): { type: string; status: number; title: LocalizedText; description: LocalizedText } {
  const [tKm, tEn] = [translator('km'), translator('en')];
  return {
    type: problemTypeUri(type),
    status: problemTypes[type].status,
    title: { km: tKm(`${type}.title` as never), en: tEn(`${type}.title` as never) },
    description: { km: tKm(`${type}.description` as never), en: tEn(`${type}.description` as never) },
  };
}
