import { spawn } from 'node:child_process';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { checkAuditHead, publishAuditHead } from '@/lib/audit/audit-heads';
import { db } from '@/lib/db/client';
import { PrismaClient } from '@/lib/db/generated/client';
import { applyMigrations } from '@/lib/db/schema-engine';
import { seedReferenceData } from '../../prisma/seed';

// The command is run for real, against a database of this file's own: breaking its chain on
// purpose must not break the chain other test files verify at the same time.
let url: string;
let own: PrismaClient;
const admin = async <T>(work: (client: pg.Client) => Promise<T>, database = inject('databaseUrl')): Promise<T> => {
  const client = new pg.Client({ connectionString: database, options: '-c TimeZone=UTC' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};
const run = async <Row extends object>(text: string, values: unknown[]) => admin(async (sql) => (await sql.query(text, values)).rows as Row[], url);

beforeAll(async () => {
  const name = `audit_heads_${Date.now().toString(36)}`;
  await admin((sql) => sql.query(`create database "${name}"`));
  const parsed = new URL(inject('databaseUrl'));
  parsed.pathname = `/${name}`;
  url = parsed.toString();
  await applyMigrations(url);
  own = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedReferenceData(own);
}, 120_000);

afterAll(async () => {
  await own?.$disconnect();
  const name = new URL(url).pathname.slice(1);
  await admin((sql) => sql.query(`drop database if exists "${name}" with (force)`));
});

async function addEvents(count: number): Promise<void> {
  const version = await own.serviceVersion.findFirstOrThrow({ select: { id: true, serviceId: true } });
  const user = await own.user.create({ data: { name: 'Audit test' } });
  const application = await own.application.create({ data: { serviceId: version.serviceId, serviceVersionId: version.id, applicantId: user.id } });
  for (let i = 0; i < count; i++) {
    await own.applicationEvent.create({ data: { applicationId: application.id, type: 'note', visibility: 'internal', data: { text: `note ${i}` } } });
  }
}

function verify(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../lib/cli/verify-audit.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** Someone with superuser rights edits events with the triggers off for their session. */
const behindTheTrigger = (statements: [string, unknown[]][]) =>
  admin(async (sql) => {
    await sql.query('begin');
    await sql.query('set local session_replication_role = replica');
    for (const [text, values] of statements) await sql.query(text, values);
    await sql.query('commit');
  }, url);

test('a published head is checked by audit:verify --head; a row changed behind the trigger after it makes the check fail at the first broken link', async () => {
  await addEvents(3);
  const { head } = await publishAuditHead(new Date('2026-03-02T01:00:00Z'), run);
  expect(head).toMatchObject({ day: '2026-03-02', position: 3 });
  await addEvents(2);

  const holds = await verify('--head', head.hash);
  expect(holds.code, holds.err).toBe(0);
  expect(holds.out).toContain(`Head ${head.hash} (3 events, published for 2026-03-02) holds`);
  expect(holds.out).toContain('2 events were added since');

  const [second] = await run<{ id: string; data: unknown }>(`select id::text, data from "ApplicationEvent" where "chainPosition" = 2`, []);
  await behindTheTrigger([[`update "ApplicationEvent" set data = $2 where id = $1`, [second!.id, JSON.stringify({ text: 'nothing happened here' })]]]);
  const broken = await verify('--head', head.hash);
  expect(broken.code).toBe(1);
  expect(broken.err).toContain('is NOT part of the chain any more');
  expect(broken.err).toContain(`BROKEN at position 2 (event ${second!.id}): its content no longer matches its hash`);

  // A careful forger recomputes every hash after the change: the chain verifies again, but the
  // published head names a hash the event at its position no longer has.
  await behindTheTrigger([
    [`update "ApplicationEvent" e set hash = audit_event_hash(e) where "chainPosition" = 2`, []],
    ...[3, 4, 5].flatMap((p): [string, unknown[]][] => [
      [`update "ApplicationEvent" set "prevHash" = (select hash from "ApplicationEvent" where "chainPosition" = $1 - 1) where "chainPosition" = $1`, [p]],
      [`update "ApplicationEvent" e set hash = audit_event_hash(e) where "chainPosition" = $1`, [p]],
    ]),
  ]);
  expect((await verify()).code).toBe(0);
  const rewritten = await verify('--head', head.hash);
  expect(rewritten.code).toBe(1);
  expect(rewritten.err).toContain('the event at position 3 now has hash');
  expect(rewritten.err).toContain('rewritten');
}, 120_000);

test('a head nobody published answers clearly, and a malformed one is refused', async () => {
  const unknown = await verify('--head', 'ab'.repeat(32));
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain(`Unknown head ${'ab'.repeat(32)}: it was never published here and no event in the audit trail has this hash`);
  const malformed = await verify('--head', 'not-a-hash');
  expect(malformed.code).toBe(2);
  expect(malformed.err).toContain('64 hexadecimal characters');
}, 60_000);

test("each day's head is published once, with two workers at once, and never changed", async () => {
  const now = new Date('2019-07-01T00:00:30Z');
  const [first, second] = await Promise.all([publishAuditHead(now), publishAuditHead(now)]);
  expect([first.published, second.published].sort()).toEqual([false, true]);
  expect(first.head).toMatchObject({ day: '2019-07-01', position: second.head.position, hash: second.head.hash });
  expect(await db.auditHead.count({ where: { day: new Date('2019-07-01T00:00:00Z') } })).toBe(1);
  expect(await checkAuditHead(first.head.hash)).toMatchObject({ status: 'holds', position: first.head.position });
  await admin(async (sql) => {
    await expect(sql.query(`update "AuditHead" set hash = $1 where day = '2019-07-01'`, ['0'.repeat(64)])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql.query(`delete from "AuditHead" where day = '2019-07-01'`)).rejects.toThrow(/append-only: DELETE refused/);
  });
});
