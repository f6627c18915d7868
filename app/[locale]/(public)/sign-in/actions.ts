'use server';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/auth/guards';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { clientAddress, findActor, startSession } from '@/lib/auth/session';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { isLocale, routing } from '@/lib/i18n/routing';
import { homePath } from '@/lib/policy/policy';

export async function signIn(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const t = await actionTranslator(locale);
  const values = formValues(data, ['password']);
  const input = signInInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };

  const result = await signInWithPassword(input.data, await clientAddress());
  if (!result.ok) {
    return result.error === 'locked'
      ? { formError: t.text('errors.signIn.locked', { minutes: result.minutes }), values }
      : { formError: t.text('errors.signIn.failed'), values };
  }
  const actor = await findActor(result.userId);
  if (!actor) return { formError: t.text('errors.signIn.failed'), values };
  await startSession(actor.id);
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  redirect(safeReturnPath(data.get('next'), lang) ?? `/${lang}${homePath(actor)}`);
}
