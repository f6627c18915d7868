'use server';
import { redirect } from 'next/navigation';
import { localeArgument } from '@/lib/forms/action-arguments';
import { toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { acceptStaffInvitation, acceptStaffInvitationInput } from '@/lib/staff/invitations';

export async function acceptStaffInvitationAction(locale: string, token: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const t = await actionTranslator(locale);
  const input = acceptStaffInvitationInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)) };
  const result = await acceptStaffInvitation(String(token), input.data.newPassword, locale);
  if (result.ok) redirect(`/${locale}/join-staff/${encodeURIComponent(token)}?joined=1`);
  if (result.error === 'guessable') return { fieldErrors: { newPassword: t.text('errors.password.guessable') } };
  return { formError: t.text(`staffAdmin.join.refused.${result.error === 'open' ? 'notFound' : result.error}`) };
}
