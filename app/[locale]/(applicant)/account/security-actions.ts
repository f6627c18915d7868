'use server';
import { redirect } from 'next/navigation';
import { changePassword, changePasswordInput } from '@/lib/auth/change-password';
import { requireArea } from '@/lib/auth/guards';
import { currentSession, endEverySession, renewSession } from '@/lib/auth/session';
import { toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { isLocale, routing } from '@/lib/i18n/routing';
import { accountPath } from '@/lib/policy/policy';

/** "Sign out everywhere": every session of the person ends, this browser's too. */
export async function signOutEverywhereAction(locale: string): Promise<void> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  await requireArea(lang, 'account.security', '/account');
  await endEverySession('signed_out_everywhere');
  redirect(`/${lang}/sign-in?signedOut=everywhere`);
}

/** A new password ends every session made with the old one; this browser gets a new session. */
export async function changePasswordAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const actor = await requireArea(lang, 'account.security', '/account/password');
  const t = await actionTranslator(lang);
  const input = changePasswordInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)) };
  // Read before the change ends it: it is what this browser's new session continues.
  const session = await currentSession();
  const result = await changePassword(actor.id, input.data);
  if (!result.ok) {
    if (result.error === 'locked') return { formError: t.text('errors.signIn.locked', { minutes: result.minutes }) };
    if (result.error === 'noPassword') redirect(`/${lang}${accountPath(actor)}`);
    return result.error === 'currentWrong'
      ? { fieldErrors: { currentPassword: t.text('errors.password.currentWrong') } }
      : { fieldErrors: { newPassword: t.text('errors.password.guessable') } };
  }
  if (session) await renewSession(session);
  redirect(`/${lang}${accountPath(actor)}?password=changed`);
}
