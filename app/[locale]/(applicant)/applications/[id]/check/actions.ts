'use server';
import { notFound, redirect } from 'next/navigation';
import { allows, findApplication } from '@/lib/applications/find-application';
import { confirmsTheSame, moveDraftToCurrentVersion } from '@/lib/applications/move-draft';
import { submitApplication } from '@/lib/applications/submit-application';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import type { FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';

export async function submitAction(locale: string, id: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const t = await actionTranslator(locale);
  // If the database goes away mid-submit, the transaction rolls back: nothing half-written
  // remains, and the applicant is told to submit again.
  const result = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/applications/${id}/check`);
    const application = await findApplication(actor, id, 'application.view');
    // A filed application answers with its reference (a double submit); a draft needs edit rights.
    if (!application || (application.status === 'draft' && !allows(actor, application, 'application.edit'))) notFound();
    // A draft begun under an older version is not filed under it: it moves to the current one.
    // When that changes what the person confirmed (answers, documents, fee), they check it again.
    const movedFrom = application.status === 'draft' ? await moveDraftToCurrentVersion(application) : null;
    if (movedFrom === null) return submitApplication(application, actor, Number(data.get('version')), data.get('declaration') === 'yes');
    const moved = await findApplication(actor, id, 'application.edit');
    if (!moved || !confirmsTheSame(application, moved)) return { ok: false as const, movedFrom };
    return submitApplication(moved, actor, Number(data.get('version')) + 1, data.get('declaration') === 'yes');
  });
  if (result === unavailable) return { formError: t.text('errors.submit.unavailable') };
  if (!result.ok && 'movedFrom' in result) redirect(`/${locale}/applications/${id}/check?changedSince=${result.movedFrom}`);
  if (!result.ok) {
    return result.error === 'declaration'
      ? { fieldErrors: t.fields({ declaration: 'errors.submit.declaration' }) }
      : { formError: t.text(`errors.submit.${result.error}`) };
  }
  redirect(`/${locale}/applications/${id}/submitted`);
}
