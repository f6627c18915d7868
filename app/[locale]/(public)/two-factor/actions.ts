'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { safeReturnPath } from '@/lib/auth/guards';
import { confirmEnrolment, recoveryCodesCookie, secondFactorState, verifySecondFactor, type ShownRecoveryCodes } from '@/lib/auth/second-factor';
import { currentActor, deleteCookie, findActor, setSealedCookie, startSession } from '@/lib/auth/session';
import { actionTranslator } from '@/lib/forms/translate';
import { isLocale, routing } from '@/lib/i18n/routing';
import { homePath, sessionActor } from '@/lib/policy/policy';

const codeInput = z.object({ code: z.string().trim().min(1, 'errors.secondFactor.required').max(20, 'errors.secondFactor.wrong') });

/** Confirms a new authenticator (answering with the recovery codes) or checks a code at sign-in. */
export async function submitSecondFactor(locale: string, next: string | null, _: FormState, data: FormData): Promise<FormState> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const actor = await currentActor();
  if (!actor) redirect(`/${lang}/sign-in`);
  if (!actor.secondFactorDue) redirect(`/${lang}${homePath(actor)}`);
  const t = await actionTranslator(lang);
  const input = codeInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: { code: t.text(input.error.issues[0]!.message) } };

  const enrolling = (await secondFactorState(actor.id)) !== 'confirmed';
  const result = enrolling ? await confirmEnrolment(actor.id, input.data.code) : await verifySecondFactor(actor.id, input.data.code);
  if (!result.ok) {
    if (result.error === 'locked') return { formError: t.text('errors.secondFactor.locked', { minutes: result.minutes }) };
    if (result.error === 'notEnrolled') redirect(`/${lang}/two-factor`);
    return { fieldErrors: { code: t.text(`errors.secondFactor.${result.error}`) } };
  }
  await startSession(actor.id, { secondFactorAt: new Date(result.stamp) });
  const full = await findActor(actor.id);
  const continueTo = safeReturnPath(next, lang) ?? `/${lang}${full ? homePath(sessionActor(full, true)) : '/'}`;
  if (result.recoveryCodes) {
    // Shown on a page of their own, from a cookie that lasts ten minutes: the session cookie just
    // changed, so this page re-renders as a staff page and would not keep them in its state.
    await setSealedCookie(recoveryCodesCookie, { userId: actor.id, codes: result.recoveryCodes } satisfies ShownRecoveryCodes, 10 * 60);
    redirect(`/${lang}/two-factor/recovery-codes?next=${encodeURIComponent(continueTo)}`);
  }
  redirect(continueTo);
}

/** "I have kept them": the codes are not shown again. */
export async function finishRecoveryCodes(locale: string, next: string): Promise<void> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  await deleteCookie(recoveryCodesCookie);
  redirect(safeReturnPath(next, lang) ?? `/${lang}/staff`);
}
