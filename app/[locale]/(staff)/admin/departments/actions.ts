'use server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { createDepartment, createDepartmentInput, renameDepartment, renameDepartmentInput } from '@/lib/staff/departments';

export async function createDepartmentAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const administrator = await requireArea(locale, 'admin.staff', '/admin/departments');
  const t = await actionTranslator(locale);
  const input = createDepartmentInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values: formValues(data) };
  const result = await createDepartment(administrator, input.data);
  if (!result.ok && result.error === 'codeTaken') return { fieldErrors: { code: t.text('staffAdmin.errors.codeTaken') }, values: formValues(data) };
  if (!result.ok) notFound();
  redirect(`/${locale}/admin/departments?created=1`);
}

export async function renameDepartmentAction(locale: string, departmentId: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  uuidArgument(departmentId);
  const administrator = await requireArea(locale, 'admin.staff', `/admin/departments/${departmentId}`);
  const t = await actionTranslator(locale);
  const input = renameDepartmentInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values: formValues(data) };
  const result = await renameDepartment(administrator, departmentId, input.data);
  if (!result.ok) notFound();
  redirect(`/${locale}/admin/departments?renamed=1`);
}
