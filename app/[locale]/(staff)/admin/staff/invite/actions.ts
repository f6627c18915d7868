'use server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { publicAddress } from '@/lib/http/public-address';
import { inviteStaff, inviteStaffInput } from '@/lib/staff/invitations';

export async function inviteStaffAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const administrator = await requireArea(locale, 'admin.staff', '/admin/staff/invite');
  const t = await actionTranslator(locale);
  const input = inviteStaffInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values: formValues(data) };
  const result = await inviteStaff(administrator, input.data, { locale, portalUrl: publicAddress() });
  if (!result.ok && result.error === 'notFound') notFound();
  if (!result.ok && result.error === 'limited') return { formError: t.text('errors.invitation.limited', { minutes: result.minutes }), values: formValues(data) };
  if (!result.ok) {
    const field = result.error === 'emailTaken' ? 'email' : 'departmentId';
    return { fieldErrors: { [field]: t.text(`staffAdmin.errors.${result.error}`) }, values: formValues(data) };
  }
  redirect(`/${locale}/admin/staff/invite?sent=${encodeURIComponent(input.data.email)}`);
}
