// Staff two-factor: a TOTP authenticator (RFC 6238, 6 digits, 30 s, as every authenticator app
// makes them) enrolled by QR code or by typing the key, and ten one-time recovery codes. A code
// is accepted once (the last accepted time step is kept), wrong codes are throttled like
// passwords, and every enrolment, reset and recovery-code use is an AccountEvent.
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { db } from '@/lib/db/client';
import { rolesNeedingSecondFactor } from '@/lib/policy/policy';
import { sealSecret, unsealSecret } from './sealed-secret';
import { endAllSessions } from './sessions';
import { clearFailures, lockedMinutes, recordFailure } from './throttle';

const issuer = 'MPWT e-Services';
const recoveryCodeCount = 10;
// No 0/O, 1/I/L: read off paper and typed on a phone.
const recoveryAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const authenticator = (secret: Secret, label: string) => new TOTP({ issuer, label, secret, algorithm: 'SHA1', digits: 6, period: 30 });

/** The recovery codes just made, shown once on their own page (see two-factor/actions.ts). */
export const recoveryCodesCookie = 'mpwt.recovery-codes';
export interface ShownRecoveryCodes {
  userId: string;
  codes: string[];
}

export type SecondFactorState = 'none' | 'pending' | 'confirmed';

export async function secondFactorState(userId: string): Promise<SecondFactorState> {
  const factor = await db.staffSecondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return !factor ? 'none' : factor.confirmedAt ? 'confirmed' : 'pending';
}

/**
 * The key a member of staff is enrolling, made once and kept (sealed) until confirmed, so that
 * reloading the page does not change the QR code they are scanning.
 */
export async function enrolmentKey(user: { id: string; email: string | null }): Promise<{ uri: string; key: string } | null> {
  let factor = await db.staffSecondFactor.findUnique({ where: { userId: user.id } });
  if (factor?.confirmedAt) return null;
  // Two tabs at once make one key: the second upsert keeps the first one's.
  factor ??= await db.staffSecondFactor.upsert({
    where: { userId: user.id },
    create: { userId: user.id, sealedSecret: sealSecret(new Secret({ size: 20 }).base32) },
    update: {},
  });
  const key = unsealSecret(factor.sealedSecret);
  return { uri: authenticator(Secret.fromBase32(key), user.email ?? user.id).toString(), key };
}

/** `enrolmentKey` for a member of staff by their id, the QR code labelled with the email their account holds. */
export async function staffEnrolmentKey(userId: string): Promise<{ uri: string; key: string } | null> {
  return enrolmentKey(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } }));
}

export type CodeResult =
  | { ok: true; stamp: number; recoveryCodes?: string[] }
  | { ok: false; error: 'wrong' | 'reused' | 'notEnrolled' }
  | { ok: false; error: 'locked'; minutes: number };

const normalised = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
const hashCode = (code: string) => createHash('sha256').update(normalised(code)).digest('hex');

/** A 6-digit code against the key: the time step it belongs to, or null. One step either side allows for clock drift. */
function matchingStep(sealedSecret: string, code: string, now: Date): number | null {
  const totp = authenticator(Secret.fromBase32(unsealSecret(sealedSecret)), '');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * Takes the step if it is later than the last one accepted: a code works once, even from two tabs
 * at once. Confirming an enrolment stamps it with `confirmedAt`, which sessions then carry.
 */
async function acceptStep(userId: string, step: number, confirmedAt: Date | null): Promise<boolean> {
  const updated = await db.staffSecondFactor.updateMany({
    where: { userId, lastUsedStep: { lt: step }, confirmedAt: confirmedAt ? null : { not: null } },
    data: { lastUsedStep: step, ...(confirmedAt ? { confirmedAt } : {}) },
  });
  return updated.count === 1;
}

async function refused(userId: string, error: 'wrong' | 'reused'): Promise<CodeResult> {
  await recordFailure({ secondFactor: userId });
  const minutes = await lockedMinutes({ secondFactor: userId });
  return minutes > 0 ? { ok: false, error: 'locked', minutes } : { ok: false, error };
}

/** The first code from the new authenticator confirms it; the answer carries the recovery codes, shown once. */
export async function confirmEnrolment(userId: string, code: string, now = new Date()): Promise<CodeResult> {
  const minutes = await lockedMinutes({ secondFactor: userId });
  if (minutes > 0) return { ok: false, error: 'locked', minutes };
  const factor = await db.staffSecondFactor.findUnique({ where: { userId } });
  if (!factor || factor.confirmedAt) return { ok: false, error: 'notEnrolled' };
  const step = /^\d{6}$/.test(normalised(code)) ? matchingStep(factor.sealedSecret, normalised(code), now) : null;
  if (step === null) return refused(userId, 'wrong');
  if (!(await acceptStep(userId, step, now))) return refused(userId, 'reused');
  const recoveryCodes = Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId, codeHash: hashCode(c) })) }),
    db.accountEvent.create({ data: { userId, actorId: userId, type: 'second_factor_enrolled' } }),
  ]);
  await clearFailures({ secondFactor: userId });
  return { ok: true, stamp: now.getTime(), recoveryCodes };
}

/** A code from the authenticator, or one of the recovery codes (each works once). */
export async function verifySecondFactor(userId: string, code: string, now = new Date()): Promise<CodeResult> {
  const minutes = await lockedMinutes({ secondFactor: userId });
  if (minutes > 0) return { ok: false, error: 'locked', minutes };
  const factor = await db.staffSecondFactor.findUnique({ where: { userId } });
  if (!factor?.confirmedAt) return { ok: false, error: 'notEnrolled' };
  const entered = normalised(code);
  if (/^\d{6}$/.test(entered)) {
    const step = matchingStep(factor.sealedSecret, entered, now);
    if (step === null) return refused(userId, 'wrong');
    if (!(await acceptStep(userId, step, null))) return refused(userId, 'reused');
  } else {
    const used = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashCode(entered), usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) return refused(userId, 'wrong');
    const left = await db.recoveryCode.count({ where: { userId, usedAt: null } });
    await db.accountEvent.create({ data: { userId, actorId: userId, type: 'recovery_code_used', data: { left } } });
  }
  await clearFailures({ secondFactor: userId });
  return { ok: true, stamp: factor.confirmedAt.getTime() };
}

/** The member of staff whose authenticator an administrator may reset: one with a confirmed one; null otherwise. */
export async function findStaffWithSecondFactor(userId: string) {
  return db.user.findFirst({
    where: { id: userId, roles: { some: { role: { in: [...rolesNeedingSecondFactor] } } }, secondFactor: { confirmedAt: { not: null } } },
    select: { name: true, email: true },
  });
}

/**
 * An administrator removes a member of staff's authenticator and recovery codes (a lost phone):
 * every session of theirs ends at once (whoever holds the phone may hold a session too), and they
 * enrol again at the next sign-in.
 */
export async function resetSecondFactor(administratorId: string, userId: string, reason: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const removed = await tx.staffSecondFactor.deleteMany({ where: { userId } });
    if (removed.count === 0) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endAllSessions(userId, 'second_factor_reset', { tx });
    await tx.accountEvent.create({ data: { userId, actorId: administratorId, type: 'second_factor_reset', data: { reason } } });
    return true;
  });
}
