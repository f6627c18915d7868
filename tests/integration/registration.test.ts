import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { registerInput } from '@/lib/auth/register';
import { finishRegistration, pendingRegistration, requestRegistration } from '@/lib/auth/registration-link';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { limits } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';

const portal = 'https://portal.example';
const request = (identifier: string, name = 'សុខ ដារា', password = 'river lotus morning', locale = 'km', address = `203.0.113.7-${randomUUID()}`) =>
  requestRegistration(registerInput.parse({ name, identifier, password }), locale, portal, address);

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
  const owner = await db.user.create({ data: { name: 'Owner', email, emailVerifiedAt: new Date(), locale: 'en', passwordHash: await hashPassword('the owner password'), roles: { create: { role: 'citizen' } } } });
  await request(email.toUpperCase(), 'Someone else', 'another long password', 'km');
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

test('a known address takes as long to answer as a new one (the password is hashed on both paths)', async () => {
  const known = `known-${randomUUID()}@example.com`;
  await db.user.create({ data: { name: 'Owner', email: known, passwordHash: 'x', roles: { create: { role: 'citizen' } } } });
  const time = async (identifier: string) => {
    const started = performance.now();
    await request(identifier);
    return performance.now() - started;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fresh: number[] = [];
  const taken: number[] = [];
  // Interleaved, so that a busy moment of the machine falls on both alike.
  for (let i = 0; i < 5; i++) {
    fresh.push(await time(`new-${randomUUID()}@example.com`));
    taken.push(await time(known));
  }
  // Without the hash on the known path it answers in a small fraction of the new path's time.
  expect(median(taken)).toBeGreaterThan(median(fresh) * 0.6);
  expect(median(fresh)).toBeGreaterThan(median(taken) * 0.6);
});

test(`${limits.registration} registrations an hour from one client address; the next is refused, makes nothing and sends nothing`, { timeout: 120_000 }, async () => {
  const address = `203.0.113.9-${randomUUID()}`;
  for (let i = 0; i < limits.registration; i++) expect(await request(`many-${randomUUID()}@example.com`, undefined, undefined, undefined, address)).toEqual({ limitedMinutes: 0 });
  const email = `limited-${randomUUID()}@example.com`;
  expect(await request(email, undefined, undefined, undefined, address)).toEqual({ limitedMinutes: 60 });
  expect(await db.pendingRegistration.count({ where: { email } })).toBe(0);
  expect(await outbox(email)).toEqual([]);
  // Another address is not held back.
  expect(await request(email)).toEqual({ limitedMinutes: 0 });
});
