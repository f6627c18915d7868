'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireArea } from '@/lib/auth/guards';
import { answerComplaint } from '@/lib/complaints/answer-complaint';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';

const answerInput = z.object({ answer: z.string().trim().min(1, 'complaints.errors.answer').max(4000, 'complaints.errors.answerTooLong') });

/**
 * The Inspectorate answers a complaint. Policy is asked again here: replayed by the department
 * complained about (or anyone else) with this or a forged id, it answers "Page not found" and
 * changes nothing; a second answer changes nothing either.
 */
export async function answerComplaintAction(locale: string, id: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  uuidArgument(id);
  const t = await actionTranslator(locale);
  const parsed = answerInput.safeParse({ answer: data.get('answer') ?? '' });
  if (!parsed.success) return { fieldErrors: t.fields(toFieldErrors(parsed.error)), values: formValues(data) };
  const outcome = await orUnavailable(async () => {
    const actor = await requireArea(locale, 'backoffice.enter', `/staff/complaints/${id}`);
    return answerComplaint(actor, id, parsed.data.answer);
  });
  if (outcome === unavailable) return { formError: t.text('complaints.errors.answerUnavailable'), values: formValues(data) };
  if (outcome === 'notFound') notFound();
  redirect(`/${locale}/staff/complaints/${id}?${outcome === 'answered' ? 'answered' : 'already'}=1`);
}
