import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createCitizen, registerInput } from '@/lib/auth/register';
import { hashPassword } from '@/lib/auth/password';
import { findActor } from '@/lib/auth/session';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { limits } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';

const password = 'river lotus morning';
const uniqueEmail = () => `citizen-${randomUUID()}@example.com`;
const uniqueAddress = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

async function register(identifier: string) {
  const input = registerInput.parse({ name: 'សុខ ដារា', identifier, password });
  return createCitizen({ name: input.name, ...input.identifier, passwordHash: await hashPassword(input.password), locale: 'km' });
}

const signIn = (identifier: string, pass: string, address = uniqueAddress()) =>
  signInWithPassword(signInInput.parse({ identifier, password: pass }), address);

describe('registration', () => {
  test('creates a citizen whose password is stored as an argon2id hash', async () => {
    const email = uniqueEmail();
    const result = await register(email);
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(password);
    expect(user.roles.map((r) => r.role)).toEqual(['citizen']);
  });

  test('a second registration with the same email address, in any letter case, is refused', async () => {
    const email = uniqueEmail();
    await register(email);
    expect(await register(email.toUpperCase())).toEqual({ ok: false, error: 'taken' });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  test('two registrations at the same moment with the same mobile number create one account', async () => {
    const phone = `012${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const results = await Promise.all([register(phone), register(phone.replace(/^0/, '+855'))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { phone: `+855${phone.slice(1)}` } })).toBe(1);
  });

});

describe('signing in', () => {
  test('with the right password, by email or by mobile number', async () => {
    const email = uniqueEmail();
    const registered = await register(email);
    expect(await signIn(email, password)).toEqual({ ok: true, userId: registered.ok && registered.userId });
  });

  test('a wrong password and an unknown account answer the same', async () => {
    const email = uniqueEmail();
    await register(email);
    expect(await signIn(email, 'not the password')).toEqual({ ok: false, error: 'failed' });
    expect(await signIn(uniqueEmail(), 'not the password')).toEqual({ ok: false, error: 'failed' });
  });

  test(`after ${limits.account} wrong passwords the account is locked, even for the right one`, async () => {
    const email = uniqueEmail();
    await register(email);
    const results = [];
    for (let i = 0; i < limits.account; i++) results.push(await signIn(email, `wrong ${i}`));
    expect(results.slice(0, -1).every((r) => !r.ok && r.error === 'failed')).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, error: 'locked', minutes: 15 });
    expect(await signIn(email, password)).toEqual({ ok: false, error: 'locked', minutes: 15 });
  }, 60_000);

  test('each failure is answered more slowly than the one before', async () => {
    const email = uniqueEmail();
    await register(email);
    const timings = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await signIn(email, 'wrong');
      timings.push(performance.now() - start);
    }
    expect(timings[2]!).toBeGreaterThan(timings[0]! + 400);
  }, 30_000);

  test('a disabled account cannot sign in and its session no longer resolves to a user', async () => {
    const email = uniqueEmail();
    const registered = await register(email);
    if (!registered.ok) throw new Error('registration failed');
    expect(await findActor(registered.userId)).not.toBeNull();
    await db.user.update({ where: { id: registered.userId }, data: { status: 'disabled' } });
    expect(await signIn(email, password)).toEqual({ ok: false, error: 'failed' });
    expect(await findActor(registered.userId)).toBeNull();
  });
});
