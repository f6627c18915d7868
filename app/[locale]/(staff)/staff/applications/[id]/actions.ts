'use server';
import { notFound, redirect } from 'next/navigation';
import { findApplication } from '@/lib/applications/find-application';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { keyArgument, localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { formatDateTime } from '@/lib/i18n/format';
import { checkStep, endsStage, perform, StaleApplicationError, staffStepForms, stepTextLimits, StepRefusedError, type StaffStep } from '@/lib/workflow/machine';
import { decisionConsequences } from './decision-consequences';

export async function staffStepAction(boundLocale: string, boundId: string, boundStep: StaffStep, _: FormState, data: FormData): Promise<FormState> {
  // Bound arguments are replayable: an unknown step (`issue`, `__proto__`), id or locale is not found.
  const [locale, id, step] = [localeArgument(boundLocale), uuidArgument(boundId), keyArgument(staffStepForms, boundStep)];
  const t = await actionTranslator(locale);
  const parsed = staffStepForms[step].input.safeParse(Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === 'string')));
  if (!parsed.success) {
    const errors = Object.entries(toFieldErrors(parsed.error));
    const fieldErrors = Object.fromEntries(errors.map(([field, key]) => [field, t.text(key, { max: stepTextLimits[field as keyof typeof stepTextLimits] ?? 0 })]));
    return { fieldErrors, values: formValues(data) };
  }
  const result = await orUnavailable(async () => {
    const actor = await requireArea(locale, 'backoffice.enter', `/staff/applications/${id}`);
    const file = await findApplication(actor, id, 'application.view');
    if (!file) notFound();
    const seenVersion = Number(data.get('version'));
    try {
      // A decision that ends a stage is checked, then shown back with what it will do; only the
      // second post, with `confirmed`, takes it. Without JavaScript the page renders that step.
      if (endsStage(step) && data.get('confirmed') !== 'yes') {
        checkStep(actor, file, step, seenVersion);
        return { confirm: await decisionConsequences(actor, file, step, locale) };
      }
      await perform(actor, file, step, parsed.data as never, seenVersion);
      return 'done' as const;
    } catch (error) {
      if (error instanceof StepRefusedError) {
        // A step the actor may not take answers like a file they may not see.
        if (error.reason === 'notAllowed') notFound();
        return error.reason;
      }
      if (!(error instanceof StaleApplicationError)) throw error;
      return 'changed' as const;
    }
  });
  if (result === unavailable) return { formError: t.text('errors.staff.unavailable'), values: formValues(data) };
  if (result === 'done') redirect(`/${locale}/staff/applications/${id}?done=${step}`);
  if (typeof result === 'object') return { confirm: result.confirm, values: formValues(data) };
  if (result === 'notAClerk' || result === 'interestedAssignee') return { fieldErrors: t.fields({ assigneeId: `errors.staff.${result}` }), values: formValues(data) };
  if (result === 'inspectionNeeded') return { formError: t.text('errors.staff.inspectionNeeded') };
  return { formError: t.text('review.changed'), changes: await changesSince(id, data.get('seenEvent'), locale, t.text), values: formValues(data) };
}

/** What others recorded on the file after the last event the page showed, one line each. */
async function changesSince(id: string, seenEvent: FormDataEntryValue | null, locale: 'km' | 'en', text: (key: string) => string): Promise<string[]> {
  const after = /^\d{1,18}$/.test(String(seenEvent)) ? BigInt(String(seenEvent)) : 0n;
  const events = await db.applicationEvent.findMany({
    where: { applicationId: id, id: { gt: after }, type: { notIn: ['record_viewed', 'document_viewed'] } },
    orderBy: { id: 'asc' },
    select: { id: true, type: true, createdAt: true, actor: { select: { name: true } } },
  });
  return events.map((e) => `${formatDateTime(e.createdAt, locale)}: ${text(`events.${e.type}`)}${e.actor ? ` (${e.actor.name})` : ''}`);
}
