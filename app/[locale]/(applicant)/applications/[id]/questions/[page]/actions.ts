'use server';
import { notFound, redirect } from 'next/navigation';
import { findApplication } from '@/lib/applications/find-application';
import { saveAnswers } from '@/lib/applications/save-answers';
import { stepAfter } from '@/lib/applications/steps';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import type { QuestionFormState } from '@/components/applications/question-form';

export async function saveQuestionPage(locale: string, id: string, pageKey: string, _: QuestionFormState, data: FormData): Promise<QuestionFormState> {
  localeArgument(locale);
  const actor = await requireActor(locale, `/applications/${id}`);
  const application = await findApplication(actor, id, 'application.edit');
  const page = application?.definition.pages.find((p) => p.key === pageKey);
  if (!application || !page) notFound();

  const result = await saveAnswers(application, page, data);
  if (!result.ok) return { fieldErrors: result.fieldErrors, values: result.values };

  const base = `/${locale}/applications/${id}`;
  if (data.get('intent') === 'later') redirect(`${base}?saved=1`);
  if (data.get('return') === 'check') redirect(`${base}/check`);
  redirect(`${base}/${stepAfter(application.definition, result.answers, pageKey)}`);
}
