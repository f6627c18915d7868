// Webhooks over real HTTP against the production build: a loopback receiver subscribed through
// the API gets each event exactly once with a valid signature after real actions cause them;
// what a client may not subscribe to, see or replay; the owner's screen and its Replay button.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { registerApiClient } from '@/lib/api/clients';
import { findApplication } from '@/lib/applications/find-application';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import type { ApiScope } from '@/lib/policy/policy';
import { startWebhookWorker } from '@/lib/webhooks/worker';
import { perform } from '@/lib/workflow/machine';
import { filedApplication, newStaff } from '../integration/support/applicants';
import { company } from '../integration/support/organisations';
import { PortalApi } from '../support/api-client';
import { formWith, signInOverHttp } from '../support/sign-in-over-http';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { baseUrl, configuredUrl } from './support/expect-answer';

let receiver: WebhookReceiver;
let worker: { stop(): Promise<void> };
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // The worker's loop as lib/cli/worker.ts runs it, on the served database.
  worker = startWebhookWorker({ pollMs: 200, log: quiet });
});
afterAll(async () => {
  await worker.stop();
  await receiver.close();
});

/** The fields these tests read of the answers (subscription, page of deliveries, problem). */
interface WebhookAnswer {
  id: string;
  secret: string;
  createdAt: string;
  detail: string;
  nextCursor: string | null;
  items: { id: string; eventId: string; disabledAt: string | null; payload: { data: unknown } }[];
}

/** A registered client speaking to /api/v1/webhooks with its bearer token, as an outside system would. */
async function webhookClient(scopes: ApiScope[], organisationId: string | null) {
  const { clientId, secret } = await registerApiClient({ name: 'Webhook system', institution: { km: 'ក្រុមហ៊ុន', en: 'A company' }, scopes, organisationId });
  const token = await PortalApi.requestToken(baseUrl, { id: clientId, secret });
  if (token.status !== 200) throw new Error('no token');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token.token.access_token}`, 'Accept-Language': 'en', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as WebhookAnswer) : null };
  };
  return { clientId, call };
}

async function ownerOf() {
  const { owner, organisationId } = await company();
  const user = await db.user.update({ where: { id: owner.id }, data: { passwordHash: await hashPassword('owner test password') } });
  return { owner, organisationId, cookie: () => signInOverHttp(baseUrl, user.email!, 'owner test password') };
}

test("a company's system subscribes through the API and gets each status change of its applications exactly once, signed", async () => {
  const { owner, organisationId } = await ownerOf();
  const system = await webhookClient(['applications:read'], organisationId);

  // What the client may not subscribe to, and addresses the portal will not post to.
  const refused = await system.call('POST', '/webhooks', { url: receiver.url, events: ['application.status_changed', 'payment.received'] });
  expect(refused).toMatchObject({ status: 400, body: { type: `${configuredUrl}/api/v1/problems/invalid-parameter`, invalidParams: [{ name: 'events' }] } });
  expect(refused.body!.detail).toContain('payment.received');
  expect(refused.headers.get('content-type')).toBe('application/problem+json');
  expect(await system.call('POST', '/webhooks', { url: 'http://systems.example.com/hooks', events: ['application.status_changed'] })).toMatchObject({ status: 400, body: { invalidParams: [{ name: 'url' }], detail: expect.stringContaining('https') } });
  expect(await system.call('POST', '/webhooks', { url: 'https://169.254.169.254/latest', events: ['application.status_changed'] })).toMatchObject({ status: 400, body: { invalidParams: [{ name: 'url' }] } });
  expect(await system.call('POST', '/webhooks', { url: receiver.url, events: ['anything.else'] })).toMatchObject({ status: 400, body: { invalidParams: [{ name: 'events' }] } });
  expect(await system.call('POST', '/webhooks', '{not json')).toMatchObject({ status: 400, body: { type: `${configuredUrl}/api/v1/problems/invalid-parameter` } });
  expect(await system.call('GET', '/webhooks')).toMatchObject({ status: 200, body: { items: [] } });

  const created = await system.call('POST', '/webhooks', { url: receiver.url, events: ['application.status_changed'] });
  expect(created).toMatchObject({ status: 201, body: { url: receiver.url, events: ['application.status_changed'], disabledAt: null, secret: expect.stringMatching(/^whsec_/) } });
  expect(created.headers.get('ratelimit-policy')).toBe('"per-client";q=300;w=60');
  receiver.secret = created.body!.secret;
  // The secret is shown that once.
  const listed = await system.call('GET', '/webhooks');
  expect(listed.body!.items).toEqual([{ id: created.body!.id, url: receiver.url, events: ['application.status_changed'], createdAt: created.body!.createdAt, disabledAt: null }]);

  // Real actions: filed by the company's owner, moved on and approved by the department.
  const id = await filedApplication(owner, 'construction-permit', organisationId);
  const head = await newStaff('department_head', 'public-works');
  let file = (await findApplication(head, id, 'application.view'))!;
  await perform(head, file, 'requestInfo', { message: 'Send the site plan.' }, file.version);
  const { reference } = await db.application.findUniqueOrThrow({ where: { id }, select: { reference: true } });
  const expected = [
    { reference, status: 'submitted', previousStatus: 'draft' },
    { reference, status: 'info_requested', previousStatus: 'submitted' },
  ];
  await eventually(() => receiver.processed.length >= expected.length, 'both events delivered');
  // A moment more: nothing else arrives.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(receiver.requests.map((r) => [r.payload.type, r.payload.data, r.verified])).toEqual(expected.map((data) => ['application.status_changed', data, true]));
  expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(2);

  const log = await system.call('GET', `/webhooks/${created.body!.id}/deliveries?limit=1`);
  expect(log).toMatchObject({ status: 200, body: { items: [{ eventType: 'application.status_changed', status: 'delivered', attempts: 1, lastStatusCode: 204, payload: { data: expected[1] } }], nextCursor: expect.any(String) } });
  const older = await system.call('GET', `/webhooks/${created.body!.id}/deliveries?limit=1&cursor=${log.body!.nextCursor}`);
  expect(older.body!.items.map((d) => d.payload.data)).toEqual([expected[0]]);
  expect(older.body!.nextCursor).toBeNull();
  expect((await system.call('GET', `/webhooks/${created.body!.id}/deliveries?cursor=forged`)).status).toBe(400);

  // Another company's client: the subscription and its deliveries are not there for it.
  const stranger = await webhookClient(['applications:read'], (await company()).organisationId);
  const [newest] = log.body!.items;
  expect((await stranger.call('GET', `/webhooks/${created.body!.id}/deliveries`)).status).toBe(404);
  expect((await stranger.call('POST', `/webhooks/${created.body!.id}/deliveries/${newest!.id}/replay`)).status).toBe(404);
  expect((await stranger.call('DELETE', `/webhooks/${created.body!.id}`)).status).toBe(404);

  // A replay sends the same event again, with the same webhook-id: the receiver ignores it.
  expect((await system.call('POST', `/webhooks/${created.body!.id}/deliveries/${newest!.id}/replay`)).status).toBe(202);
  await eventually(() => receiver.requests.length === 3, 'the replay');
  expect(receiver.requests[2]).toMatchObject({ id: newest!.eventId, verified: true });
  expect(receiver.processed).toHaveLength(2);

  expect((await system.call('DELETE', `/webhooks/${created.body!.id}`)).status).toBe(204);
  file = (await findApplication(head, id, 'application.view'))!;
  await perform(head, file, 'addNote', { text: 'A note changes no status.' }, file.version);
  expect((await system.call('GET', '/webhooks')).body!.items[0]!.disabledAt).toEqual(expect.any(String));
});

test("the owner's screen lists the log and replays; another company's owner gets not found, and a forged delivery changes nothing", async () => {
  const { owner, organisationId, cookie } = await ownerOf();
  const system = await webhookClient(['applications:read'], organisationId);
  const created = await system.call('POST', '/webhooks', { url: 'https://systems.example.com/hooks', events: ['application.status_changed'] });
  await filedApplication(owner, 'construction-permit', organisationId);
  const page = `${baseUrl}/en/organisations/${organisationId}/api-clients/${system.clientId}/webhooks`;

  const ownerCookie = await cookie();
  const shown = await fetch(page, { headers: { cookie: ownerCookie } });
  expect(shown.status).toBe(200);
  const html = await shown.text();
  expect(html).toContain('https://systems.example.com/hooks');
  expect(html).toContain('application.status_changed');
  const replay = formWith(html, 'deliveryId', page);
  const deliveryId = replay.get('deliveryId') as string;
  // The worker is paused while the refused posts are checked: its own attempts change the row too.
  await worker.stop();
  const before = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });

  // Another company's owner: the page and the button's post answer not found; nothing changes.
  const otherCookie = await (await ownerOf()).cookie();
  expect((await fetch(page, { headers: { cookie: otherCookie } })).status).toBe(404);
  expect((await fetch(page, { method: 'POST', body: replay, headers: { cookie: otherCookie }, redirect: 'manual' })).status).toBe(404);
  // The owner naming a delivery of another client's: not found.
  const forged = formWith(html, 'deliveryId', page);
  forged.set('deliveryId', crypto.randomUUID());
  expect((await fetch(page, { method: 'POST', body: forged, headers: { cookie: ownerCookie }, redirect: 'manual' })).status).toBe(404);
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toEqual(before);
  worker = startWebhookWorker({ pollMs: 200, log: quiet });

  // The owner's replay: the worker tries it again at once, not at the end of its backoff.
  const attempts = () => db.webhookAttempt.count({ where: { deliveryId } });
  const attemptsBefore = await attempts();
  const done = await fetch(page, { method: 'POST', body: replay, headers: { cookie: ownerCookie }, redirect: 'manual' });
  expect(done.status).toBe(303);
  expect(done.headers.get('location')).toContain('done=replayed');
  await eventually(async () => (await attempts()) > attemptsBefore, 'the replayed attempt', 5_000);
  expect(created.status).toBe(201);
});
