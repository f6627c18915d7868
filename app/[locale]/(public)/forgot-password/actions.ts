'use server';
import { redirect } from 'next/navigation';
import { exchangeResetCode, forgotPasswordInput, newPasswordInput, requestPasswordReset, resetCodeInput, resetPassword, resetPhoneCookie } from '@/lib/auth/password-reset';
import { clientAddress, deleteCookie, setSealedCookie } from '@/lib/auth/session';
import { localeArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { publicAddress } from '@/lib/http/public-address';

/** Any complete request ends on the same page, whether an account uses the address or not. */
export async function requestPasswordResetAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = localeArgument(locale);
  const t = await actionTranslator(lang);
  const values = formValues(data);
  const input = forgotPasswordInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };
  const address = await clientAddress();
  const result = await orUnavailable(() => requestPasswordReset(input.data.identifier, lang, publicAddress(), address));
  if (result === unavailable) return { formError: t.text('passwordReset.unavailable'), values };
  if (result.limitedMinutes) return { formError: t.text('passwordReset.errors.limited', { minutes: result.limitedMinutes }), values };
  if ('phone' in input.data.identifier) await setSealedCookie(resetPhoneCookie, { typed: values.identifier ?? '' }, 30 * 60);
  redirect(`/${lang}/forgot-password/sent?by=${'email' in input.data.identifier ? 'email' : 'sms'}`);
}

/** The code from the text message: right, it opens the page to choose a new password. */
export async function enterResetCodeAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = localeArgument(locale);
  const t = await actionTranslator(lang);
  const values = formValues(data);
  const input = resetCodeInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };
  if (!('phone' in input.data.identifier)) return { fieldErrors: { identifier: t.text('errors.identifier.mobile') }, values };
  const result = await exchangeResetCode(input.data.identifier.phone, input.data.code, await clientAddress());
  if (!result.ok) {
    return result.error === 'locked'
      ? { formError: t.text('passwordReset.errors.locked', { minutes: result.minutes }), values }
      : { fieldErrors: { code: t.text('passwordReset.errors.codeWrong') }, values };
  }
  await deleteCookie(resetPhoneCookie);
  redirect(`/${lang}/forgot-password/new/${result.token}`);
}

/** The new password: every session ends, and the person signs in with it. */
export async function setNewPasswordAction(locale: string, token: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = localeArgument(locale);
  const t = await actionTranslator(lang);
  // Bound by the page, but posted back by the browser: anything may come.
  const link = typeof token === 'string' ? token : '';
  const input = newPasswordInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)) };
  const result = await resetPassword(link, input.data.newPassword);
  if (!result.ok) {
    if (result.error === 'expired') redirect(`/${lang}/forgot-password/new/${encodeURIComponent(link)}`);
    return { fieldErrors: { newPassword: t.text('errors.password.guessable') } };
  }
  redirect(`/${lang}/sign-in?passwordReset=done`);
}
