// Fault test: 20 clients submit 200 applications to the production build while its PostgreSQL is
// restarted in the middle of the run. Every submission a client saw confirmed must exist exactly
// once; every one that failed must have shown a clear "try again" message and succeed when
// retried; no reference number may be skipped or given twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PrismaClient } from '@/lib/db/generated/client';
import { startEmbeddedPostgres, type RunningPostgres } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/schema-engine';
import { seedReferenceData } from '@/prisma/seed';
import { renewalAnswers } from '../support/answers';
import { sessionToken } from '../support/session-cookie';

const projectDir = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(projectDir, '.data', `fault-postgres-${process.pid}`);
const port = 3400;
const baseUrl = `http://localhost:${port}`;
const secret = 'fault-test-secret';
const total = 200;
const clients = 20;

let postgres: RunningPostgres;
let server: ChildProcess;
let db: PrismaClient;
const drafts: { id: string; cookie: string }[] = [];

beforeAll(async () => {
  postgres = await startEmbeddedPostgres({ dataDir, preferredPort: 54700, ephemeral: true });
  await postgres.ensureDatabase('portal');
  const url = postgres.url('portal');
  await applyMigrations(url);
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedReferenceData(db);
  const version = await db.serviceVersion.findFirstOrThrow({ where: { service: { code: 'driving-licence-renewal' } } });
  for (let c = 0; c < clients; c++) {
    const user = await db.user.create({ data: { name: `Citizen ${c}`, email: `fault-${c}-${randomUUID()}@example.com`, roles: { create: { role: 'citizen' } } } });
    const cookie = `next-auth.session-token=${await sessionToken(url, user.id, secret)}`;
    for (let i = 0; i < total / clients; i++) {
      const draft = await db.application.create({
        data: {
          serviceId: version.serviceId,
          serviceVersionId: version.id,
          applicantId: user.id,
          answers: renewalAnswers,
          documents: {
            create: ['current-licence', 'national-id', 'medical-certificate', 'photo'].map((key) => ({
              requirementKey: key, fileName: `${key}.pdf`, contentType: 'application/pdf', sizeBytes: 10,
              sha256: '0'.repeat(64), storageKey: `${randomUUID()}/${key}`, uploadedById: user.id,
            })),
          },
        },
      });
      drafts.push({ id: draft.id, cookie });
    }
  }
  await db.$disconnect();

  server = spawn(process.execPath, [path.join(projectDir, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port)], {
    cwd: projectDir,
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: '1', DATABASE_POOL_SIZE: '10' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${baseUrl}/en`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
}, 180_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  if (server) await new Promise((r) => server.once('exit', r));
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const decode = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const tryAgain = /Try again|try again/;

type Outcome = 'confirmed' | 'try-again' | 'unclear';
const unclearAnswers: string[] = [];
const unclear = (what: string): Outcome => {
  unclearAnswers.push(what.slice(0, 300));
  return 'unclear';
};

/** What a citizen without JavaScript does: open the check page, tick the declaration, submit. */
async function submit(draft: { id: string; cookie: string }): Promise<Outcome> {
  try {
    const page = await fetch(`${baseUrl}/en/applications/${draft.id}/check`, { headers: { cookie: draft.cookie }, redirect: 'manual' });
    const html = await page.text();
    if (page.status === 307 || page.status === 303) return 'confirmed'; // already filed: the page sends them to it
    if (!page.ok) return tryAgain.test(html) ? 'try-again' : unclear(`GET ${page.status} ${html.replace(/<[^>]+>/g, ' ')}`);
    const declaration = html.indexOf('name="declaration"');
    // No form: the page explained that the service is unavailable (or did not, which fails).
    if (declaration < 0) return tryAgain.test(html) ? 'try-again' : unclear(`GET ${page.status} without a form`);
    const form = html.slice(html.lastIndexOf('<form', declaration));
    const body = new FormData();
    for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) body.append(decode(m[1]!), decode(m[2] ?? ''));
    body.append('declaration', 'yes');
    const response = await fetch(`${baseUrl}/en/applications/${draft.id}/check`, { method: 'POST', body, headers: { cookie: draft.cookie }, redirect: 'manual' });
    const answer = await response.text();
    if (response.status === 303 && response.headers.get('location')?.endsWith('/submitted')) return 'confirmed';
    return tryAgain.test(answer) ? 'try-again' : unclear(`POST ${response.status} ${answer.replace(/<[^>]+>/g, ' ')}`);
  } catch (error) {
    return unclear(`network ${(error as Error).message}`);
  }
}

test('submissions during a database restart are each filed exactly once, or fail clearly and succeed on retry', async () => {
  const outcomes = new Map<string, Outcome>();
  let next = 0;
  let restarted = false;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < drafts.length) {
        const draft = drafts[next++]!;
        if (!restarted && next >= total / 3) {
          restarted = true;
          void postgres.restart();
        }
        outcomes.set(draft.id, await submit(draft));
      }
    }),
  );
  const counts = { confirmed: 0, 'try-again': 0, unclear: 0 };
  for (const o of outcomes.values()) counts[o]++;
  console.log(`first pass: ${JSON.stringify(counts)}`, unclearAnswers);
  expect(restarted).toBe(true);
  expect(counts.unclear).toBe(0);
  expect(counts['try-again']).toBeGreaterThan(0); // the restart really hit submissions

  // Everyone who was told to try again does, and succeeds.
  for (const draft of drafts.filter((d) => outcomes.get(d.id) === 'try-again')) {
    let outcome: Outcome = 'try-again';
    for (let attempt = 0; attempt < 5 && outcome !== 'confirmed'; attempt++) {
      outcome = await submit(draft);
      if (outcome !== 'confirmed') await new Promise((r) => setTimeout(r, 500));
    }
    expect(outcome, draft.id).toBe('confirmed');
  }

  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url('portal') }) });
  const filed = await db.application.findMany({ select: { id: true, status: true, reference: true, _count: { select: { events: true, stages: true } } } });
  await db.$disconnect();
  expect(filed.filter((a) => a.status !== 'submitted')).toEqual([]);
  expect(filed.every((a) => a._count.events === 1 && a._count.stages === 1)).toBe(true);
  const numbers = filed.map((a) => Number(a.reference!.slice(-6))).sort((a, b) => a - b);
  expect(new Set(numbers).size).toBe(total);
  expect(numbers[0]).toBe(1);
  expect(numbers.at(-1)).toBe(total); // none skipped
}, 300_000);
