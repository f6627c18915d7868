// An account's email address and mobile number. Notifications go only to a proven address
// (notify.ts). A new one, or a change, waits in ContactVerification until its owner types the
// 6-digit code sent to it; until then the old address (or none) stays in use. This is also how an
// account made with the national digital ID, which brings no address, gets one. An account with a
// password must give it to ask for a change: otherwise whoever finds the account open on a shared
// computer could move its address, then reset the password through it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { notifyContact } from '@/lib/notifications/notify';
import { identifierField, type Identifier } from './identifier';
import { verifyPassword } from './password';
import { codeDigest, codeMinutes, newCode, wrongCodesPerRow } from './one-time-secrets';
import { clearFailures, lockedMinutes, recordFailure, takeAllowance } from './throttle';

export type ContactChannel = 'email' | 'sms';
export const contactChannels = ['email', 'sms'] as const satisfies readonly ContactChannel[];

const field = { email: 'email', sms: 'phone' } as const satisfies Record<ContactChannel, 'email' | 'phone'>;

// In the email address's field, what has no @ is a mistyped email address, not a mobile number.
const emailShaped = z.string().refine((value) => value.trim() === '' || value.includes('@'), 'errors.identifier.email');

/** The new address, in the same field as sign-in reads it (an email, or a Cambodian mobile number). */
export const contactAddressInput = (channel: ContactChannel) =>
  z.object({
    address: (channel === 'email' ? emailShaped.pipe(identifierField) : identifierField).refine((identifier) => field[channel] in identifier, channel === 'email' ? 'errors.identifier.email' : 'errors.identifier.mobile'),
    // Asked of accounts that have a password (see requestContactChange).
    currentPassword: z.string().max(200).optional(),
  });

export const contactCodeInput = z.object({
  code: z.string().trim().min(1, 'contactDetails.errors.codeRequired').regex(/^\d{6}$/, 'contactDetails.errors.codeFormat'),
});

const addressOf = (identifier: Identifier) => ('email' in identifier ? identifier.email : identifier.phone);
const noService = { reference: '', service: { km: '', en: '' } };

/** What the account page shows: each address, whether it is proven, and any waiting for its code. */
export async function contactDetails(userId: string) {
  const [user, pending] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, phone: true, emailVerifiedAt: true, phoneVerifiedAt: true } }),
    db.contactVerification.findMany({ where: { userId, expiresAt: { gt: new Date() }, attempts: { lt: wrongCodesPerRow } }, select: { channel: true, address: true } }),
  ]);
  const waiting = (channel: ContactChannel) => pending.find((p) => p.channel === channel)?.address ?? null;
  return {
    email: { address: user.email, verified: user.emailVerifiedAt !== null, waiting: waiting('email') },
    sms: { address: user.phone, verified: user.phoneVerifiedAt !== null, waiting: waiting('sms') },
  };
}

export type ContactChangeResult = { ok: true; sent: boolean } | { ok: false; error: 'limited'; minutes: number } | { ok: false; error: 'password' };

/**
 * Sends a code to the new address. An address another account uses gets its code too: whoever
 * holds it learns at the code step that it is taken, and nobody else learns anything.
 */
export async function requestContactChange(
  userId: string,
  channel: ContactChannel,
  identifier: Identifier,
  locale: string,
  currentPassword?: string,
): Promise<ContactChangeResult> {
  const address = addressOf(identifier);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, phone: true, emailVerifiedAt: true, phoneVerifiedAt: true, passwordHash: true } });
  const current = channel === 'email' ? { address: user.email, verifiedAt: user.emailVerifiedAt } : { address: user.phone, verifiedAt: user.phoneVerifiedAt };
  if (current.address === address && current.verifiedAt) return { ok: true, sent: false };
  // Counted before the password is checked, so that the allowance also limits guesses at it.
  const minutes = await takeAllowance({ contactChange: userId });
  if (minutes) return { ok: false, error: 'limited', minutes };
  if (user.passwordHash !== null && !(await verifyPassword(user.passwordHash, currentPassword ?? ''))) return { ok: false, error: 'password' };
  const id = randomUUID();
  const code = newCode();
  await db.$transaction(async (tx) => {
    await tx.contactVerification.deleteMany({ where: { userId, channel } });
    await tx.contactVerification.create({ data: { id, userId, channel, address, codeHash: codeDigest(id, code), expiresAt: new Date(Date.now() + codeMinutes * 60_000) } });
    await notifyContact(tx, { channel, address, name: user.name, locale }, 'contact_code', { ...noService, code });
  });
  return { ok: true, sent: true };
}

export type ContactConfirmResult = { ok: true } | { ok: false; error: 'wrong' | 'taken' } | { ok: false; error: 'locked'; minutes: number };

/** The code typed on the account page: the waiting address becomes the account's, proven. */
export async function confirmContactChange(userId: string, channel: ContactChannel, code: string): Promise<ContactConfirmResult> {
  const keys = { wrongCode: `user:${userId}` };
  const minutes = await lockedMinutes(keys);
  if (minutes) return { ok: false, error: 'locked', minutes };
  const pending = await db.contactVerification.findFirst({ where: { userId, channel, expiresAt: { gt: new Date() }, attempts: { lt: wrongCodesPerRow } } });
  if (!pending || pending.codeHash !== codeDigest(pending.id, code)) {
    if (pending) await db.contactVerification.update({ where: { id: pending.id }, data: { attempts: { increment: 1 } } });
    await recordFailure(keys);
    const locked = await lockedMinutes(keys);
    return locked ? { ok: false, error: 'locked', minutes: locked } : { ok: false, error: 'wrong' };
  }
  const now = new Date();
  const data = channel === 'email' ? { email: pending.address, emailVerifiedAt: now } : { phone: pending.address, phoneVerifiedAt: now };
  try {
    await db.$transaction(async (tx) => {
      const taken = await tx.contactVerification.deleteMany({ where: { id: pending.id } });
      if (taken.count !== 1) throw new AlreadyUsed();
      await tx.user.update({ where: { id: userId }, data });
      await tx.accountEvent.create({ data: { userId, actorId: userId, type: 'contact_verified', data: { channel, address: pending.address } } });
    });
  } catch (error) {
    if (error instanceof AlreadyUsed) return { ok: false, error: 'wrong' };
    // Another account uses the address (the person holding its code may know that).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      await db.contactVerification.deleteMany({ where: { id: pending.id } });
      return { ok: false, error: 'taken' };
    }
    throw error;
  }
  await clearFailures(keys);
  return { ok: true };
}

class AlreadyUsed extends Error {}
