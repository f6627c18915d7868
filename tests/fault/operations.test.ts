// One production instance as an operator runs it behind a proxy (lib/cli/app-server.ts on the
// tests' build, its own PostgreSQL): liveness and readiness across a database outage, request ids
// on answers and log lines, the metrics a scraper reads, and a graceful stop on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { PrismaClient } from '@/lib/db/generated/client';
import { startEmbeddedPostgres, type RunningPostgres } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/schema-engine';
import { seedReferenceData } from '@/prisma/seed';
import { formWith } from '../support/sign-in-over-http';
import { productionSecrets, requireTestBuild, testBuildEnv } from '../support/test-build';

const projectDir = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(projectDir, '.data', `fault-operations-${process.pid}`);
const port = 3410;
const baseUrl = `http://localhost:${port}`;
const metricsToken = 'scraper-token-for-the-operations-test';
// Requests from this loopback address come "through the proxy"; others are clients.
const proxyAddress = '127.0.0.2';
const password = 'operations test password';

let postgres: RunningPostgres;
let server: ChildProcess;
let exited: Promise<number | null>;
let db: PrismaClient;
let documentsDir: string;
const logLines: Record<string, unknown>[] = [];
const otherOutput: string[] = [];
let citizenEmail = '';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request on a connection of its own (no keep-alive), from `localAddress`. */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${pathname}`, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const metricsText = async () => (await request('/api/metrics', { headers: { authorization: `Bearer ${metricsToken}` } })).body;

/** The value of one sample (`name{labels}`) in a scrape, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((label) => have.includes(label))) return Number(match[3]);
  }
  return undefined;
}

/** The sign-in form filled in with a wrong password, as a browser without JavaScript posts it. */
async function wrongPasswordForm(): Promise<{ body: string; contentType: string }> {
  const page = await request('/en/sign-in');
  const form = formWith(page.body, 'identifier', '/en/sign-in');
  form.append('identifier', citizenEmail);
  form.append('password', 'not the password');
  const encoded = new Response(form);
  return { body: await encoded.text(), contentType: encoded.headers.get('content-type')! };
}

const post = ({ body, contentType }: { body: string; contentType: string }) =>
  request('/en/sign-in', { method: 'POST', body, headers: { 'content-type': contentType } });
const failedSignIn = async () => post(await wrongPasswordForm());

beforeAll(async () => {
  requireTestBuild();
  postgres = await startEmbeddedPostgres({ dataDir, preferredPort: 54720, ephemeral: true });
  await postgres.ensureDatabase('portal');
  const url = postgres.url('portal');
  await applyMigrations(url);
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedReferenceData(db);
  citizenEmail = `ops-${randomUUID()}@example.com`;
  await db.user.create({ data: { name: 'Ops Citizen', email: citizenEmail, passwordHash: await hashPassword(password), roles: { create: { role: 'citizen' } } } });
  documentsDir = await mkdtemp(path.join(tmpdir(), 'portal-documents-'));

  server = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/app-server.ts'), '--port', String(port)], {
    cwd: projectDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      ...testBuildEnv,
      ...productionSecrets(),
      DATABASE_URL: url,
      NEXTAUTH_SECRET: 'operations-test-secret-of-the-portal',
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      TRUSTED_PROXIES: proxyAddress,
      METRICS_TOKEN: metricsToken,
      DOCUMENT_STORAGE_DIR: documentsDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  exited = new Promise((resolve) => server.once('exit', resolve));
  let pending = '';
  server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      try {
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        otherOutput.push(line);
      }
    }
  });
  for (let i = 0; i < 240; i++) {
    if (await request('/api/health').then((r) => r.status === 200, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
}, 180_000);

afterAll(async () => {
  if (server?.exitCode === null) {
    server.kill('SIGKILL');
    await exited;
  }
  await db?.$disconnect();
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
  if (documentsDir) await rm(documentsDir, { recursive: true, force: true });
});

describe('health and readiness', () => {
  test('both answer 200, uncached, with a request id', async () => {
    const health = await request('/api/health');
    expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);
    const ready = await request('/api/ready');
    expect([ready.status, JSON.parse(ready.body)]).toEqual([200, { status: 'ready', checks: { database: 'ok', migrations: 'ok', documents: 'ok' } }]);
    for (const answer of [health, ready]) {
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-request-id']).toMatch(/^[0-9A-Z]{12}$/);
    }
  });

  test('while the database is stopped, ready answers 503 naming it and health stays 200; after, ready is 200 again', async () => {
    await postgres.pause();
    try {
      const ready = await request('/api/ready');
      expect([ready.status, JSON.parse(ready.body)]).toEqual([503, { status: 'not ready', checks: { database: 'failed', documents: 'ok' } }]);
      expect((await request('/api/health')).status).toBe(200);
      // A page that cannot read the database fails: its error page gets the request's id and the
      // error's digest, the reference a citizen quotes; the log line of the error carries both.
      const page = await request('/en/services');
      const requestId = page.headers['x-request-id'] as string;
      expect(page.status).toBe(500);
      expect(page.body).toContain(`\\"requestId\\":\\"${requestId}\\"`);
      const digest = /\\"digest\\":\\"(\d+)\\"/.exec(page.body)?.[1];
      expect(digest).toBeDefined();
      await expect.poll(() => logLines.find((line) => line.requestId === requestId && (line.err as { digest?: string } | undefined)?.digest === digest)).toMatchObject({ level: 'error' });
    } finally {
      await postgres.resume();
    }
    await expect.poll(async () => (await request('/api/ready')).status, { timeout: 20_000 }).toBe(200);
  });
});

describe('request ids', () => {
  test("a trusted proxy's id is kept and carried by the request's log lines; a client's own is replaced", async () => {
    const proxyId = '0f9a3c1e2b7d4a5f8e6c0b1a2d3e4f5a';
    const viaProxy = await request('/api/payments/callback', { method: 'POST', body: '{}', localAddress: proxyAddress, headers: { 'x-request-id': proxyId } });
    expect(viaProxy.headers['x-request-id']).toBe(proxyId);
    await expect.poll(() => logLines.find((line) => line.requestId === proxyId)).toMatchObject({ level: 'warn', msg: 'payment confirmation refused: bad or missing signature' });

    const direct = await request('/api/health', { headers: { 'x-request-id': 'chosen-by-the-client' } });
    expect(direct.headers['x-request-id']).not.toBe('chosen-by-the-client');
  });

  test('everything the instance writes to its output is a JSON log line, with no password', () => {
    expect(otherOutput).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logLines)).not.toContain(password);
  });
});

describe('metrics', () => {
  test('are not there without the token', async () => {
    expect((await request('/api/metrics')).status).toBe(404);
    expect((await request('/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(404);
  });

  test('count requests by route, the connection pool, failed sign-ins, the outbox and the queues', async () => {
    const version = await db.serviceVersion.findFirstOrThrow({ where: { service: { code: 'driving-licence-renewal' } }, include: { service: true } });
    const department = await db.department.findUniqueOrThrow({ where: { id: version.service.departmentId } });
    await request('/api/health');
    const before = await metricsText();
    expect(sample(before, 'portal_http_request_duration_seconds_count', { method: 'GET', route: '/api/health', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'portal_database_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'portal_metrics_database_up')).toBe(1);
    expect(sample(before, 'portal_queue_files', { department: department.code })).toBe(0);

    // A failed sign-in, a message waiting two minutes, and an overdue file in Land Transport.
    expect((await failedSignIn()).body).toContain('The email address, mobile number or password is not right');
    const user = await db.user.findFirstOrThrow({ where: { email: citizenEmail } });
    await db.notification.create({
      data: { userId: user.id, kind: 'submitted', deliveries: { create: { channel: 'email', address: citizenEmail, createdAt: new Date(Date.now() - 120_000) } } },
    });
    await db.application.create({
      data: {
        serviceId: version.serviceId, serviceVersionId: version.id, applicantId: user.id, status: 'submitted',
        currentDepartmentId: version.service.departmentId, stageDueAt: new Date(Date.now() - 86_400_000), submittedAt: new Date(),
      },
    });

    const after = await metricsText();
    expect(sample(after, 'portal_sign_in_failures_total', { outcome: 'failed' })).toBe((sample(before, 'portal_sign_in_failures_total', { outcome: 'failed' }) ?? 0) + 1);
    expect(sample(after, 'portal_http_request_duration_seconds_count', { method: 'GET', route: '/[locale]/sign-in', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'portal_outbox_pending_deliveries', { channel: 'email' })).toBe(1);
    expect(sample(after, 'portal_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(120);
    expect(sample(after, 'portal_queue_files', { department: department.code })).toBe(1);
    expect(sample(after, 'portal_queue_overdue_files', { department: department.code })).toBe(1);
    expect(sample(after, 'portal_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

test('on SIGTERM the instance finishes the request in flight, refuses new connections and exits 0', async () => {
  // A sign-in after failed ones is answered slowly on purpose (lib/auth/throttle.ts): 2 s for the fourth.
  for (let i = 0; i < 2; i++) await failedSignIn();
  const inFlight = post(await wrongPasswordForm());
  await new Promise((r) => setTimeout(r, 300));
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  await expect(request('/api/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  const answer = await inFlight;
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('The email address, mobile number or password is not right');
  expect(await exited).toBe(0);
  expect(logLines.map((line) => line.msg)).toContain('every request finished; exiting');
}, 60_000);
