import { Secret, TOTP } from 'otpauth';
import { expect, test } from 'vitest';
import { confirmEnrolment, enrolmentKey, resetSecondFactor, secondFactorState, verifySecondFactor } from '@/lib/auth/second-factor';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { can, homePath, sessionActor } from '@/lib/policy/policy';
import { newStaff } from './support/applicants';

const codeAt = (key: string, at: Date) => new TOTP({ secret: Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

async function enrolled() {
  const clerk = await newStaff('clerk', 'land-transport');
  const { key } = (await enrolmentKey({ id: clerk.id, email: 'clerk@example.com' }))!;
  const start = new Date();
  const result = await confirmEnrolment(clerk.id, codeAt(key, start), start);
  if (!result.ok) throw new Error(`enrolment refused: ${result.error}`);
  return { clerk, key, start, recoveryCodes: result.recoveryCodes! };
}

test('enrolment keeps one key until it is confirmed by a code from it, and answers with ten recovery codes', async () => {
  const clerk = await newStaff('clerk', 'land-transport');
  expect(await secondFactorState(clerk.id)).toBe('none');
  const first = (await enrolmentKey({ id: clerk.id, email: 'clerk@example.com' }))!;
  // Reloading the page shows the same key, and the QR code says whose it is.
  expect((await enrolmentKey({ id: clerk.id, email: 'clerk@example.com' }))!.key).toBe(first.key);
  expect(first.uri).toMatch(/^otpauth:\/\/totp\/MPWT%20e-Services:clerk%40example\.com\?/);
  // The key is not stored as it is.
  const stored = await db.staffSecondFactor.findUniqueOrThrow({ where: { userId: clerk.id } });
  expect(stored.sealedSecret).not.toContain(first.key);
  expect(await secondFactorState(clerk.id)).toBe('pending');

  const now = new Date();
  expect(await confirmEnrolment(clerk.id, '000000' === codeAt(first.key, now) ? '111111' : '000000', now)).toEqual({ ok: false, error: 'wrong' });
  const confirmed = await confirmEnrolment(clerk.id, codeAt(first.key, now), now);
  expect(confirmed.ok && confirmed.recoveryCodes).toHaveLength(10);
  expect(await secondFactorState(clerk.id)).toBe('confirmed');
  expect(await enrolmentKey({ id: clerk.id, email: null })).toBeNull();
  expect(await db.accountEvent.count({ where: { userId: clerk.id, type: 'second_factor_enrolled' } })).toBe(1);
});

test('a code works once, allows 30 seconds of clock drift either way, and a recovery code works once', async () => {
  const { clerk, key, start, recoveryCodes } = await enrolled();
  // The enrolment code cannot be used again to sign in, nor can the one before it.
  expect(await verifySecondFactor(clerk.id, codeAt(key, start), start)).toEqual({ ok: false, error: 'reused' });
  const next = later(start, 30);
  expect((await verifySecondFactor(clerk.id, codeAt(key, next), later(next, 25))).ok).toBe(true);
  expect(await verifySecondFactor(clerk.id, codeAt(key, next), later(next, 25))).toEqual({ ok: false, error: 'reused' });
  // Two minutes on, an old code is simply wrong.
  expect(await verifySecondFactor(clerk.id, codeAt(key, start), later(start, 120))).toEqual({ ok: false, error: 'wrong' });

  const recovery = recoveryCodes[0]!;
  expect((await verifySecondFactor(clerk.id, ` ${recovery.toLowerCase()} `, later(start, 150))).ok).toBe(true);
  expect(await verifySecondFactor(clerk.id, recovery, later(start, 160))).toEqual({ ok: false, error: 'wrong' });
  expect(await db.accountEvent.findFirst({ where: { userId: clerk.id, type: 'recovery_code_used' }, select: { data: true } })).toEqual({ data: { left: 9 } });
});

test('five wrong codes lock the second factor for a while, even for the right code', async () => {
  const { clerk, key, start } = await enrolled();
  const wrong = (i: number) => String((Number(codeAt(key, later(start, 300))) + 1 + i) % 1_000_000).padStart(6, '0');
  for (let i = 0; i < 4; i++) expect(await verifySecondFactor(clerk.id, wrong(i), later(start, 300))).toEqual({ ok: false, error: 'wrong' });
  expect(await verifySecondFactor(clerk.id, wrong(4), later(start, 300))).toMatchObject({ ok: false, error: 'locked' });
  expect(await verifySecondFactor(clerk.id, codeAt(key, later(start, 300)), later(start, 300))).toMatchObject({ ok: false, error: 'locked' });
});

test('without a second factor in the session, staff roles are absent; an administrator reset is recorded and ends them', async () => {
  const { clerk, key, start } = await enrolled();
  const full = (await findActor(clerk.id))!;
  const halfSignedIn = sessionActor(full, false);
  expect(can(halfSignedIn, 'backoffice.enter')).toBe(false);
  expect(halfSignedIn.roles).toEqual([]);
  expect(homePath(halfSignedIn)).toBe('/two-factor');
  expect(can(sessionActor(full, true), 'backoffice.enter')).toBe(true);
  // Citizens are never asked.
  expect(sessionActor({ ...full, roles: [{ role: 'citizen', departmentId: null }] }, false).secondFactorDue).toBeUndefined();

  const admin = await newStaff('administrator', 'land-transport');
  expect(await resetSecondFactor(admin.id, clerk.id, 'Phone lost')).toBe(true);
  expect(await resetSecondFactor(admin.id, clerk.id, 'Phone lost')).toBe(false);
  expect(await secondFactorState(clerk.id)).toBe('none');
  expect(await verifySecondFactor(clerk.id, codeAt(key, later(start, 60)), later(start, 60))).toEqual({ ok: false, error: 'notEnrolled' });
  expect(await db.accountEvent.findFirst({ where: { userId: clerk.id, type: 'second_factor_reset' }, select: { actorId: true, data: true } })).toEqual({
    actorId: admin.id,
    data: { reason: 'Phone lost' },
  });
  await expect(db.accountEvent.deleteMany({ where: { userId: clerk.id } })).rejects.toThrow(/append-only/);
});
