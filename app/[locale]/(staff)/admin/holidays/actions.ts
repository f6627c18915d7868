'use server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { addHoliday, holidayDay, holidayInput, holidayNames, removeHoliday, renameHoliday, type HolidayChange } from '@/lib/deadlines/holiday-changes';
import { localeArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';

// Each action checks the administrator again: a server action is a public endpoint.

/** A day an action was bound with, or not found. */
function dayArgument(value: unknown): string {
  const day = holidayDay.safeParse(value);
  if (!day.success) notFound();
  return day.data;
}

function answered(locale: string, result: HolidayChange | typeof unavailable, done: string, t: Awaited<ReturnType<typeof actionTranslator>>, values: Record<string, string>): FormState {
  if (result === unavailable) return { formError: t.text('holidaysAdmin.errors.unavailable'), values };
  if (!result.ok && result.problem === 'exists') return { fieldErrors: t.fields({ day: 'holidaysAdmin.errors.exists' }), values };
  if (!result.ok) notFound();
  redirect(`/${locale}/admin/holidays?year=${values.day!.slice(0, 4)}&done=${done}&moved=${result.movedFiles}`);
}

export async function addHolidayAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const administrator = await requireArea(locale, 'admin.holidays', '/admin/holidays');
  const t = await actionTranslator(locale);
  const values = formValues(data);
  const input = holidayInput.safeParse(values);
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };
  const result = await orUnavailable(() => addHoliday(administrator.id, input.data));
  return answered(locale, result, 'added', t, { ...values, day: input.data.day });
}

export async function renameHolidayAction(locale: string, day: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const administrator = await requireArea(locale, 'admin.holidays', '/admin/holidays');
  dayArgument(day);
  const t = await actionTranslator(locale);
  const values = formValues(data);
  const input = holidayNames.safeParse(values);
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };
  const result = await orUnavailable(() => renameHoliday(administrator.id, { day, ...input.data }));
  return answered(locale, result, 'renamed', t, { ...values, day });
}

export async function removeHolidayAction(locale: string, day: string): Promise<FormState> {
  localeArgument(locale);
  const administrator = await requireArea(locale, 'admin.holidays', '/admin/holidays');
  dayArgument(day);
  const t = await actionTranslator(locale);
  const result = await orUnavailable(() => removeHoliday(administrator.id, day));
  return answered(locale, result, 'removed', t, { day });
}
