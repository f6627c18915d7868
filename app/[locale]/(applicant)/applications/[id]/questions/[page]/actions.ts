'use server';
import { notFound, redirect } from 'next/navigation';
import { findApplication } from '@/lib/applications/find-application';
import { moveDraftToCurrentVersion } from '@/lib/applications/move-draft';
import { saveAnswers } from '@/lib/applications/save-answers';
import { stepAfter } from '@/lib/applications/steps';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import type { QuestionFormState } from '@/components/applications/question-form';

export async function saveQuestionPage(locale: string, id: string, pageKey: string, _: QuestionFormState, data: FormData): Promise<QuestionFormState> {
  localeArgument(locale);
  const actor = await requireActor(locale, `/applications/${id}`);
  const found = await findApplication(actor, id, 'application.edit');
  if (!found) notFound();
  const base = `/${locale}/applications/${id}`;
  // The service changed since the draft began: it moves to the new version (keeping the answers
  // whose questions remain) and the next page says what changed. A page the new version no
  // longer has sends the person to its first page.
  const movedFrom = await moveDraftToCurrentVersion(found);
  const application = movedFrom === null ? found : await findApplication(actor, id, 'application.edit');
  if (!application) notFound();
  const page = application.definition.pages.find((p) => p.key === pageKey);
  const told = movedFrom === null ? '' : `?changedSince=${movedFrom}`;
  if (!page) {
    if (movedFrom === null) notFound();
    redirect(`${base}/questions/${application.definition.pages[0]!.key}${told}`);
  }

  const result = await saveAnswers(application, page, data);
  if (!result.ok) {
    if (movedFrom !== null) redirect(`${base}/questions/${page.key}${told}`);
    return { fieldErrors: result.fieldErrors, values: result.values };
  }

  if (data.get('intent') === 'later') redirect(`${base}?saved=1`);
  if (data.get('return') === 'check') redirect(`${base}/check${told}`);
  redirect(`${base}/${stepAfter(application.definition, result.answers, pageKey)}${told}`);
}
