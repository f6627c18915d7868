// The webhook worker: leases due deliveries (SKIP LOCKED, so several workers share the work),
// POSTs each signed to its subscription's address, and records every attempt. A 2xx answer
// delivers it; anything else (or no answer within the timeout) is retried with exponential
// backoff until maxAttempts, then it fails and waits for a replay. A worker killed mid-delivery
// leaves a lease that expires, and the next worker sends the same event again with the same
// webhook-id: delivered at least once, and receivers dedupe by the id (README "Webhooks").
import { query } from '@/lib/db/client';
import { log as processLog, type Logger } from '@/lib/operations/log';
import { startPollLoop, type PollLoop } from '@/lib/operations/poll-loop';
import { webhookHeaders } from './signing';

export interface WebhookWorkerOptions {
  /** How long a claimed delivery stays with one worker: longer than the timeout. */
  leaseMs?: number;
  /** How long a receiver has to answer. */
  timeoutMs?: number;
  batch?: number;
  maxAttempts?: number;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

interface Claimed {
  id: string;
  subscriptionId: string;
  eventId: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
  disabled: boolean;
}

export const webhookMaxAttempts = 10;

/** Backoff after the nth failed attempt: 10 s, 40 s, 2 min 40 s, ... at most 6 hours (about a day in all). */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(10_000 * 4 ** (attempts - 1), 6 * 60 * 60_000);
}

/** Delivers what is due now, one batch; answers how many deliveries it took. */
export async function deliverDueWebhooks(options: WebhookWorkerOptions = {}): Promise<number> {
  const { leaseMs = 60_000, timeoutMs = Math.min(10_000, leaseMs / 2), batch = 20, maxAttempts = webhookMaxAttempts, log = processLog } = options;
  const claimed = await query<Claimed>(
    `with due as (
       select id from "WebhookDelivery"
       where status = 'pending' and "nextAttemptAt" <= now() and ("leasedUntil" is null or "leasedUntil" < now())
       order by "nextAttemptAt", "createdAt" limit $1 for update skip locked
     )
     update "WebhookDelivery" d set "leasedUntil" = now() + make_interval(secs => $2::float8 / 1000), attempts = d.attempts + 1
     from due, "WebhookSubscription" s, "ApiClient" c
     where d.id = due.id and s.id = d."subscriptionId" and c.id = s."clientId"
     returning d.id, d."subscriptionId", d."eventId", d.payload, d.attempts, s.url, s.secret,
       (s."disabledAt" is not null or c."revokedAt" is not null) as disabled`,
    [batch, leaseMs],
  );
  // In the order written within a subscription (a receiver hears "approved" before "issued");
  // subscriptions in parallel, so one slow receiver does not hold back the others.
  const bySubscription = new Map<string, Claimed[]>();
  for (const delivery of claimed) bySubscription.set(delivery.subscriptionId, [...(bySubscription.get(delivery.subscriptionId) ?? []), delivery]);
  await Promise.all(
    [...bySubscription.values()].map(async (deliveries) => {
      for (const delivery of deliveries) await attempt(delivery, { timeoutMs, maxAttempts, log });
    }),
  );
  return claimed.length;
}

async function attempt(delivery: Claimed, { timeoutMs, maxAttempts, log }: { timeoutMs: number; maxAttempts: number; log: Pick<Logger, 'warn'> }): Promise<void> {
  if (delivery.disabled) {
    // Written before the subscription was disabled or its client revoked: not sent after.
    await query(`update "WebhookDelivery" set status = 'failed', "leasedUntil" = null, "lastError" = 'subscription disabled or client revoked' where id = $1`, [delivery.id]);
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'MPWT-e-Services-Webhooks/1', ...webhookHeaders(delivery.secret, delivery.eventId, body) },
      body,
      // A redirect could lead the worker anywhere the subscription's address rules forbid.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (statusCode < 200 || statusCode > 299) error = `answered ${statusCode}`;
  } catch (failure) {
    error = failure instanceof Error && failure.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : describe(failure);
  }
  const durationMs = Date.now() - started;
  const delivered = error === null;
  const gaveUp = !delivered && delivery.attempts >= maxAttempts;
  if (!delivered) log.warn({ deliveryId: delivery.id, attempt: delivery.attempts, statusCode, gaveUp }, 'webhook delivery failed');
  await query(
    `with attempt as (insert into "WebhookAttempt" (id, "deliveryId", "durationMs", "statusCode", error) values (gen_random_uuid(), $1, $2, $3, $4))
     update "WebhookDelivery" set status = $5::text::"WebhookDeliveryStatus", "leasedUntil" = null, "lastStatusCode" = $3, "lastError" = $4,
       "deliveredAt" = case when $5::text = 'delivered' then now() else "deliveredAt" end,
       "nextAttemptAt" = now() + make_interval(secs => $6::float8 / 1000)
     where id = $1`,
    [delivery.id, durationMs, statusCode, error, delivered ? 'delivered' : gaveUp ? 'failed' : 'pending', webhookRetryDelayMs(delivery.attempts)],
  );
}

/** fetch's own message is "fetch failed"; the reason (refused, no such name) is its cause. */
function describe(failure: unknown): string {
  const cause = (failure as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code ?? cause?.message ?? (failure instanceof Error ? failure.message : String(failure))).slice(0, 500);
}

/** Runs until stopped: a batch whenever there is work, a short pause when there is none. */
export function startWebhookWorker(options: WebhookWorkerOptions & { pollMs?: number } = {}): PollLoop {
  const { pollMs = 1_000, log = processLog } = options;
  return startPollLoop(() => deliverDueWebhooks(options), { pollMs, log, failure: 'cannot reach the webhook outbox' });
}
