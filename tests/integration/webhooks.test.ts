// Webhook events on a real database: written in the transaction of the change, only to clients
// that may read the record, delivered signed by the worker, retried after a failure, and the
// owner's and the client's limits on what they may see and replay.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { registerApiClient } from '@/lib/api/clients';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import { billFor, confirmPayment } from '@/lib/payments/payments';
import { signBody } from '@/lib/payments/signing';
import type { ApiClientActor, ApiScope } from '@/lib/policy/policy';
import { actAsOwner } from '@/lib/webhooks/owner';
import { deliveriesOf, replayDelivery, subscribe } from '@/lib/webhooks/subscriptions';
import { deliverDueWebhooks } from '@/lib/webhooks/worker';
import { perform } from '@/lib/workflow/machine';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { filedApplication, issuedVehicle, newCitizen, newStaff } from './support/applicants';
import { company } from './support/organisations';

const institution = { km: 'ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ', en: 'Ministry of Economy and Finance' };
const quiet = { info() {}, warn() {}, error() {} };
let receiver: WebhookReceiver;

beforeAll(async () => {
  process.env.WEBHOOKS_LOOPBACK = '1';
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

async function client(scopes: ApiScope[], organisationId: string | null = null): Promise<ApiClientActor> {
  const { clientId } = await registerApiClient({ name: 'Webhook test', institution, scopes, organisationId });
  return { clientId, institution, organisationId, scopes };
}

/** Subscribes and hands the receiver the secret (one receiver, one subscription at a time here). */
async function subscribed(actor: ApiClientActor, events: Parameters<typeof subscribe>[1]['events']) {
  const result = await subscribe(actor, { url: receiver.url, events });
  if (!result.ok) throw new Error(`subscribe refused: ${result.reason}`);
  receiver.secret = result.secret;
  return result.subscription;
}

test("a company's client hears of its own applications' status changes once each, signed; another company's client and institutions hear nothing", async () => {
  const { owner, organisationId } = await company();
  const own = await client(['applications:read'], organisationId);
  const other = await client(['applications:read'], (await company()).organisationId);
  const subscription = await subscribed(own, ['application.status_changed']);
  const otherSubscription = await subscribe(other, { url: 'https://other.example.com/hooks', events: ['application.status_changed'] });
  // An institution's client does not read application files, so it may not subscribe to them.
  expect(await subscribe(await client(['applications:read', 'licences:read']), { url: receiver.url, events: ['application.status_changed', 'licence.issued'] })).toEqual({
    ok: false,
    reason: 'events',
    events: ['application.status_changed'],
  });

  const id = await filedApplication(owner, 'construction-permit', organisationId);
  const { reference } = await db.application.findUniqueOrThrow({ where: { id }, select: { reference: true } });
  // A citizen's own application is nobody's company's: no delivery for it.
  await filedApplication(await newCitizen());

  const rows = await db.webhookDelivery.findMany({ where: { subscriptionId: subscription.id } });
  expect(rows).toEqual([expect.objectContaining({ eventType: 'application.status_changed', status: 'pending', payload: expect.objectContaining({ data: { reference, status: 'submitted', previousStatus: 'draft' } }) })]);
  expect(otherSubscription.ok && (await db.webhookDelivery.count({ where: { subscriptionId: otherSubscription.subscription.id } }))).toBe(0);

  await deliverDueWebhooks({ log: quiet, batch: 100 });
  expect(receiver.processed.map((r) => [r.payload.type, r.payload.data, r.verified, r.id])).toEqual([['application.status_changed', { reference, status: 'submitted', previousStatus: 'draft' }, true, rows[0]!.eventId]]);
  // Nothing of a person's: identifiers and status only.
  expect(receiver.processed[0]!.body).not.toContain(owner.name);
  expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe('delivered');
  // Delivered means done: the worker sends nothing more.
  expect(await deliverDueWebhooks({ log: quiet, batch: 100 })).toBe(0);
  expect(receiver.requests).toHaveLength(1);
});

test('a step that rolls back writes no event; issuing and revoking a licence tell licence readers, and a 500 is retried', async () => {
  receiver.requests.length = 0;
  receiver.processed.length = 0;
  const police = await client(['licences:read']);
  const subscription = await subscribed(police, ['licence.issued', 'licence.revoked']);
  const { id, head, licence } = await issuedVehicle();
  const mine = async () => (await db.webhookDelivery.findMany({ where: { subscriptionId: subscription.id }, orderBy: { createdAt: 'asc' } })).filter((d) => (d.payload as { data: { number: string } }).data.number === licence.number);
  expect((await mine()).map((d) => d.eventType)).toEqual(['licence.issued']);

  // A revocation from a stale page is refused: its transaction, and its event, roll back.
  const file = (await findApplication(head, id, 'application.view'))!;
  await expect(perform(head, file, 'revokeLicence', { reason: 'Stale.' }, file.version - 1)).rejects.toThrow();
  expect(await mine()).toHaveLength(1);
  await perform(head, file, 'revokeLicence', { reason: 'Forged papers.' }, file.version);
  const written = await mine();
  expect(written.map((d) => [d.eventType, d.payload])).toEqual([
    ['licence.issued', expect.objectContaining({ data: { number: licence.number, service: 'vehicle-registration' } })],
    ['licence.revoked', expect.objectContaining({ data: { number: licence.number, service: 'vehicle-registration' } })],
  ]);

  // Other tests' licences may be in the outbox too: only this licence's deliveries are counted.
  receiver.answers.push(500);
  await deliverDueWebhooks({ log: quiet, batch: 100 });
  let rows = await mine();
  expect(rows.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([['pending', 1, 500], ['delivered', 1, 204]]);
  expect(rows[0]!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(5_000);
  // Ten seconds on: the retry goes out, with the same webhook-id.
  await db.webhookDelivery.update({ where: { id: rows[0]!.id }, data: { nextAttemptAt: new Date() } });
  await deliverDueWebhooks({ log: quiet, batch: 100 });
  rows = await mine();
  expect(rows.map((d) => d.status)).toEqual(['delivered', 'delivered']);
  const issuedRequests = receiver.requests.filter((r) => r.id === rows[0]!.eventId);
  expect(issuedRequests).toHaveLength(2);
  expect(issuedRequests.every((r) => r.verified)).toBe(true);
  expect(receiver.processed.filter((r) => r.id === rows[0]!.eventId)).toHaveLength(1);
  expect(await db.webhookAttempt.count({ where: { deliveryId: rows[0]!.id } })).toBe(2);
});

test('a payment received tells payment readers the receipt, not the payer', async () => {
  const finance = await client(['payments:read']);
  const subscription = await subscribed(finance, ['payment.received']);
  const id = await filedApplication(await newCitizen());
  const application = await db.application.findUniqueOrThrow({ where: { id } });
  const bill = (await billFor(application))!;
  const body = JSON.stringify({ billNumber: bill.billNumber, md5: bill.md5, amountRiel: bill.amountRiel, currency: 'KHR', transactionId: `TX-${crypto.randomUUID()}`, paidAt: new Date().toISOString() });
  expect(await confirmPayment(body, signBody(body))).toEqual({ status: 200, outcome: 'paid' });
  // The bank's replay of the same confirmation is a duplicate: no second event.
  await confirmPayment(body, signBody(body));
  const { receiptNumber } = await db.payment.findUniqueOrThrow({ where: { id: bill.id } });
  const rows = (await db.webhookDelivery.findMany({ where: { subscriptionId: subscription.id } })).filter((d) => (d.payload as { data: { reference: string } }).data.reference === application.reference);
  expect(rows.map((d) => (d.payload as { data: unknown }).data)).toEqual([{ receiptNumber, reference: application.reference, amountRiel: bill.amountRiel, paidAt: expect.any(String) }]);
});

test("a client sees and replays only its own deliveries; the owner's screen acts only for a client the person manages", async () => {
  const { owner, organisationId } = await company();
  const own = await client(['applications:read'], organisationId);
  const subscription = await subscribed(own, ['application.status_changed']);
  await filedApplication(owner, 'construction-permit', organisationId);
  const [delivery] = (await deliveriesOf(subscription.id, { limit: 10 }))!.items;
  const stranger = await client(['applications:read'], (await company()).organisationId);
  expect(await replayDelivery(stranger.clientId, subscription.id, delivery!.id)).toBe(false);
  expect(await replayDelivery(own.clientId, subscription.id, 'not-an-id')).toBe(false);

  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };
  const replay = form({ subscriptionId: subscription.id, deliveryId: delivery!.id });
  // Another company's owner, a clerk, and the right owner naming another company: not found, nothing changed.
  const otherOwner = (await company()).owner;
  expect(await actAsOwner(otherOwner, 'replay', own.clientId, replay)).toBe(false);
  expect(await actAsOwner(await newStaff('clerk', 'land-transport'), 'replay', own.clientId, replay)).toBe(false);
  expect(await actAsOwner(owner, 'replay', own.clientId, replay, (await company()).organisationId)).toBe(false);
  expect(await actAsOwner(owner, 'replay', own.clientId, form({ subscriptionId: subscription.id, deliveryId: crypto.randomUUID() }), organisationId)).toBe(false);
  // The company's owner replays, then disables: nothing more is written for the subscription.
  expect(await actAsOwner(owner, 'replay', own.clientId, replay, organisationId)).toBe(true);
  expect(await actAsOwner(owner, 'disable', own.clientId, form({ subscriptionId: subscription.id }), organisationId)).toBe(true);
  await filedApplication(owner, 'construction-permit', organisationId);
  expect(await db.webhookDelivery.count({ where: { subscriptionId: subscription.id } })).toBe(1);
  expect(await replayDelivery(own.clientId, subscription.id, delivery!.id)).toBe(false);
});

test('what was written before a client is revoked is not sent after', async () => {
  const { revokeApiClient } = await import('@/lib/api/clients');
  const { owner, organisationId } = await company();
  const own = await client(['applications:read'], organisationId);
  const subscription = await subscribed(own, ['application.status_changed']);
  await filedApplication(owner, 'construction-permit', organisationId);
  await revokeApiClient(own.clientId);
  await deliverDueWebhooks({ log: quiet, batch: 100 });
  const rows = await db.webhookDelivery.findMany({ where: { subscriptionId: subscription.id }, select: { status: true, eventId: true } });
  expect(rows.map((row) => row.status)).toEqual(['failed']);
  expect(receiver.requests.filter((r) => r.id === rows[0]!.eventId)).toEqual([]);
});

test('a client holds at most ten active subscriptions; deleting one makes room', async () => {
  const { disableSubscription } = await import('@/lib/webhooks/subscriptions');
  const police = await client(['licences:read']);
  const made = [];
  for (let i = 0; i < 10; i++) made.push(await subscribe(police, { url: `https://systems.example.com/hooks/${i}`, events: ['licence.issued'] }));
  expect(made.every((m) => m.ok)).toBe(true);
  expect(await subscribe(police, { url: 'https://systems.example.com/hooks/10', events: ['licence.issued'] })).toEqual({ ok: false, reason: 'limit' });
  expect(await disableSubscription(police.clientId, made[0]!.ok ? made[0]!.subscription.id : '')).toBe(true);
  expect(await subscribe(police, { url: 'https://systems.example.com/hooks/10', events: ['licence.issued'] })).toMatchObject({ ok: true });
});
