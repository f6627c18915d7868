'use server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { deactivateStaff, giveRole, moveInput, moveToDepartment, reactivateStaff, roleInput, takeRole, type StaffActResult } from '@/lib/staff/members';

// Each act names the person in its bound arguments: a replay with another id (one's own
// included) is refused by lib/staff, whatever the page offered.

async function administratorFor(locale: string, userId: string) {
  localeArgument(locale);
  uuidArgument(userId);
  return requireArea(locale, 'admin.staff', `/admin/staff/${userId}`);
}

const pagePath = (locale: string, userId: string) => `/${locale}/admin/staff/${userId}`;

/** The answer to a form: done goes back to the page with its message; a refusal is said beside the form. */
async function answer(locale: string, userId: string, result: StaffActResult, done: string, data: FormData, field: string): Promise<FormState> {
  if (result === 'notFound') notFound();
  if (result === 'done') redirect(`${pagePath(locale, userId)}?done=${done}`);
  const t = await actionTranslator(locale);
  const message = t.text(`staffAdmin.errors.${result}`);
  return result === 'self' || result === 'already' ? { formError: message, values: formValues(data) } : { fieldErrors: { [field]: message }, values: formValues(data) };
}

export async function giveRoleAction(locale: string, userId: string, _: FormState, data: FormData): Promise<FormState> {
  const administrator = await administratorFor(locale, userId);
  const input = roleInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: (await actionTranslator(locale)).fields(toFieldErrors(input.error)), values: formValues(data) };
  return answer(locale, userId, await giveRole(administrator, userId, input.data), 'given', data, 'departmentId');
}

export async function moveStaffAction(locale: string, userId: string, _: FormState, data: FormData): Promise<FormState> {
  const administrator = await administratorFor(locale, userId);
  const input = moveInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: (await actionTranslator(locale)).fields(toFieldErrors(input.error)), values: formValues(data) };
  return answer(locale, userId, await moveToDepartment(administrator, userId, input.data), 'moved', data, 'toDepartmentId');
}

/** The buttons without fields: a refusal comes back as the page's message. */
async function buttonAnswer(locale: string, userId: string, result: StaffActResult, done: string): Promise<never> {
  if (result === 'notFound') notFound();
  redirect(`${pagePath(locale, userId)}?${result === 'done' ? `done=${done}` : `refused=${result}`}`);
}

export async function takeRoleAction(locale: string, userId: string, assignmentId: string): Promise<void> {
  const administrator = await administratorFor(locale, userId);
  await buttonAnswer(locale, userId, await takeRole(administrator, userId, uuidArgument(assignmentId)), 'taken');
}

export async function deactivateStaffAction(locale: string, userId: string): Promise<void> {
  const administrator = await administratorFor(locale, userId);
  await buttonAnswer(locale, userId, await deactivateStaff(administrator, userId), 'deactivated');
}

export async function reactivateStaffAction(locale: string, userId: string): Promise<void> {
  const administrator = await administratorFor(locale, userId);
  await buttonAnswer(locale, userId, await reactivateStaff(administrator, userId), 'reactivated');
}
