import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { checkPage, pruneAnswers, type Answers, type Page } from '@/lib/services/answers';
import type { FoundApplication } from './find-application';

export type SaveAnswersResult = { ok: true; answers: Answers } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, unknown> };

/** Checks one page's answers against the definition and saves them into the draft. */
export async function saveAnswers(application: FoundApplication, page: Page, data: FormData): Promise<SaveAnswersResult> {
  const result = checkPage(page, application.answers, data);
  if (!result.ok) return result;
  const merged: Answers = { ...application.answers };
  for (const field of page.fields) delete merged[field.key];
  for (const [key, value] of Object.entries(result.answers)) if (value !== undefined) merged[key] = value;
  // An answer that hides a later question also drops that question's old answer.
  const answers = pruneAnswers(application.definition, merged);
  await db.application.update({ where: { id: application.id }, data: { answers: answers as Prisma.InputJsonObject, version: { increment: 1 } } });
  return { ok: true, answers };
}
