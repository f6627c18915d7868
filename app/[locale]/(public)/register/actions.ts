'use server';
import { redirect } from 'next/navigation';
import { registerCitizen, registerInput } from '@/lib/auth/register';
import { clientAddress, startSession } from '@/lib/auth/session';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { isLocale, routing } from '@/lib/i18n/routing';

export async function register(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const t = await actionTranslator(lang);
  const values = formValues(data, ['password']);
  const input = registerInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };

  const result = await registerCitizen(input.data, lang, await clientAddress());
  if (!result.ok && result.error === 'limited') return { formError: t.text('errors.register.limited', { minutes: result.minutes }), values };
  if (!result.ok) return { fieldErrors: t.fields({ identifier: 'errors.identifier.taken' }), values };
  await startSession(result.userId);
  redirect(`/${lang}/account?created=1`);
}
