// "Forgot your password?" An email address gets a link; a mobile number gets a 6-digit code,
// which the person types into the portal and exchanges for the same kind of link. Either works
// once and for 30 minutes, and only its hash is kept. As at registration (registration-link.ts),
// the answer never says whether an account uses the address: every complete request ends on the
// same page, and only the hourly limits (per address typed, per client address) are answered,
// counted for every request. Setting the new password ends every session of the person.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { notifyContact } from '@/lib/notifications/notify';
import { identifierField, identifierKey, type Identifier } from './identifier';
import { codeDigest, codeMinutes, digest, isLinkToken, newCode, newLinkToken, wrongCodesPerRow } from './one-time-secrets';
import { hashPassword } from './password';
import { isGuessablePassword, newPasswordField } from './password-rules';
import { endAllSessions } from './sessions';
import { clearFailures, lockedMinutes, recordFailure, takeAllowance } from './throttle';

export const passwordResetMinutes = codeMinutes;
/**
 * The mobile number as typed on the first page, so that the code page need not ask for it again:
 * in a sealed, short-lived cookie, never in an address bar or a log.
 */
export const resetPhoneCookie = 'password-reset-phone';

export const forgotPasswordInput = z.object({ identifier: identifierField });
export const resetCodeInput = z.object({
  identifier: identifierField.refine((identifier) => 'phone' in identifier, 'errors.identifier.mobile'),
  code: z.string().trim().min(1, 'passwordReset.errors.codeRequired').regex(/^\d{6}$/, 'passwordReset.errors.codeFormat'),
});
export const newPasswordInput = z.object({ newPassword: newPasswordField });

const noService = { reference: '', service: { km: '', en: '' } };
const live = () => ({ usedAt: null, expiresAt: { gt: new Date() } });

/** Sends a link or a code when an active account has proven this address; answers only the limits. */
export async function requestPasswordReset(
  identifier: Identifier,
  locale: string,
  portalUrl: string,
  clientAddress: string,
): Promise<{ limitedMinutes: number }> {
  const limitedMinutes = await takeAllowance({ passwordReset: identifierKey(identifier), passwordResetAddress: clientAddress });
  if (limitedMinutes) return { limitedMinutes };
  const user = await db.user.findUnique({ where: identifier, select: { id: true, name: true, status: true, emailVerifiedAt: true, phoneVerifiedAt: true } });
  const proven = 'email' in identifier ? user?.emailVerifiedAt : user?.phoneVerifiedAt;
  if (!user || user.status !== 'active' || !proven) return { limitedMinutes: 0 };
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + passwordResetMinutes * 60_000);
  const recipient = { name: user.name, locale };
  await db.$transaction(async (tx) => {
    // The newest message is the one that works: earlier links and codes stop working.
    await tx.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } });
    if ('email' in identifier) {
      const token = newLinkToken();
      await tx.passwordReset.create({ data: { id, userId: user.id, channel: 'email', tokenHash: digest(token), expiresAt } });
      await notifyContact(tx, { channel: 'email', address: identifier.email, ...recipient }, 'password_reset_link', { ...noService, link: `${portalUrl}/${locale}/forgot-password/new/${token}` });
    } else {
      const code = newCode();
      await tx.passwordReset.create({ data: { id, userId: user.id, channel: 'sms', codeHash: codeDigest(id, code), expiresAt } });
      await notifyContact(tx, { channel: 'sms', address: identifier.phone, ...recipient }, 'password_reset_code', { ...noService, code });
    }
  });
  return { limitedMinutes: 0 };
}

export type ResetCodeResult = { ok: true; token: string } | { ok: false; error: 'wrong' } | { ok: false; error: 'locked'; minutes: number };

/**
 * The code from the text message, exchanged for a link token (the code stops working). A wrong
 * code, an unknown number and an expired code answer alike; wrong codes count against the number
 * and the client address, and five void the code.
 */
export async function exchangeResetCode(phone: string, code: string, clientAddress: string): Promise<ResetCodeResult> {
  const keys = { wrongCode: phone, address: clientAddress };
  const minutes = await lockedMinutes(keys);
  if (minutes) return { ok: false, error: 'locked', minutes };
  const reset = await db.passwordReset.findFirst({
    where: { user: { phone, status: 'active' }, channel: 'sms', codeHash: { not: null }, attempts: { lt: wrongCodesPerRow }, ...live() },
    select: { id: true, codeHash: true },
  });
  if (reset && reset.codeHash === codeDigest(reset.id, code)) {
    const token = newLinkToken();
    // Conditional on the code still being there: two posts of the same code get one token.
    const exchanged = await db.passwordReset.updateMany({ where: { id: reset.id, codeHash: reset.codeHash }, data: { codeHash: null, tokenHash: digest(token) } });
    if (exchanged.count === 1) {
      await clearFailures({ wrongCode: phone });
      return { ok: true, token };
    }
  }
  if (reset) await db.passwordReset.update({ where: { id: reset.id }, data: { attempts: { increment: 1 } } });
  await recordFailure(keys);
  const locked = await lockedMinutes(keys);
  return locked ? { ok: false, error: 'locked', minutes: locked } : { ok: false, error: 'wrong' };
}

/** The reset a link's token stands for while it may be used; null for an unknown, used or expired one. */
export async function passwordResetFor(token: string) {
  if (!isLinkToken(token)) return null;
  return db.passwordReset.findFirst({
    where: { tokenHash: digest(token), user: { status: 'active' }, ...live() },
    select: { id: true, userId: true, channel: true, user: { select: { email: true, phone: true } } },
  });
}

export type ResetPasswordResult = { ok: true } | { ok: false; error: 'expired' | 'guessable' };

/** Sets the new password once per link; every session of the person ends with the old password. */
export async function resetPassword(token: string, newPassword: string): Promise<ResetPasswordResult> {
  const reset = await passwordResetFor(token);
  if (!reset) return { ok: false, error: 'expired' };
  const identifier = reset.user.email ?? reset.user.phone ?? '';
  if (isGuessablePassword(newPassword, identifier)) return { ok: false, error: 'guessable' };
  const passwordHash = await hashPassword(newPassword);
  const done = await db.$transaction(async (tx) => {
    // Conditional: of two posts of one link, one sets the password.
    const used = await tx.passwordReset.updateMany({ where: { id: reset.id, ...live() }, data: { usedAt: new Date() } });
    if (used.count !== 1) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    const ended = await endAllSessions(reset.userId, 'password_reset', { tx });
    await tx.accountEvent.create({ data: { userId: reset.userId, actorId: reset.userId, type: 'password_reset', data: { channel: reset.channel, sessionsEnded: ended } } });
    return true;
  });
  if (!done) return { ok: false, error: 'expired' };
  // The owner proved an address: a sign-in lock run up by someone guessing is lifted.
  for (const address of [reset.user.email, reset.user.phone]) if (address) await clearFailures({ account: address });
  return { ok: true };
}
