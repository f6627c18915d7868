'use server';
import { redirect } from 'next/navigation';
import { confirmContactChange, contactAddressInput, contactCodeInput, requestContactChange, type ContactChannel } from '@/lib/auth/contact-details';
import { requireArea } from '@/lib/auth/guards';
import { keyArgument, localeArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';

const channels = { email: 'email', sms: 'sms' } as const satisfies Record<ContactChannel, ContactChannel>;
// Citizens keep their contact details on the account page; staff on their own account page.
const returnPaths = { account: '/account', security: '/account/security' } as const;

/** The bound arguments checked (a forged one is not found), and the person, who must be signed in. */
async function contactForm(locale: string, channel: string, from: string) {
  const lang = localeArgument(locale);
  const back = returnPaths[keyArgument(returnPaths, from)];
  const actor = await requireArea(lang, 'account.security', back);
  return { lang, back, actor, which: keyArgument(channels, channel), t: await actionTranslator(lang) };
}

/** A new email address or mobile number: a code goes to it; the current one stays in use. */
export async function requestContactChangeAction(locale: string, channel: string, from: string, _: FormState, data: FormData): Promise<FormState> {
  const { lang, back, actor, which, t } = await contactForm(locale, channel, from);
  const values = formValues(data);
  const input = contactAddressInput(which).safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };
  const { address, currentPassword } = input.data;
  const result = await requestContactChange(actor.id, which, address, lang, currentPassword);
  if (!result.ok && result.error === 'password') {
    return { fieldErrors: { currentPassword: t.text(currentPassword ? 'errors.password.currentWrong' : 'errors.password.currentRequired') }, values };
  }
  if (!result.ok) return { formError: t.text('contactDetails.errors.limited', { minutes: result.minutes }), values };
  redirect(`/${lang}${back}?contact=${result.sent ? 'sent' : 'unchanged'}#contact-details`);
}

/** The code sent to the new address: it becomes the account's, and notices go to it. */
export async function confirmContactAction(locale: string, channel: string, from: string, _: FormState, data: FormData): Promise<FormState> {
  const { lang, back, actor, which, t } = await contactForm(locale, channel, from);
  const values = formValues(data);
  const input = contactCodeInput.safeParse(Object.fromEntries(data));
  if (!input.success) return { fieldErrors: t.fields(toFieldErrors(input.error)), values };
  const result = await confirmContactChange(actor.id, which, input.data.code);
  if (!result.ok) {
    if (result.error === 'locked') return { formError: t.text('contactDetails.errors.locked', { minutes: result.minutes }), values };
    if (result.error === 'taken') return { formError: t.text('contactDetails.errors.taken') };
    return { fieldErrors: { code: t.text('contactDetails.errors.codeWrong') }, values };
  }
  redirect(`/${lang}${back}?contact=${which}#contact-details`);
}
