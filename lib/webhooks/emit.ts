// Writing webhook events: in the transaction of the change that causes them (the outbox), so an
// event is never told of a change that rolled back, nor lost for one that committed. One row per
// subscription whose client may read the record; the worker (./worker.ts) delivers them.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/db/generated/client';
import { clientCan, type ApiScope } from '@/lib/policy/policy';
import { webhookEvents, type WebhookEventData, type WebhookEventType, type WebhookPayload } from './events';

export async function emitWebhookEvent<T extends WebhookEventType>(
  tx: Prisma.TransactionClient,
  type: T,
  record: { organisationId: string | null },
  data: WebhookEventData[T],
  now = new Date(),
): Promise<void> {
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { disabledAt: null, events: { has: type }, client: { revokedAt: null } },
    select: { id: true, client: { select: { id: true, organisationId: true, scopes: true } } },
  });
  const told = subscriptions.filter(({ client }) =>
    clientCan({ clientId: client.id, institution: { km: '', en: '' }, organisationId: client.organisationId, scopes: client.scopes as ApiScope[] }, webhookEvents[type].action, record),
  );
  if (told.length === 0) return;
  // One id for the event: every subscription's delivery of it carries the same webhook-id.
  const eventId = `evt_${randomUUID()}`;
  const payload: WebhookPayload<T> = { type, timestamp: now.toISOString(), data };
  await tx.webhookDelivery.createMany({
    data: told.map((subscription) => ({ subscriptionId: subscription.id, eventId, eventType: type, payload: payload as unknown as Prisma.InputJsonObject })),
    skipDuplicates: true,
  });
}
