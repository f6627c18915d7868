// A client's subscriptions and their delivery log: what the API (app/api/v1/webhooks) and the
// owner's screens (components/api/webhook-log.tsx) share. Each function names the client, so a
// subscription or delivery of another client is simply not there. No server-only marker: tests
// and the CLI call it directly.
import { db } from '@/lib/db/client';
import type { ApiClientActor } from '@/lib/policy/policy';
import { decodeCursorValue, encodeCursorValue } from './cursor';
import { receivableEvents, type WebhookEventType } from './events';
import { newWebhookSecret } from './signing';
import { checkWebhookUrl, type UrlRefusal } from './url-rule';

export interface SubscriptionView {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: Date;
  disabledAt: Date | null;
}

const subscriptionFields = { id: true, url: true, events: true, createdAt: true, disabledAt: true } as const;

export type SubscribeResult =
  | { ok: true; subscription: SubscriptionView; secret: string }
  | { ok: false; reason: `url-${UrlRefusal}` | 'events' | 'limit'; events?: WebhookEventType[] };

/** Active subscriptions a client may hold: enough for any system, few enough that no client floods the worker. */
export const subscriptionLimit = 10;

/** Subscribes the client to events its scopes let it receive; the secret is answered once. */
export async function subscribe(client: ApiClientActor, input: { url: string; events: WebhookEventType[] }): Promise<SubscribeResult> {
  const url = checkWebhookUrl(input.url);
  if (!url.ok) return { ok: false, reason: `url-${url.reason}` };
  const receivable = receivableEvents(client);
  const refused = input.events.filter((event) => !receivable.includes(event));
  if (refused.length > 0) return { ok: false, reason: 'events', events: refused };
  if ((await db.webhookSubscription.count({ where: { clientId: client.clientId, disabledAt: null } })) >= subscriptionLimit) return { ok: false, reason: 'limit' };
  const secret = newWebhookSecret();
  const subscription = await db.webhookSubscription.create({
    data: { clientId: client.clientId, url: url.url, events: [...new Set(input.events)], secret },
    select: subscriptionFields,
  });
  return { ok: true, subscription: subscription as SubscriptionView, secret };
}

/** The client's subscriptions, newest first; disabled ones too, with their log. */
export async function subscriptionsOf(clientId: string): Promise<SubscriptionView[]> {
  const rows = await db.webhookSubscription.findMany({ where: { clientId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: subscriptionFields });
  return rows as SubscriptionView[];
}

export async function subscriptionOf(clientId: string, subscriptionId: string): Promise<SubscriptionView | null> {
  if (!isUuid(subscriptionId)) return null;
  return (await db.webhookSubscription.findFirst({ where: { id: subscriptionId, clientId }, select: subscriptionFields })) as SubscriptionView | null;
}

/** Stops a subscription: nothing more is written for it, what is pending fails; its log stays. */
export async function disableSubscription(clientId: string, subscriptionId: string): Promise<boolean> {
  if (!isUuid(subscriptionId)) return false;
  const updated = await db.webhookSubscription.updateMany({ where: { id: subscriptionId, clientId, disabledAt: null }, data: { disabledAt: new Date() } });
  return updated.count === 1 || (await subscriptionOf(clientId, subscriptionId)) !== null;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  createdAt: Date;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  deliveredAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  payload: unknown;
}

/** A page of a subscription's deliveries, newest first; null for a cursor this code did not give. */
export async function deliveriesOf(
  subscriptionId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<{ items: DeliveryView[]; nextCursor: string | null } | null> {
  const after = cursor === undefined ? null : decodeCursorValue(cursor);
  if (cursor !== undefined && after === null) return null;
  const rows = await db.webhookDelivery.findMany({
    where: {
      subscriptionId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit + 1,
    select: { id: true, eventId: true, eventType: true, createdAt: true, status: true, deliveredAt: true, lastStatusCode: true, lastError: true, payload: true, _count: { select: { log: true } } },
  });
  const items = rows.slice(0, limit).map(({ _count, ...row }) => ({ ...row, attempts: _count.log }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursorValue(last) : null };
}

/**
 * Sends a delivery again, as soon as a worker is free, with the same webhook-id (receivers that
 * saw it already ignore it) and a fresh round of attempts. Only on an active subscription.
 */
export async function replayDelivery(clientId: string, subscriptionId: string, deliveryId: string): Promise<boolean> {
  if (!isUuid(subscriptionId) || !isUuid(deliveryId)) return false;
  const updated = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, subscriptionId, subscription: { clientId, disabledAt: null } },
    data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leasedUntil: null },
  });
  return updated.count === 1;
}

const isUuid = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
