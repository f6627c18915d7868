// Verifying a delivery from the MPWT e-Services portal (Standard Webhooks, v1 signatures).
// Needs only Node.js's own crypto. Pass the body exactly as received (the raw bytes as a
// string, before any JSON parsing) and the secret shown when you subscribed (whsec_...).
import { createHmac, timingSafeEqual } from 'node:crypto';

const toleranceSeconds = 5 * 60;

export type Verified = { ok: true; id: string } | { ok: false; reason: 'missing-headers' | 'stale-timestamp' | 'bad-signature' };

export function verifyWebhook(
  secret: string,
  headers: { 'webhook-id'?: string; 'webhook-timestamp'?: string; 'webhook-signature'?: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Verified {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'missing-headers' };
  // Refuse a delivery sent more than five minutes ago (a replay) or from the future.
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale-timestamp' };
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  // The header may hold several space-separated signatures; one matching is enough.
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  // Then process the event once per id: a retry or a replay carries the same webhook-id.
  return matches ? { ok: true, id } : { ok: false, reason: 'bad-signature' };
}
