'use server';
import { notFound, redirect } from 'next/navigation';
import { findApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import type { FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { firstIncompletePage, requiredDocuments } from '@/lib/services/answers';
import { mayTake, perform, StaleApplicationError } from '@/lib/workflow/machine';

/** The applicant answers a request for information: the file goes back to the clerk who asked. */
export async function resubmitAction(locale: string, id: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const t = await actionTranslator(locale);
  const result = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/applications/${id}`);
    const file = await findApplication(actor, id, 'application.view');
    if (!file || !mayTake(actor, file, 'resubmit')) notFound();
    if (firstIncompletePage(file.definition, file.answers)) return 'incomplete' as const;
    const uploaded = new Set(file.documents.map((d) => d.requirementKey));
    if (requiredDocuments(file.definition, file.answers).some((d) => d.required && !uploaded.has(d.key))) return 'documentsMissing' as const;
    try {
      await perform(actor, file, 'resubmit', {}, Number(data.get('version')));
      return 'done' as const;
    } catch (error) {
      if (error instanceof StaleApplicationError) return 'changed' as const;
      throw error;
    }
  });
  if (result === unavailable) return { formError: t.text('errors.resubmit.unavailable') };
  if (result === 'done') redirect(`/${locale}/applications/${id}?resubmitted=1`);
  return { formError: t.text(result === 'changed' ? 'errors.resubmit.changed' : `errors.submit.${result}`) };
}
