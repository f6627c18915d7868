'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireArea } from '@/lib/auth/guards';
import { endStaffSessionsByAdministrator } from '@/lib/auth/sessions';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';

const endSessionsInput = z.object({ reason: z.string().trim().min(1, 'errors.admin.sessionsReason').max(500, 'errors.admin.reasonTooLong') });

/** An administrator ends every session of a member of staff, with the reason, for the record. */
export async function endStaffSessionsAction(locale: string, userId: string, _: FormState, data: FormData): Promise<FormState> {
  const administrator = await requireArea(locale, 'admin.enter', `/admin/staff/${userId}/sessions`);
  if (!z.uuid().safeParse(userId).success) notFound();
  const t = await actionTranslator(locale);
  const input = endSessionsInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values: formValues(data) };
  if (!(await endStaffSessionsByAdministrator(administrator.id, userId, input.data.reason))) notFound();
  redirect(`/${locale}/admin?sessionsEnded=1`);
}
