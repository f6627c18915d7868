// Session rows: what makes a session end on the server. The cookie (lib/auth/session.ts) carries
// only a row's id; a row that is missing, ended, past its absolute limit or idle too long is no
// session at all. Kept free of next/headers so that the rules are tested against the database.
import { db } from '@/lib/db/client';
import type { Prisma, SessionKind } from '@/lib/db/generated/client';
import type { Role } from '@/lib/db/generated/enums';
import { rolesNeedingSecondFactor } from '@/lib/policy/policy';

/**
 * How long a session lasts. Staff see other people's files: half an hour away from the desk ends
 * theirs. Citizens and investors fill long forms with documents to find, so a long idle time;
 * everyone signs in again at least once a day. The README and the sign-in page state these.
 */
export const sessionLimits = {
  staff: { idleMinutes: 30, absoluteHours: 12 },
  public: { idleMinutes: 12 * 60, absoluteHours: 24 },
} as const;

/** The last-seen time is written at most this often, so that reading pages does not write on every request. */
export const touchIntervalMs = 60_000;

export type SessionEndReason =
  | 'signed_out'
  | 'signed_out_everywhere'
  | 'password_changed'
  | 'password_reset'
  | 'administrator'
  | 'second_factor_reset'
  | 'replaced'
  | 'idle'
  | 'expired';

export function limitsFor(roles: readonly { role: Role }[]) {
  const staff = roles.some((r) => (rolesNeedingSecondFactor as readonly Role[]).includes(r.role));
  return staff ? sessionLimits.staff : sessionLimits.public;
}

export interface LiveSession {
  id: string;
  userId: string;
  kind: SessionKind;
  secondFactorAt: Date | null;
  expiresAt: Date;
}

export interface NewSession {
  userId: string;
  kind: SessionKind;
  secondFactorAt?: Date | null;
  clientAddress?: string | null;
  userAgent?: string | null;
  /** The session this browser held until now (the second factor, a password change, another sign-in): it ends. */
  replacing?: string | null;
}

export async function createSession(input: NewSession, now = new Date()): Promise<LiveSession> {
  const roles = await db.roleAssignment.findMany({ where: { userId: input.userId }, select: { role: true } });
  const expiresAt = new Date(now.getTime() + limitsFor(roles).absoluteHours * 3_600_000);
  return db.$transaction(async (tx) => {
    if (input.replacing) await endSessionRow(input.replacing, 'replaced', { tx, now });
    return tx.session.create({
      data: {
        userId: input.userId,
        kind: input.kind,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        secondFactorAt: input.secondFactorAt ?? null,
        clientAddress: input.clientAddress?.slice(0, 64) || null,
        userAgent: input.userAgent?.slice(0, 200) || null,
      },
      select: { id: true, userId: true, kind: true, secondFactorAt: true, expiresAt: true },
    });
  });
}

/**
 * The session with this id if it may still be used, its last-seen time moved on (at most once a
 * minute). A session found idle or expired is marked ended, so the list of sign-ins says why.
 */
export async function findLiveSession(id: string, now = new Date()): Promise<LiveSession | null> {
  const row = await db.session.findUnique({
    where: { id },
    select: { id: true, userId: true, kind: true, secondFactorAt: true, expiresAt: true, lastSeenAt: true, endedAt: true, user: { select: { roles: { select: { role: true } } } } },
  });
  if (!row || row.endedAt) return null;
  const idleUntil = row.lastSeenAt.getTime() + limitsFor(row.user.roles).idleMinutes * 60_000;
  const ended = row.expiresAt <= now ? 'expired' : idleUntil <= now.getTime() ? 'idle' : null;
  if (ended) {
    await db.session.updateMany({ where: { id, endedAt: null }, data: { endedAt: now, endReason: ended } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= touchIntervalMs) {
    await db.session.updateMany({ where: { id, endedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
  }
  return { id: row.id, userId: row.userId, kind: row.kind, secondFactorAt: row.secondFactorAt, expiresAt: row.expiresAt };
}

type Options = { tx?: Prisma.TransactionClient; now?: Date };

export async function endSessionRow(id: string, reason: SessionEndReason, { tx = db, now = new Date() }: Options = {}): Promise<void> {
  await tx.session.updateMany({ where: { id, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

/** Ends every open session of the person (inside the caller's transaction when given one); answers how many. */
export async function endAllSessions(
  userId: string,
  reason: SessionEndReason,
  { tx = db, now = new Date() }: Options = {},
): Promise<number> {
  const ended = await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return ended.count;
}

/** The member of staff whose sessions an administrator may end, with how many are open; null for anyone else. */
export async function findStaffWithOpenSessions(userId: string) {
  return db.user.findFirst({
    where: { id: userId, roles: { some: { role: { in: [...rolesNeedingSecondFactor] } } } },
    // Open rows, some of which may already be past their limits: "up to" in the text.
    select: { name: true, email: true, _count: { select: { sessions: { where: { endedAt: null } } } } },
  });
}

/**
 * An administrator ends every session of a member of staff (a laptop left open, a phone stolen),
 * with the reason, for the auditors. False when there is no such member of staff.
 */
export async function endStaffSessionsByAdministrator(administratorId: string, userId: string, reason: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const staff = await tx.user.findFirst({ where: { id: userId, roles: { some: { role: { in: [...rolesNeedingSecondFactor] } } } }, select: { id: true } });
    if (!staff) return false;
    const ended = await endAllSessions(userId, 'administrator', { tx });
    await tx.accountEvent.create({ data: { userId, actorId: administratorId, type: 'sessions_ended', data: { reason, ended } } });
    return true;
  });
}
