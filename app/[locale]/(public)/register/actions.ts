'use server';
import { redirect } from 'next/navigation';
import { registerInput } from '@/lib/auth/register';
import { finishRegistration, requestRegistration } from '@/lib/auth/registration-link';
import { clientAddress, startSession } from '@/lib/auth/session';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { isLocale, routing } from '@/lib/i18n/routing';
import { publicAddress } from '@/lib/http/public-address';

/**
 * A complete form always ends on the same "check your email / phone" page, whether the address
 * is new or already has an account (lib/auth/registration-link.ts says why and how). Only the
 * form's own mistakes (a missing name, a weak password) are answered here.
 */
export async function register(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const t = await actionTranslator(lang);
  const values = formValues(data, ['password']);
  const input = registerInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };

  const address = await clientAddress();
  const result = await orUnavailable(() => requestRegistration(input.data, lang, publicAddress(), address));
  if (result === unavailable) return { formError: t.text('register.unavailable'), values };
  // Counted per client address, whether the address has an account or not: it reveals nothing.
  if (result.limitedMinutes) return { formError: t.text('errors.register.limited', { minutes: result.limitedMinutes }), values };
  redirect(`/${lang}/register/sent?by=${'email' in input.data.identifier ? 'email' : 'sms'}`);
}

/** Following the link: makes the account and signs its owner in; a used or expired link says so. */
export async function finishRegistrationAction(locale: string, token: string): Promise<void> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const result = await finishRegistration(token);
  if (!result.ok) redirect(`/${lang}/register/finish/${encodeURIComponent(token)}`);
  await startSession(result.userId, { kind: 'registration' });
  redirect(`/${lang}/account?created=1`);
}
