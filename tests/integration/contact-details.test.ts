import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { confirmContactChange, contactAddressInput, contactDetails, requestContactChange } from '@/lib/auth/contact-details';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { notify } from '@/lib/notifications/notify';

const noService = { reference: 'DL-2026-000001', service: { km: 'សេវា', en: 'Service' } };
const randomPhone = () => `+85597${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** Where a notice to the person goes now: one delivery per channel it is sent on. */
async function noticeGoesTo(userId: string) {
  const id = await db.$transaction(async (tx) => {
    await notify(tx, userId, null, 'submitted', noService);
    return (await tx.notification.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' } })).id;
  });
  return (await db.notificationDelivery.findMany({ where: { notificationId: id }, orderBy: { channel: 'asc' } })).map((d) => `${d.channel} ${d.address}`);
}

/** The code the outbox holds for an address. */
const codeSentTo = async (address: string) =>
  ((await db.notification.findFirstOrThrow({ where: { kind: 'contact_code', deliveries: { some: { address } } }, orderBy: { createdAt: 'desc' } })).data as { code: string }).code;

const change = (userId: string, channel: 'email' | 'sms', address: string) =>
  requestContactChange(userId, channel, contactAddressInput(channel).parse({ address }).address, 'en');

test('notices go only to proven addresses', async () => {
  const email = `unproven-${randomUUID()}@example.com`;
  const phone = randomPhone();
  const user = await db.user.create({ data: { name: 'Half proven', email, phone, phoneVerifiedAt: new Date(), roles: { create: { role: 'citizen' } } } });
  expect(await noticeGoesTo(user.id)).toEqual([`sms ${phone}`]);
  await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  expect(await noticeGoesTo(user.id)).toEqual([`email ${email}`, `sms ${phone}`]);
});

test('a changed email address is used only once its code is entered; until then the old one is', async () => {
  const old = `old-${randomUUID()}@example.com`;
  const user = await db.user.create({ data: { name: 'Changer', email: old, emailVerifiedAt: new Date(), roles: { create: { role: 'citizen' } } } });
  const next = `new-${randomUUID()}@example.com`;
  expect(await change(user.id, 'email', next.toUpperCase())).toEqual({ ok: true, sent: true });
  expect(await noticeGoesTo(user.id)).toEqual([`email ${old}`]);
  expect((await contactDetails(user.id)).email).toEqual({ address: old, verified: true, waiting: next });

  const code = await codeSentTo(next);
  expect(await db.contactVerification.count({ where: { codeHash: code } })).toBe(0);
  expect(await confirmContactChange(user.id, 'email', code === '000000' ? '111111' : '000000')).toEqual({ ok: false, error: 'wrong' });
  expect(await confirmContactChange(user.id, 'email', code)).toEqual({ ok: true });
  expect(await noticeGoesTo(user.id)).toEqual([`email ${next}`]);
  expect((await contactDetails(user.id)).email).toEqual({ address: next, verified: true, waiting: null });
  // The code worked once.
  expect(await confirmContactChange(user.id, 'email', code)).toEqual({ ok: false, error: 'wrong' });
});

test('an account made with the national digital ID adds a mobile number, and hears nothing on it until it is confirmed', async () => {
  const user = await db.user.create({ data: { name: 'សុខ ដារ៉ា', nationalIdSubject: `test ${randomUUID()}`, nationalIdVerifiedAt: new Date(), roles: { create: { role: 'citizen' } } } });
  const phone = randomPhone();
  await change(user.id, 'sms', `0${phone.slice(4)}`);
  expect(await noticeGoesTo(user.id)).toEqual([]);
  expect(await confirmContactChange(user.id, 'sms', await codeSentTo(phone))).toEqual({ ok: true });
  expect(await noticeGoesTo(user.id)).toEqual([`sms ${phone}`]);
});

test("another account's address can be asked for, but not confirmed", async () => {
  const taken = `taken-${randomUUID()}@example.com`;
  await db.user.create({ data: { name: 'Owner', email: taken, emailVerifiedAt: new Date(), roles: { create: { role: 'citizen' } } } });
  const user = await db.user.create({ data: { name: 'Other', roles: { create: { role: 'citizen' } } } });
  await change(user.id, 'email', taken);
  expect(await confirmContactChange(user.id, 'email', await codeSentTo(taken))).toEqual({ ok: false, error: 'taken' });
  expect((await contactDetails(user.id)).email).toEqual({ address: null, verified: false, waiting: null });
});

test('an account with a password moves its address only with that password; a wrong one sends nothing', async () => {
  const old = `guarded-${randomUUID()}@example.com`;
  const user = await db.user.create({
    data: { name: 'Guarded', email: old, emailVerifiedAt: new Date(), passwordHash: await hashPassword('river lotus morning'), roles: { create: { role: 'citizen' } } },
  });
  const next = `taken-over-${randomUUID()}@example.com`;
  const ask = (currentPassword?: string) =>
    requestContactChange(user.id, 'email', contactAddressInput('email').parse({ address: next }).address, 'en', currentPassword);
  expect(await ask()).toEqual({ ok: false, error: 'password' });
  expect(await ask('not the password')).toEqual({ ok: false, error: 'password' });
  expect(await db.contactVerification.count({ where: { userId: user.id } })).toBe(0);
  expect(await db.notificationDelivery.count({ where: { address: next } })).toBe(0);
  expect(await ask('river lotus morning')).toEqual({ ok: true, sent: true });
  expect((await contactDetails(user.id)).email).toEqual({ address: old, verified: true, waiting: next });
});

test("the email address's field reads what has no @ as a mistyped email address", () => {
  const answer = contactAddressInput('email').safeParse({ address: 'x' });
  expect(answer.success ? [] : answer.error.issues.map((issue) => issue.message)).toEqual(['errors.identifier.email']);
  expect(contactAddressInput('sms').safeParse({ address: 'x' }).error?.issues.map((issue) => issue.message)).toEqual(['errors.identifier.mobile']);
});
