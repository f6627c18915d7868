// Fault test of webhook delivery ("Done means" of the API issue): the receiver holds a delivery
// open, the worker (lib/cli/worker.ts, as npm start runs it) is killed with SIGKILL mid-delivery,
// and a new worker is started. The receiver, deduping by webhook-id as the README tells it to,
// ends with each event processed exactly once with a valid signature; an answer of 500 is retried.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PrismaClient } from '@/lib/db/generated/client';
import { seedReferenceData } from '@/prisma/seed';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const projectDir = path.resolve(import.meta.dirname, '../..');
// A lease of six seconds: the killed worker's delivery is taken again soon after it expires.
const leaseMs = 6_000;

let postgres: TestPostgres;
let databaseUrl: string;
let seedDb: PrismaClient;
let receiver: WebhookReceiver;
let logDir: string;
const workers: ChildProcess[] = [];

function startWorker(name: string): ChildProcess {
  const out = openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/worker.ts')], {
    cwd: projectDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: 'http://localhost:3601',
      WORKER_LEASE_MS: String(leaseMs),
      WEBHOOKS_LOOPBACK: '1',
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  workers.push(child);
  return child;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

beforeAll(async () => {
  logDir = await mkdtemp(path.join(tmpdir(), 'portal-webhooks-'));
  postgres = await startTestPostgres();
  databaseUrl = await postgres.createMigratedDatabase('portal_webhooks');
  seedDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(seedDb);
  // The portal's own functions cause the events, on this database (lib/db/client reads it on first use).
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= 'fault-webhooks-secret';
  process.env.WEBHOOKS_LOOPBACK = '1';
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => stop(worker, 'SIGKILL')));
  await receiver?.close();
  const { closeDatabase } = await import('@/lib/db/client');
  await closeDatabase();
  await seedDb?.$disconnect();
  await postgres?.stop();
});

test('a worker killed mid-delivery: after a new worker starts, each event is processed exactly once, signed; a 500 is retried', async () => {
  const { registerApiClient } = await import('@/lib/api/clients');
  const { findApplication } = await import('@/lib/applications/find-application');
  const { db } = await import('@/lib/db/client');
  const { subscribe } = await import('@/lib/webhooks/subscriptions');
  const { perform } = await import('@/lib/workflow/machine');
  const { filedApplication, newStaff } = await import('../integration/support/applicants');
  const { company } = await import('../integration/support/organisations');

  const { owner, organisationId } = await company();
  const institution = { km: 'ក្រុមហ៊ុន សាកល្បង', en: 'Test Co.' };
  const { clientId } = await registerApiClient({ name: 'Company system', institution, scopes: ['applications:read'], organisationId });
  const subscribed = await subscribe({ clientId, institution, organisationId, scopes: ['applications:read'] }, { url: receiver.url, events: ['application.status_changed'] });
  if (!subscribed.ok) throw new Error(subscribed.reason);
  receiver.secret = subscribed.secret;

  // Three status changes: filed, more information asked for, answered.
  const id = await filedApplication(owner, 'construction-permit', organisationId);
  const head = await newStaff('department_head', 'public-works');
  let file = (await findApplication(head, id, 'application.view'))!;
  await perform(head, file, 'requestInfo', { message: 'Send the site plan.' }, file.version);
  file = (await findApplication(owner, id, 'application.view'))!;
  await perform(owner, file, 'resubmit', {}, file.version);
  const events = await db.webhookDelivery.findMany({ where: { subscriptionId: subscribed.subscription.id }, orderBy: { createdAt: 'asc' } });
  expect(events.map((e) => (e.payload as { data: { status: string } }).data.status)).toEqual(['submitted', 'info_requested', 'in_review']);

  // The first delivery is held open; the worker is killed while it waits for the answer.
  receiver.answers.push('hold');
  const first = startWorker('worker1');
  const held = await receiver.nextRequest();
  await stop(first, 'SIGKILL');
  expect(held).toMatchObject({ id: events[0]!.eventId, verified: true });
  expect(receiver.processed).toHaveLength(0);

  // The new worker takes the deliveries once the dead one's lease runs out: the held event again
  // (the receiver dedupes it by webhook-id), then the second answered 500, then the third.
  receiver.answers.push(204, 500);
  startWorker('worker2');
  await eventually(() => receiver.processed.length === 3, 'every event processed', 60_000);
  // A moment more: nothing else arrives.
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  expect(receiver.processed.map((r) => r.id).sort()).toEqual(events.map((e) => e.eventId).sort());
  expect(receiver.processed.every((r) => r.verified)).toBe(true);
  expect(receiver.requests.every((r) => r.verified)).toBe(true);
  const arrivals = (eventId: string) => receiver.requests.filter((r) => r.id === eventId).length;
  // The held one twice (killed, then again); the one answered 500 twice (then retried); the third once.
  expect(events.map((e) => arrivals(e.eventId))).toEqual([2, 2, 1]);
  const rows = await db.webhookDelivery.findMany({ where: { subscriptionId: subscribed.subscription.id }, orderBy: { createdAt: 'asc' }, include: { log: { orderBy: { startedAt: 'asc' } } } });
  expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']);
  // The killed attempt left no record; the 500 did.
  expect(rows.map((r) => r.log.map((a) => a.statusCode))).toEqual([[204], [500, 204], [204]]);
});
