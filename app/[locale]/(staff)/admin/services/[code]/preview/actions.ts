'use server';
import { notFound } from 'next/navigation';
import type { QuestionFormState } from '@/components/applications/question-form';
import { currentActor } from '@/lib/auth/session';
import { localeArgument } from '@/lib/forms/action-arguments';
import { can } from '@/lib/policy/policy';
import { checkPage } from '@/lib/services/answers';
import { draftFor } from '@/lib/services/designer';

/** A page of the preview answered as an applicant would: checked as theirs would be, and nothing saved. */
export async function tryPreviewPage(locale: string, code: string, pageKey: string, _: QuestionFormState, data: FormData): Promise<QuestionFormState> {
  localeArgument(locale);
  const actor = await currentActor();
  if (!actor || !can(actor, 'admin.services')) notFound();
  const page = (await draftFor(String(code)))?.definition.pages.find((p) => p.key === pageKey);
  if (!page) notFound();
  const result = checkPage(page, {}, data);
  return result.ok ? { values: result.answers } : { fieldErrors: result.fieldErrors, values: result.values };
}
