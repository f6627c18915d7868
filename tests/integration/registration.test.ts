import { randomUUID } from 'node:crypto';
import { beforeEach, expect, test, vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { registerInput } from '@/lib/auth/register';
import { finishRegistration, pendingRegistration, requestRegistration } from '@/lib/auth/registration-link';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';

// Counts the argon2 hashes each path makes: one on either, or timing tells them apart.
vi.mock('@/lib/auth/password', async (original) => {
  const real = await original<typeof import('@/lib/auth/password')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
beforeEach(() => vi.mocked(hashPassword).mockClear());

const portal = 'https://portal.example';
const request = (identifier: string, name = 'សុខ ដារា', password = 'river lotus morning', locale = 'km') =>
  requestRegistration(registerInput.parse({ name, identifier, password }), locale, portal);

/** What the outbox holds for an address: the kind, the recipient's language and the link. */
const outbox = async (address: string) =>
  (await db.notification.findMany({ where: { deliveries: { some: { address } } }, orderBy: { createdAt: 'asc' }, include: { deliveries: true } })).map((n) => ({
    kind: n.kind,
    userId: n.userId,
    channel: n.deliveries[0]!.channel,
    link: (n.data as { link?: string }).link,
  }));

test('a new address gets a one-time link and no account until it is followed; then the account signs in', async () => {
  const email = `new-${randomUUID()}@example.com`;
  await request(email);
  expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(1);
  expect(await db.user.count({ where: { email } })).toBe(0);
  const [message] = await outbox(email);
  expect(message).toMatchObject({ kind: 'registration_link', userId: null, channel: 'email', link: expect.stringMatching(`^${portal}/km/register/finish/`) });
  const token = message!.link!.split('/finish/')[1]!;
  // Only a hash of the token is stored with the registration.
  expect(await db.pendingRegistration.count({ where: { tokenHash: token } })).toBe(0);
  expect(await pendingRegistration(token)).toMatchObject({ name: 'សុខ ដារា', email });

  const finished = await finishRegistration(token);
  expect(finished.ok).toBe(true);
  expect(await signInWithPassword(signInInput.parse({ identifier: email, password: 'river lotus morning' }), `test-${randomUUID()}`)).toMatchObject({ ok: true });
  expect(await finishRegistration(token)).toEqual({ ok: false, error: 'expired' });
  expect(await db.user.count({ where: { email } })).toBe(1);
});

test('an address that has an account: same work, nothing made, and its owner is told in their language', async () => {
  const email = `owner-${randomUUID()}@example.com`;
  const owner = await db.user.create({ data: { name: 'Owner', email, locale: 'en', passwordHash: await hashPassword('the owner password'), roles: { create: { role: 'citizen' } } } });
  vi.mocked(hashPassword).mockClear();
  await request(email.toUpperCase(), 'Someone else', 'another long password', 'km');
  expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(1);
  expect(await db.user.findMany({ where: { email }, select: { id: true, name: true, passwordHash: true } })).toEqual([{ id: owner.id, name: 'Owner', passwordHash: owner.passwordHash }]);
  expect(await db.pendingRegistration.count({ where: { email } })).toBe(0);
  // To the owner's account (so in their language, English), with the sign-in page and no registration link.
  expect(await outbox(email)).toEqual([{ kind: 'registration_taken', userId: owner.id, channel: 'email', link: `${portal}/en/sign-in` }]);
});

test('a mobile number gets its link by text message; an expired link makes nothing', async () => {
  const local = `097${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const phone = `+855${local.slice(1)}`;
  await request(local);
  const [message] = await outbox(phone);
  expect(message).toMatchObject({ kind: 'registration_link', channel: 'sms' });
  const token = message!.link!.split('/finish/')[1]!;
  await db.pendingRegistration.updateMany({ where: { phone }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await finishRegistration(token)).toEqual({ ok: false, error: 'expired' });
  expect(await db.user.count({ where: { phone } })).toBe(0);
});
