// A production build served on a fresh, seeded database, for benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { seedDemoAccounts, seedReferenceData } from '../../prisma/seed';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';

const projectDir = path.resolve(import.meta.dirname, '../..');
export const benchSecret = 'benchmark-secret';

export interface Served {
  baseUrl: string;
  databaseUrl: string;
  db: PrismaClient;
  stop(): Promise<void>;
}

export async function serveBuild(port = 3200): Promise<Served> {
  const postgres: TestPostgres = await startTestPostgres();
  const databaseUrl = await postgres.createMigratedDatabase('portal_bench');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(db);
  await seedDemoAccounts(db);
  const baseUrl = `http://localhost:${port}`;
  // As npm start serves it (lib/cli/app-server.ts), so that figures include what it adds.
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/app-server.ts'), '--port', String(port)], {
    cwd: projectDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: benchSecret, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/km`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    databaseUrl,
    db,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await db.$disconnect();
      await postgres.stop();
    },
  };
}

export const timedRounds = 100;

/** Server time of a page for a signed-in person: median and p95 of sequential requests, after 5 to warm up. */
export async function timePage(url: string, cookie: string, rounds = timedRounds): Promise<{ medianMs: number; p95Ms: number; bytes: number }> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200 || !body.includes('<table')) throw new Error(`${url} answered ${response.status} without a table`);
    return { ms: performance.now() - start, bytes: body.length };
  };
  for (let i = 0; i < 5; i++) await once();
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await once());
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(rounds / 2)]!, p95Ms: sorted[Math.floor(rounds * 0.95)]!, bytes: runs[0]!.bytes };
}
