// Accounts behind the national digital ID. The provider's subject (with its issuer) identifies the
// person; their name, date of birth and ID card number are copied from the verified claims at
// every sign-in and marked verified, and the portal offers no way to edit them.
import 'server-only';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type { VerifiedIdentity } from './national-id';

/** The issuer is part of the key: the same `sub` from another provider is another person. */
export const subjectKey = (issuer: string, subject: string) => `${issuer} ${subject}`;

const verifiedFields = (identity: VerifiedIdentity, now: Date) => ({
  name: identity.name,
  dateOfBirth: identity.dateOfBirth,
  nationalIdNumber: identity.nationalIdNumber,
  nationalIdVerifiedAt: now,
});

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** The name, date of birth and ID card number the account holds, and when the national digital ID last verified them (null: never). */
export function accountIdentity(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, dateOfBirth: true, nationalIdNumber: true, nationalIdVerifiedAt: true } });
}

export type NationalIdAccountResult = { ok: true; userId: string; created: boolean } | { ok: false; error: 'alreadyLinked' | 'disabled' };

/** The account linked to this identity, or a new citizen account made from it. */
export async function signInWithNationalId(issuer: string, identity: VerifiedIdentity, locale: string): Promise<NationalIdAccountResult> {
  const subject = subjectKey(issuer, identity.subject);
  const now = new Date();
  const existing = await db.user.findUnique({ where: { nationalIdSubject: subject }, select: { id: true, status: true } });
  if (existing) {
    if (existing.status !== 'active') return { ok: false, error: 'disabled' };
    await db.user.update({ where: { id: existing.id }, data: verifiedFields(identity, now) });
    return { ok: true, userId: existing.id, created: false };
  }
  try {
    const user = await db.user.create({
      data: {
        ...verifiedFields(identity, now),
        nationalIdSubject: subject,
        locale,
        roles: { create: { role: 'citizen' } },
        accountEvents: { create: { type: 'national_id_account_created', data: { nationalIdNumber: identity.nationalIdNumber } } },
      },
      select: { id: true },
    });
    return { ok: true, userId: user.id, created: true };
  } catch (error) {
    // The ID card number is already another account's (linked through another provider).
    if (isUniqueViolation(error)) return { ok: false, error: 'alreadyLinked' };
    throw error;
  }
}

/** A signed-in account (password) takes on the verified identity, unless another account has it. */
export async function linkNationalId(userId: string, issuer: string, identity: VerifiedIdentity): Promise<{ ok: true } | { ok: false; error: 'alreadyLinked' }> {
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({
        where: { id: userId, nationalIdSubject: null },
        data: { ...verifiedFields(identity, new Date()), nationalIdSubject: subjectKey(issuer, identity.subject) },
      });
      if (updated.count !== 1) throw new AlreadyLinked();
      await tx.accountEvent.create({ data: { userId, actorId: userId, type: 'national_id_linked', data: { nationalIdNumber: identity.nationalIdNumber } } });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof AlreadyLinked || isUniqueViolation(error)) return { ok: false, error: 'alreadyLinked' };
    throw error;
  }
}

class AlreadyLinked extends Error {}
