import { confirmContactAction, requestContactChangeAction } from '@/app/[locale]/(applicant)/account/contact-actions';
import { signOutEverywhereAction } from '@/app/[locale]/(applicant)/account/security-actions';
import { currentSession } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';
import { ContactDetailsSection } from './contact-details-section';
import { RecentSignIns } from './recent-sign-ins';
import { SignInSection } from './sign-in-section';

/**
 * Everyone's own account, on the citizen's account page and on staff's: contact details to
 * confirm or change, the password, "sign out everywhere" and the last sign-ins. `from` names the
 * page, so that its forms come back to it.
 */
export async function AccountSecurity({ userId, locale, from, contact }: { userId: string; locale: Locale; from: 'account' | 'security'; contact?: string }) {
  const [user, session] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }),
    currentSession(),
  ]);
  const bound = (action: typeof requestContactChangeAction) => ({ email: action.bind(null, locale, 'email', from), sms: action.bind(null, locale, 'sms', from) });
  return (
    <>
      <ContactDetailsSection userId={userId} hasPassword={user.passwordHash !== null} outcome={contact} requestChange={bound(requestContactChangeAction)} confirm={bound(confirmContactAction)} />
      <SignInSection hasPassword={user.passwordHash !== null} staff={from === 'security'} signOutEverywhere={signOutEverywhereAction.bind(null, locale)} />
      <RecentSignIns userId={userId} locale={locale} currentSessionId={session?.id ?? null} />
    </>
  );
}
