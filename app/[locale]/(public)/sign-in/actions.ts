'use server';
import { redirect } from 'next/navigation';
import { safeReturnPath, secondFactorPath } from '@/lib/auth/guards';
import { startNationalIdFlow } from '@/lib/auth/national-id';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { clientAddress, findActor, startSession } from '@/lib/auth/session';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { isLocale, routing } from '@/lib/i18n/routing';
import { homePath, sessionActor } from '@/lib/policy/policy';
import { log } from '@/lib/operations/log';

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
  const found = await findActor(result.userId);
  if (!found) return { formError: t.text('errors.signIn.failed'), values };
  await startSession(found.id, { kind: 'password' });
  const actor = sessionActor(found, false);
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const next = safeReturnPath(data.get('next'), lang);
  // Staff pass their second factor next; it brings them on to where they were going.
  if (actor.secondFactorDue) redirect(secondFactorPath(lang, next));
  redirect(next ?? `/${lang}${homePath(actor)}`);
}

/** Leaves for the national digital ID; it sends the person back to /api/national-id/callback. */
export async function signInWithNationalIdAction(locale: string, data: FormData): Promise<void> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const next = safeReturnPath(data.get('next'), lang);
  let providerUrl: string;
  try {
    providerUrl = await startNationalIdFlow(lang, { kind: 'signIn', next });
  } catch (error) {
    log.warn({ err: error }, 'national ID: the provider could not be reached');
    redirect(`/${lang}/sign-in?nationalId=unavailable`);
  }
  redirect(providerUrl);
}
