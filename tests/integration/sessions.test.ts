import { expect, test } from 'vitest';
import { changePassword } from '@/lib/auth/change-password';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { resetSecondFactor } from '@/lib/auth/second-factor';
import { createSession, endAllSessions, endSessionRow, endStaffSessionsByAdministrator, findLiveSession, sessionLimits } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { newCitizen, newStaff } from './support/applicants';

const minutesAgo = (minutes: number, from = new Date()) => new Date(from.getTime() - minutes * 60_000);

/** A session whose last request was `idle` minutes ago, as the database would hold it. */
async function idleSession(userId: string, idle: number) {
  const session = await createSession({ userId, kind: 'password' });
  await db.session.update({ where: { id: session.id }, data: { lastSeenAt: minutesAgo(idle) } });
  return session;
}

test('a staff session idle for 31 minutes is refused; a citizen idle as long still works, until 12 hours', async () => {
  const clerk = await newStaff('clerk', 'land-transport');
  const citizen = await newCitizen();
  const staffSession = await idleSession(clerk.id, 31);
  expect(await findLiveSession(staffSession.id)).toBeNull();
  // Marked ended, with why, for the list of sign-ins.
  expect(await db.session.findUniqueOrThrow({ where: { id: staffSession.id } })).toMatchObject({ endReason: 'idle', endedAt: expect.any(Date) });
  expect(await findLiveSession((await idleSession(clerk.id, 29)).id)).not.toBeNull();

  const citizenSession = await idleSession(citizen.id, 31);
  expect(await findLiveSession(citizenSession.id)).toMatchObject({ id: citizenSession.id, userId: citizen.id, kind: 'password' });
  expect(await findLiveSession((await idleSession(citizen.id, sessionLimits.public.idleMinutes + 1)).id)).toBeNull();
});

test('a session ends at its absolute limit however active it is, and a staff one sooner than a citizen one', async () => {
  const citizen = await newCitizen();
  const clerk = await newStaff('clerk', 'land-transport');
  const start = new Date();
  const citizens = await createSession({ userId: citizen.id, kind: 'national_id' }, start);
  const staffs = await createSession({ userId: clerk.id, kind: 'password' }, start);
  expect(citizens.expiresAt.getTime() - start.getTime()).toBe(sessionLimits.public.absoluteHours * 3_600_000);
  expect(staffs.expiresAt.getTime() - start.getTime()).toBe(sessionLimits.staff.absoluteHours * 3_600_000);
  const justBefore = new Date(citizens.expiresAt.getTime() - 1000);
  await db.session.update({ where: { id: citizens.id }, data: { lastSeenAt: minutesAgo(1, justBefore) } });
  expect(await findLiveSession(citizens.id, justBefore)).not.toBeNull();
  expect(await findLiveSession(citizens.id, citizens.expiresAt)).toBeNull();
  expect((await db.session.findUniqueOrThrow({ where: { id: citizens.id } })).endReason).toBe('expired');
});

test('the last-seen time is written at most once a minute', async () => {
  const citizen = await newCitizen();
  const start = new Date();
  const session = await createSession({ userId: citizen.id, kind: 'password' }, start);
  await findLiveSession(session.id, new Date(start.getTime() + 30_000));
  expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(start);
  const later = new Date(start.getTime() + 61_000);
  await findLiveSession(session.id, later);
  expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(later);
});

test('an ended session stays ended; a new one in the same browser ends the one it replaces', async () => {
  const citizen = await newCitizen();
  const first = await createSession({ userId: citizen.id, kind: 'password', clientAddress: '203.0.113.9', userAgent: 'x'.repeat(500) });
  expect(await db.session.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ clientAddress: '203.0.113.9', userAgent: 'x'.repeat(200) });
  const second = await createSession({ userId: citizen.id, kind: 'password', replacing: first.id });
  expect(await findLiveSession(first.id)).toBeNull();
  expect(await findLiveSession(second.id)).not.toBeNull();
  await endSessionRow(second.id, 'signed_out');
  expect(await findLiveSession(second.id)).toBeNull();
  expect(await findLiveSession('00000000-0000-4000-8000-000000000000')).toBeNull();
});

test('a password change ends every session of the person; a wrong current password or a guessable new one changes nothing', async () => {
  const citizen = await newCitizen();
  await db.user.update({ where: { id: citizen.id }, data: { passwordHash: await hashPassword('old password here'), email: `pat-${citizen.id}@example.com` } });
  const sessions = [await createSession({ userId: citizen.id, kind: 'password' }), await createSession({ userId: citizen.id, kind: 'national_id' })];

  expect(await changePassword(citizen.id, { currentPassword: 'not the password', newPassword: 'a brand new password' })).toEqual({ ok: false, error: 'currentWrong' });
  expect(await changePassword(citizen.id, { currentPassword: 'old password here', newPassword: `pat-${citizen.id}!` })).toEqual({ ok: false, error: 'guessable' });
  for (const s of sessions) expect(await findLiveSession(s.id)).not.toBeNull();

  expect(await changePassword(citizen.id, { currentPassword: 'old password here', newPassword: 'a brand new password' })).toEqual({ ok: true });
  for (const s of sessions) expect(await findLiveSession(s.id)).toBeNull();
  const user = await db.user.findUniqueOrThrow({ where: { id: citizen.id } });
  expect(await verifyPassword(user.passwordHash, 'a brand new password')).toBe(true);
  expect(await db.accountEvent.findFirst({ where: { userId: citizen.id, type: 'password_changed' } })).toMatchObject({ actorId: citizen.id, data: { sessionsEnded: 2 } });
});

test("an administrator ends a member of staff's sessions, recorded with the reason; not a citizen's", async () => {
  const admin = await newStaff('administrator', 'land-transport');
  const clerk = await newStaff('clerk', 'land-transport');
  const citizen = await newCitizen();
  const session = await createSession({ userId: clerk.id, kind: 'password' });
  const citizenSession = await createSession({ userId: citizen.id, kind: 'password' });
  expect(await endStaffSessionsByAdministrator(admin.id, citizen.id, 'no')).toBe(false);
  expect(await findLiveSession(citizenSession.id)).not.toBeNull();

  expect(await endStaffSessionsByAdministrator(admin.id, clerk.id, 'Laptop left open')).toBe(true);
  expect(await findLiveSession(session.id)).toBeNull();
  expect(await db.accountEvent.findFirst({ where: { userId: clerk.id, type: 'sessions_ended' } })).toMatchObject({ actorId: admin.id, data: { reason: 'Laptop left open', ended: 1 } });
  expect(await endAllSessions(clerk.id, 'administrator')).toBe(0);
});

test('resetting a second step ends the sessions of its owner', async () => {
  const admin = await newStaff('administrator', 'land-transport');
  const clerk = await newStaff('clerk', 'land-transport');
  await db.staffSecondFactor.create({ data: { userId: clerk.id, sealedSecret: 'unused', confirmedAt: new Date() } });
  const session = await createSession({ userId: clerk.id, kind: 'password', secondFactorAt: new Date() });
  expect(await resetSecondFactor(admin.id, clerk.id, 'Phone lost')).toBe(true);
  expect(await findLiveSession(session.id)).toBeNull();
  expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).endReason).toBe('second_factor_reset');
});
