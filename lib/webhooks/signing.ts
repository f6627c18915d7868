// Signing deliveries in the manner of Standard Webhooks (https://www.standardwebhooks.com/):
// HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the subscription's secret,
// sent as "v1,<base64>". Receivers check it with tests/support/webhook-verify.ts (in the README).
import { createHmac, randomBytes } from 'node:crypto';

const secretPrefix = 'whsec_';

/** A new subscription secret: 24 random bytes, base64, with the whsec_ prefix receivers strip. */
export function newWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(24).toString('base64')}`;
}

/** The webhook-signature header of one attempt. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(secretPrefix.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The three headers of one attempt: the id stays across retries and replays, the time is now. */
export function webhookHeaders(secret: string, id: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, id, timestamp, body) };
}
