// Payment confirmations are signed: HMAC-SHA256 of the raw request body with a secret shared
// with the bank's notification service (PAYMENT_CALLBACK_SECRET), in the X-Signature header as
// "sha256=<hex>". The demo keeps a random secret in .data/payment-callback-secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function callbackSecret(): string {
  if (process.env.PAYMENT_CALLBACK_SECRET) return process.env.PAYMENT_CALLBACK_SECRET;
  const file = path.join(process.cwd(), '.data', 'payment-callback-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

export function signBody(body: string, secret = callbackSecret()): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function signatureHolds(body: string, header: string | null, secret = callbackSecret()): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
