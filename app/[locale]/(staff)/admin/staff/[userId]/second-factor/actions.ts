'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireArea } from '@/lib/auth/guards';
import { resetSecondFactor } from '@/lib/auth/second-factor';
import { localeArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';

const resetInput = z.object({ reason: z.string().trim().min(1, 'errors.admin.reason').max(500, 'errors.admin.reasonTooLong') });

/** An administrator removes a member of staff's authenticator, with the reason, for the record. */
export async function resetSecondFactorAction(locale: string, userId: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const administrator = await requireArea(locale, 'admin.enter', `/admin/staff/${userId}/second-factor`);
  if (!z.uuid().safeParse(userId).success) notFound();
  const t = await actionTranslator(locale);
  const input = resetInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values: formValues(data) };
  // Already reset (another administrator, a second click): nothing more to do.
  await resetSecondFactor(administrator.id, userId, input.data.reason);
  redirect(`/${locale}/admin?reset=1`);
}
