// The portal's signing against the verification code the README gives receivers: what a
// receiver accepts and what it refuses (a tampered body or signature, a stale or future time).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { newWebhookSecret, signWebhook, webhookHeaders } from '@/lib/webhooks/signing';
import { verifyWebhook } from '../../support/webhook-verify';

const body = JSON.stringify({ type: 'licence.issued', timestamp: '2026-12-02T10:00:00.000Z', data: { number: 'VRL-2026-000001', service: 'vehicle-registration' } });
const sentAt = new Date('2026-12-02T10:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

test('a delivery signed by the portal is accepted, with the webhook-id to dedupe by', () => {
  const secret = newWebhookSecret();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  const headers = webhookHeaders(secret, 'evt_1', body, sentAt);
  expect(headers).toEqual({ 'webhook-id': 'evt_1', 'webhook-timestamp': String(seconds(sentAt)), 'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/) });
  expect(verifyWebhook(secret, headers, body, seconds(sentAt) + 60)).toEqual({ ok: true, id: 'evt_1' });
});

test('the signature is Standard Webhooks: HMAC-SHA256 over id.timestamp.body, keyed by the base64 after whsec_', () => {
  // The example secret and expected signature of the Standard Webhooks reference libraries.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const signature = signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
  expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
});

test('a tampered body, a tampered signature, another secret or missing headers are refused', () => {
  const secret = newWebhookSecret();
  const headers = webhookHeaders(secret, 'evt_1', body, sentAt);
  const now = seconds(sentAt);
  expect(verifyWebhook(secret, headers, body.replace('000001', '000002'), now)).toEqual({ ok: false, reason: 'bad-signature' });
  const signature = headers['webhook-signature']!;
  const flipped = `v1,${signature.slice(3, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
  expect(verifyWebhook(secret, { ...headers, 'webhook-signature': flipped }, body, now)).toEqual({ ok: false, reason: 'bad-signature' });
  expect(verifyWebhook(secret, { ...headers, 'webhook-id': 'evt_2' }, body, now)).toEqual({ ok: false, reason: 'bad-signature' });
  expect(verifyWebhook(newWebhookSecret(), headers, body, now)).toEqual({ ok: false, reason: 'bad-signature' });
  expect(verifyWebhook(secret, { ...headers, 'webhook-signature': 'v1,short' }, body, now)).toEqual({ ok: false, reason: 'bad-signature' });
  expect(verifyWebhook(secret, { ...headers, 'webhook-timestamp': undefined }, body, now)).toEqual({ ok: false, reason: 'missing-headers' });
  // Several signatures (a secret being rotated): one that matches is enough.
  expect(verifyWebhook(secret, { ...headers, 'webhook-signature': `v1,AAAA ${signature}` }, body, now)).toEqual({ ok: true, id: 'evt_1' });
});

test('a delivery replayed six minutes later, or stamped in the future, is refused', () => {
  const secret = newWebhookSecret();
  const headers = webhookHeaders(secret, 'evt_1', body, sentAt);
  expect(verifyWebhook(secret, headers, body, seconds(sentAt) + 6 * 60)).toEqual({ ok: false, reason: 'stale-timestamp' });
  expect(verifyWebhook(secret, headers, body, seconds(sentAt) - 6 * 60)).toEqual({ ok: false, reason: 'stale-timestamp' });
  expect(verifyWebhook(secret, headers, body, seconds(sentAt) + 5 * 60)).toEqual({ ok: true, id: 'evt_1' });
});

test("the README's verification code is tests/support/webhook-verify.ts, byte for byte", () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /<!-- webhook-verify\.ts -->\n```ts\n([\s\S]*?)```/.exec(readme);
  expect(block, 'README.md has no verification code block after <!-- webhook-verify.ts -->').not.toBeNull();
  expect(block![1]).toBe(readFileSync(path.join(root, 'tests/support/webhook-verify.ts'), 'utf8'));
});
