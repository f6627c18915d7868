// A production build served on a fresh, seeded database, for benchmarks.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { demoAuthenticatorKey, demoPassword, seedDemoAccounts, seedReferenceData } from '../../prisma/seed';
import { signInOverHttp } from '../support/sign-in-over-http';
import { productionSecrets, requireTestBuild, testBuildEnv } from '../support/test-build';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';
import { size } from './size';

const projectDir = path.resolve(import.meta.dirname, '../..');
export const benchSecret = 'benchmark-secret-of-the-portal-tests';

export interface Served {
  baseUrl: string;
  databaseUrl: string;
  db: PrismaClient;
  stop(): Promise<void>;
}

export async function serveBuild(port = Number(process.env.BENCH_PORT ?? 3200)): Promise<Served> {
  requireTestBuild();
  const postgres: TestPostgres = await startTestPostgres();
  const databaseUrl = await postgres.createMigratedDatabase('portal_bench');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(db);
  // With the server's secret: demo staff are enrolled with the demo authenticator key.
  await seedDemoAccounts(db, benchSecret);
  const baseUrl = `http://localhost:${port}`;
  // As npm start serves it (lib/cli/app-server.ts), so that figures include what it adds.
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/app-server.ts'), '--port', String(port)], {
    cwd: projectDir,
    env: { ...process.env, ...testBuildEnv, ...productionSecrets(), DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: benchSecret, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  const exited = new Promise<never>((_, reject) => server.once('exit', (code) => reject(new Error(`The portal stopped (exit ${code}) before it answered`))));
  exited.catch(() => {});
  const answering = async () => {
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${baseUrl}/km`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`The portal did not answer on ${baseUrl} within 60 s`);
  };
  await Promise.race([answering(), exited]);
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

/**
 * The lean server (/api/track and /api/v1) as npm start runs it beside the build, on the same
 * database and public address (README, "Production").
 */
export async function startLeanServer(served: Pick<Served, 'databaseUrl' | 'baseUrl'>, port: number): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const child = fork(path.join(projectDir, 'lib/cli/lookup-server.ts'), {
    cwd: projectDir,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: served.databaseUrl, NEXTAUTH_URL: served.baseUrl, LOOKUP_PORT: String(port), LOOKUP_HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`The lean server stopped (exit ${code}) before it answered`))));
  exited.catch(() => {});
  await Promise.race([new Promise((resolve) => child.once('message', resolve)), exited]);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export const timedRounds = size.rounds;

/**
 * The Cookie header of a demo account (or any account with the demo password) signed in through
 * the portal's own forms; staff pass the second factor with the demo authenticator key.
 */
export const signInAs = (served: Served, identifier: string) =>
  signInOverHttp(served.baseUrl, identifier, demoPassword, { authenticatorKey: demoAuthenticatorKey });

/**
 * Server time of a page for a signed-in person: median and p95 of sequential requests, after a
 * few to warm up. Each answer must show `mustShow` (by default a table), so that an error page is
 * not timed.
 */
export async function timePage(
  url: string,
  cookie: string,
  { rounds = timedRounds, mustShow = '<table' } = {},
): Promise<{ medianMs: number; p95Ms: number; bytes: number }> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(mustShow)) throw new Error(`${url} answered ${response.status} without ${mustShow}`);
    return { ms: performance.now() - start, bytes: body.length };
  };
  for (let i = 0; i < size.warmUp; i++) await once();
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await once());
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(rounds / 2)]!, p95Ms: sorted[Math.floor(rounds * 0.95)]!, bytes: runs[0]!.bytes };
}
