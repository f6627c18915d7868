import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { exchangeResetCode, forgotPasswordInput, passwordResetFor, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { createSession, findLiveSession } from '@/lib/auth/sessions';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { limits } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';

const portal = 'https://portal.example';
const oldPassword = 'the old long password';
const newPassword = 'a brand new river song';
const someAddress = () => `198.51.100.${randomUUID()}`;
const randomPhone = () => `+85597${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function account({ verified = true } = {}) {
  const email = `reset-${randomUUID()}@example.com`;
  const phone = randomPhone();
  const proven = verified ? new Date() : null;
  const user = await db.user.create({
    data: { name: 'Reset Citizen', email, phone, emailVerifiedAt: proven, phoneVerifiedAt: proven, passwordHash: await hashPassword(oldPassword), roles: { create: { role: 'citizen' } } },
  });
  return { ...user, email, phone };
}

const ask = (identifier: string, clientAddress = someAddress(), locale = 'en') =>
  requestPasswordReset(forgotPasswordInput.parse({ identifier }).identifier, locale, portal, clientAddress);

/** The messages the outbox holds for an address, with their link or code. */
const outbox = async (address: string) =>
  (await db.notification.findMany({ where: { deliveries: { some: { address } } }, orderBy: { createdAt: 'asc' } })).map((n) => ({
    kind: n.kind,
    ...(n.data as { link?: string; code?: string }),
  }));

const tokenOf = (link: string | undefined) => link!.split('/forgot-password/new/')[1]!;
const signsIn = async (identifier: string, password: string) =>
  (await signInWithPassword(signInInput.parse({ identifier, password }), someAddress())).ok;

test('a link by email works once: the new password signs in, the old does not, and every session has ended', async () => {
  const person = await account();
  const session = await createSession({ userId: person.id, kind: 'password' });
  expect(await ask(person.email.toUpperCase())).toEqual({ limitedMinutes: 0 });
  const [message] = await outbox(person.email);
  expect(message).toMatchObject({ kind: 'password_reset_link', link: expect.stringMatching(`^${portal}/en/forgot-password/new/`) });
  const token = tokenOf(message!.link);
  // Only the token's hash is stored.
  expect(await db.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
  expect(await passwordResetFor(token)).toMatchObject({ userId: person.id, channel: 'email' });

  expect(await resetPassword(token, newPassword)).toEqual({ ok: true });
  expect(await signsIn(person.email, newPassword)).toBe(true);
  expect(await signsIn(person.email, oldPassword)).toBe(false);
  expect(await findLiveSession(session.id)).toBeNull();
  expect(await db.session.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ endReason: 'password_reset' });

  // Single use: the link answers as expired, and changes nothing.
  expect(await passwordResetFor(token)).toBeNull();
  expect(await resetPassword(token, 'yet another long password')).toEqual({ ok: false, error: 'expired' });
  expect(await signsIn(person.email, newPassword)).toBe(true);
});

test('a link works for 30 minutes, not after', async () => {
  const person = await account();
  await ask(person.email);
  const token = tokenOf((await outbox(person.email))[0]!.link);
  const reset = await db.passwordReset.findFirstOrThrow({ where: { userId: person.id } });
  expect(reset.expiresAt.getTime() - reset.createdAt.getTime()).toBeGreaterThan(30 * 60_000 - 5_000);
  expect(reset.expiresAt.getTime() - reset.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 5_000);
  // As if asked 29 minutes ago: still good.
  const ago = (minutes: number) => db.passwordReset.update({ where: { id: reset.id }, data: { expiresAt: new Date(reset.expiresAt.getTime() - minutes * 60_000) } });
  await ago(29);
  expect(await passwordResetFor(token)).not.toBeNull();
  // Asked 30 minutes ago: expired.
  await ago(30);
  expect(await passwordResetFor(token)).toBeNull();
  expect(await resetPassword(token, newPassword)).toEqual({ ok: false, error: 'expired' });
  expect(await signsIn(person.email, oldPassword)).toBe(true);
});

test('a code by SMS is exchanged once for a link; a wrong code is refused, and only the newest code works', async () => {
  const person = await account();
  const local = `0${person.phone.slice(4)}`;
  await ask(local);
  await ask(local);
  const [first, second] = await outbox(person.phone);
  expect(second).toMatchObject({ kind: 'password_reset_code', code: expect.stringMatching(/^\d{6}$/) });
  expect(await db.passwordReset.count({ where: { userId: person.id, codeHash: second!.code } })).toBe(0);
  const address = someAddress();
  const wrong = second!.code === '000000' ? '111111' : '000000';
  expect(await exchangeResetCode(person.phone, wrong, address)).toEqual({ ok: false, error: 'wrong' });
  if (first!.code !== second!.code) expect(await exchangeResetCode(person.phone, first!.code!, address)).toEqual({ ok: false, error: 'wrong' });

  const exchanged = await exchangeResetCode(person.phone, second!.code!, address);
  expect(exchanged).toMatchObject({ ok: true, token: expect.any(String) });
  expect(await exchangeResetCode(person.phone, second!.code!, address)).toEqual({ ok: false, error: 'wrong' });
  expect(await resetPassword((exchanged as { token: string }).token, newPassword)).toEqual({ ok: true });
  expect(await signsIn(local, newPassword)).toBe(true);
});

test('an unknown, unproven or disabled address gets the same answer, and nothing is sent', async () => {
  const known = await account();
  const unproven = await account({ verified: false });
  const disabled = await account();
  await db.user.update({ where: { id: disabled.id }, data: { status: 'disabled' } });
  const unknownEmail = `nobody-${randomUUID()}@example.com`;
  const unknownPhone = randomPhone();

  const answers = await Promise.all([known.email, unknownEmail, unknownPhone, unproven.email, unproven.phone, disabled.email].map((identifier) => ask(identifier)));
  expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ limitedMinutes: 0 })]));
  expect(await outbox(known.email)).toHaveLength(1);
  for (const address of [unknownEmail, unknownPhone, unproven.email, unproven.phone, disabled.email]) expect(await outbox(address)).toEqual([]);
  // A code for an unknown number is just a wrong code.
  expect(await exchangeResetCode(unknownPhone, '123456', someAddress())).toEqual({ ok: false, error: 'wrong' });
});

test('requests are limited per address typed and per client address, whether an account exists or not', async () => {
  const person = await account();
  for (let i = 0; i < limits.passwordReset; i++) expect(await ask(person.email)).toEqual({ limitedMinutes: 0 });
  expect((await ask(person.email)).limitedMinutes).toBeGreaterThan(0);
  expect(await outbox(person.email)).toHaveLength(limits.passwordReset);

  const client = someAddress();
  for (let i = 0; i < limits.passwordResetAddress; i++) expect(await ask(`nobody-${randomUUID()}@example.com`, client)).toEqual({ limitedMinutes: 0 });
  const other = await account();
  expect((await ask(other.email, client)).limitedMinutes).toBeGreaterThan(0);
  expect(await outbox(other.email)).toEqual([]);
});

test('wrong codes lock the number, and five of them void the code', async () => {
  const person = await account();
  await ask(person.phone);
  const code = (await outbox(person.phone))[0]!.code!;
  const wrong = code === '000000' ? '111111' : '000000';
  for (let i = 1; i < limits.wrongCode; i++) expect(await exchangeResetCode(person.phone, wrong, someAddress())).toEqual({ ok: false, error: 'wrong' });
  expect(await exchangeResetCode(person.phone, wrong, someAddress())).toMatchObject({ ok: false, error: 'locked' });
  // Even the right code now waits, and the code itself no longer works.
  expect(await exchangeResetCode(person.phone, code, someAddress())).toMatchObject({ ok: false, error: 'locked' });
  await db.signInThrottle.deleteMany({ where: { key: `wrongCode:${person.phone}` } });
  expect(await exchangeResetCode(person.phone, code, someAddress())).toEqual({ ok: false, error: 'wrong' });
});
