import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { linkNationalId, signInWithNationalId } from '@/lib/auth/national-id-accounts';
import { db } from '@/lib/db/client';
import { newCitizen } from './support/applicants';

const issuer = 'https://id.example.gov.kh/';
const nineDigits = () => String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
const person = () => ({ subject: randomUUID(), name: 'សុខ ដារ៉ា', dateOfBirth: new Date('1990-04-17T00:00:00Z'), nationalIdNumber: nineDigits() });

test('a first sign-in makes one verified citizen account; the next finds it and refreshes the verified details', async () => {
  const identity = person();
  const first = await signInWithNationalId(issuer, identity, 'km');
  expect(first).toMatchObject({ ok: true, created: true });
  const again = await signInWithNationalId(issuer, { ...identity, name: 'សុខ ដារ៉ា (ប្តូរឈ្មោះ)' }, 'en');
  expect(again).toEqual({ ok: true, userId: first.ok && first.userId, created: false });
  const user = await db.user.findUniqueOrThrow({ where: { nationalIdNumber: identity.nationalIdNumber }, include: { roles: true } });
  expect(user).toMatchObject({ name: 'សុខ ដារ៉ា (ប្តូរឈ្មោះ)', passwordHash: null, locale: 'km' });
  expect(user.nationalIdVerifiedAt).not.toBeNull();
  expect(user.roles.map((r) => r.role)).toEqual(['citizen']);
  expect(await db.accountEvent.count({ where: { userId: user.id, type: 'national_id_account_created' } })).toBe(1);
});

test('the same subject from another issuer is another person, and cannot take an ID number already held', async () => {
  const identity = person();
  await signInWithNationalId(issuer, identity, 'km');
  expect(await signInWithNationalId('https://impostor.example/', identity, 'km')).toEqual({ ok: false, error: 'alreadyLinked' });
  expect(await db.user.count({ where: { nationalIdNumber: identity.nationalIdNumber } })).toBe(1);
});

test('a disabled account linked to the ID does not sign in', async () => {
  const identity = person();
  const made = await signInWithNationalId(issuer, identity, 'km');
  await db.user.update({ where: { id: made.ok ? made.userId : '' }, data: { status: 'disabled' } });
  expect(await signInWithNationalId(issuer, identity, 'km')).toEqual({ ok: false, error: 'disabled' });
});

test('a password account links an ID once; another account cannot link the same ID', async () => {
  const identity = person();
  const citizen = await newCitizen();
  expect(await linkNationalId(citizen.id, issuer, identity)).toEqual({ ok: true });
  const linked = await db.user.findUniqueOrThrow({ where: { id: citizen.id } });
  expect(linked).toMatchObject({ name: identity.name, nationalIdNumber: identity.nationalIdNumber });
  // Signing in with the ID now finds this account.
  expect(await signInWithNationalId(issuer, identity, 'km')).toEqual({ ok: true, userId: citizen.id, created: false });

  const other = await newCitizen();
  expect(await linkNationalId(other.id, issuer, identity)).toEqual({ ok: false, error: 'alreadyLinked' });
  // An account already linked cannot take a second ID either.
  expect(await linkNationalId(citizen.id, issuer, person())).toEqual({ ok: false, error: 'alreadyLinked' });
  expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ nationalIdNumber: null, nationalIdVerifiedAt: null });
  expect(await db.accountEvent.count({ where: { userId: citizen.id, type: 'national_id_linked' } })).toBe(1);
});
