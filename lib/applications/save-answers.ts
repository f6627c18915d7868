import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { pageSchema, pruneAnswers, readPage, type Answers, type Page } from '@/lib/services/answers';
import type { FoundApplication } from './find-application';

export type SaveAnswersResult = { ok: true; answers: Answers } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, unknown> };

/** Checks one page's answers against the definition and saves them into the draft. */
export async function saveAnswers(application: FoundApplication, page: Page, data: FormData): Promise<SaveAnswersResult> {
  const posted = readPage(page, data);
  const result = pageSchema(page, application.answers, posted).safeParse(posted);
  if (!result.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of result.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors, values: posted };
  }
  const merged: Answers = { ...application.answers };
  for (const field of page.fields) delete merged[field.key];
  for (const [key, value] of Object.entries(result.data)) if (value !== undefined) merged[key] = value as Answers[string];
  // An answer that hides a later question also drops that question's old answer.
  const answers = pruneAnswers(application.definition, merged);
  await db.application.update({ where: { id: application.id }, data: { answers: answers as Prisma.InputJsonObject, version: { increment: 1 } } });
  return { ok: true, answers };
}
