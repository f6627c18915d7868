// Registration without telling who has an account. The registration page used to answer "an
// account with this email address or mobile number already exists", and it signed a new person
// in at once, so anyone could list the ministry's users by trying addresses (and, with immediate
// sign-in, even a page that looked the same would be betrayed by the password working or not).
// Now every complete registration ends on the same "check your email / phone" page, after the
// same work: one password hash (argon2 is the slow part; doing it on one path only would be a
// timing oracle), one look-up, one transaction writing one message to the outbox.
// - A new address gets a one-time link (24 hours); following it makes the account and signs in.
// - An address that has an account gets no link and nothing is made: its owner is told, in their
//   own language, that someone tried to register with it, and how to sign in.
import type { z } from 'zod';
import { db } from '@/lib/db/client';
import { notifyContact, notify } from '@/lib/notifications/notify';
import { digest, isLinkToken, newLinkToken } from './one-time-secrets';
import { hashPassword } from './password';
import { createCitizen, type registerInput, type RegisterResult } from './register';
import { takeAllowance } from './throttle';

export const registrationLinkHours = 24;

const noService = { reference: '', service: { km: '', en: '' } };

/**
 * Answers nothing about the address on purpose: the page that follows is the same whatever
 * happened here. Only the hourly limit per client address (throttle.ts) is answered, counted for
 * every complete form, taken or not: each costs a password hash.
 */
export async function requestRegistration(
  input: z.output<typeof registerInput>,
  locale: string,
  portalUrl: string,
  clientAddress: string,
): Promise<{ limitedMinutes: number }> {
  const limitedMinutes = await takeAllowance({ registration: clientAddress });
  if (limitedMinutes) return { limitedMinutes };
  const passwordHash = await hashPassword(input.password);
  const token = newLinkToken();
  const existing = await db.user.findFirst({ where: input.identifier, select: { id: true, locale: true } });
  await db.$transaction(async (tx) => {
    if (existing) {
      const lang = existing.locale === 'en' ? 'en' : 'km';
      await notify(tx, existing.id, null, 'registration_taken', { ...noService, link: `${portalUrl}/${lang}/sign-in` });
      return;
    }
    await tx.pendingRegistration.create({
      data: {
        tokenHash: digest(token),
        name: input.name,
        ...input.identifier,
        passwordHash,
        locale,
        expiresAt: new Date(Date.now() + registrationLinkHours * 3_600_000),
      },
    });
    // The outbox keeps the link until it is sent, as it keeps an invitation's.
    const contact = 'email' in input.identifier
      ? { channel: 'email' as const, address: input.identifier.email }
      : { channel: 'sms' as const, address: input.identifier.phone };
    await notifyContact(tx, { ...contact, name: input.name, locale }, 'registration_link', { ...noService, link: `${portalUrl}/${locale}/register/finish/${token}` });
  });
  return { limitedMinutes: 0 };
}

/** The registration a link stands for, while it is valid; null for an unknown, used or expired link. */
export async function pendingRegistration(token: string) {
  if (!isLinkToken(token)) return null;
  const pending = await db.pendingRegistration.findUnique({ where: { tokenHash: digest(token) }, select: { id: true, name: true, email: true, phone: true, expiresAt: true } });
  return pending && pending.expiresAt > new Date() ? pending : null;
}

/**
 * Makes the account a link stands for. The link works once: it is deleted with the account's
 * creation, and so are other links to the same address. 'taken' when that address got an account
 * meanwhile (the person holding the link owns the address, so saying so reveals nothing).
 */
export async function finishRegistration(token: string): Promise<RegisterResult | { ok: false; error: 'expired' }> {
  const pending = await pendingRegistration(token);
  if (!pending) return { ok: false, error: 'expired' };
  const { passwordHash, locale } = await db.pendingRegistration.findUniqueOrThrow({ where: { id: pending.id }, select: { passwordHash: true, locale: true } });
  const address = pending.email ? { email: pending.email } : { phone: pending.phone! };
  const result = await createCitizen({ name: pending.name, ...address, passwordHash, locale });
  await db.pendingRegistration.deleteMany({ where: { OR: [{ id: pending.id }, address] } });
  return result;
}
