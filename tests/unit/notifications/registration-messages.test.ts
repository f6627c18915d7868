import { expect, test } from 'vitest';
import { renderNotification } from '@/lib/notifications/messages';

const noService = { reference: '', service: { km: '', en: '' } };

test("the owner of a known address is told someone tried, that nothing changed, and where to sign in, in their language", () => {
  const en = renderNotification('registration_taken', { ...noService, link: 'https://portal.example/en/sign-in' }, { name: 'Sok Dara', locale: 'en' }, 'unused');
  expect(en.subject).toBe('Someone tried to create an account with your address');
  expect(en.text).toContain('You already have an account, so nothing was created');
  expect(en.text).toContain('Sign in: https://portal.example/en/sign-in');
  expect(en.text).not.toContain('See your application');
  const km = renderNotification('registration_taken', { ...noService, link: 'https://portal.example/km/sign-in' }, { name: 'សុខ ដារា', locale: 'km' }, 'unused');
  expect(km.subject).toBe('មាននរណាម្នាក់បានព្យាយាមបង្កើតគណនីដោយប្រើអាសយដ្ឋានរបស់អ្នក');
  expect(km.sms).toContain('https://portal.example/km/sign-in');
});

test('a new address gets the link that finishes the registration, by email and by text message', () => {
  const link = 'https://portal.example/km/register/finish/abc';
  const message = renderNotification('registration_link', { ...noService, link }, { name: 'សុខ ដារា', locale: 'km' }, 'unused');
  expect(message.text).toContain(link);
  expect(message.sms).toContain(link);
  expect(renderNotification('registration_link', { ...noService, link }, { name: 'Sok Dara', locale: 'en' }, 'unused').text).toContain(`Finish creating your account (the link works once, for 24 hours): ${link}`);
});

test('a password reset sends a link by email and a code by text message, each saying it works for 30 minutes', () => {
  const link = 'https://portal.example/en/forgot-password/new/abc';
  const email = renderNotification('password_reset_link', { ...noService, link }, { name: 'Sok Dara', locale: 'en' }, 'unused');
  expect(email.text).toContain(`Choose a new password (the link works once, for 30 minutes): ${link}`);
  expect(email.text).not.toContain('See your application');
  const sms = renderNotification('password_reset_code', { ...noService, code: '042917' }, { name: 'សុខ ដារា', locale: 'km' }, 'unused');
  expect(sms.sms).toContain('042917');
  expect(sms.sms).toContain('៣០ នាទី');
  expect(sms.text).not.toContain('unused');
});
