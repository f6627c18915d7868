// `npm start`: the whole portal on one command. With no DATABASE_URL it runs its own
// PostgreSQL (demo mode, with demo accounts); then it migrates, seeds, builds if the build is
// missing or older than the code, and serves on PORT (3000). Ctrl-C or SIGTERM stops the app
// and then the database cleanly.
// `npm run cluster` (CLUSTER=1): APP_INSTANCES app servers (2) and WORKERS workers (2) behind
// HAProxy on PORT; an instance or worker that dies is started again, and SIGHUP restarts the
// instances one at a time while the others answer (README, "Production").
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { EmbeddedPostgresError } from '../db/embedded-postgres';
import { PrismaClient } from '../db/generated/client';
import { openAppDatabase, projectDir } from '../db/local-database';
import { applyMigrations } from '../db/schema-engine';
import { haproxyConfig } from '../operations/haproxy';
import { buildActionsKey, configurationProblems, isDemoStart } from '../operations/configuration';
import { printDemoAccounts, seedDemoAccounts, seedReferenceData } from '../../prisma/seed';
import { seedDemoApplications } from '../../prisma/demo-applications';

const log = (line: string) => console.log(`[portal] ${line}`);
const nextBin = path.join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestSourceChange(): number {
  let newest = 0;
  // The generated Prisma client is rewritten on every start; the schema it comes from is not.
  const generated = path.join(projectDir, 'lib', 'db', 'generated');
  const visit = (target: string) => {
    if (target === generated) return;
    const info = statSync(target);
    if (info.isDirectory()) {
      for (const entry of readdirSync(target)) visit(path.join(target, entry));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const entry of ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs']) {
    const target = path.join(projectDir, entry);
    if (existsSync(target)) visit(target);
  }
  return newest;
}

// The folder next.config.ts builds into and serves from (the tests use their own).
const distDir = path.join(projectDir, process.env.NEXT_DIST_DIR || '.next');

function buildIsCurrent(): boolean {
  const buildId = path.join(distDir, 'BUILD_ID');
  // A build made without the configured server-actions key (or with another) is built again.
  const actionsKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (actionsKey && buildActionsKey(distDir) !== actionsKey) return false;
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceChange();
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd: projectDir, env, stdio: 'inherit' });
}

/** One of lib/cli's own processes, in TypeScript through tsx. */
function runScript(file: string, env: NodeJS.ProcessEnv, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib', 'cli', file), ...args], { cwd: projectDir, env, stdio: 'inherit' });
}

// The pids of the servers this command started, one a line: a run killed hard (SIGKILL) leaves
// them running and holding their ports, and the next run stops them.
const pidFile = path.join(projectDir, '.data', 'app.pid');
const proxyConfigFile = path.join(projectDir, '.data', 'cluster', 'haproxy.cfg');

/** A server this command keeps running: started again when it dies in cluster mode. */
interface Slot {
  name: string;
  start: () => ChildProcess;
  child?: ChildProcess;
  /** Set while a rolling restart stops it on purpose. */
  restarting?: boolean;
  /** Resolves once it answers (app instances: their health check). */
  answering?: () => Promise<void>;
}

const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${process.env[name]}".`);
  return value;
};

async function untilHealthy(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within a minute`);
}

function stopLeftoverServers(): void {
  if (!existsSync(pidFile)) return;
  for (const pid of readFileSync(pidFile, 'utf8').split('\n').map(Number)) {
    try {
      const command = pid > 0 ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
      if (command.includes('next') || command.includes('lib/cli/') || command.includes(proxyConfigFile)) {
        log(`Stopping a portal server (pid ${pid}) left running by an earlier run that was killed.`);
        process.kill(pid, 'SIGTERM');
      }
    } catch {
      // gone already
    }
  }
  rmSync(pidFile, { force: true });
}

/** Demo mode keeps one random session secret in .data so that sign-ins survive restarts. */
async function demoSecret(): Promise<string> {
  const file = path.join(projectDir, '.data', 'nextauth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const demo = isDemoStart(process.env);
  const port = process.env.PORT ?? '3000';
  if (!demo) {
    // Before the database or a build: every process this starts would refuse anyway.
    const problems = [...new Set([...configurationProblems(process.env, 'app'), ...configurationProblems(process.env, 'worker')])];
    if (problems.length) {
      console.error(`[portal] Cannot start in production; set these (README, "Operations"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exit(1);
    }
  }
  const secret = process.env.NEXTAUTH_SECRET ?? (await demoSecret());

  stopLeftoverServers();
  const database = await openAppDatabase(log);
  const stopDatabase = async () => {
    if (database.embedded) {
      await database.embedded.stop();
      log('The embedded PostgreSQL has stopped.');
    }
  };
  try {
    log(database.embedded ? `Embedded PostgreSQL on 127.0.0.1:${database.embedded.port} (data in .data/postgres).` : 'Using DATABASE_URL.');
    const applied = await applyMigrations(database.url);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    await seedReferenceData(db);
    if (demo) await seedDemoAccounts(db, secret);
    await db.$disconnect();
    if (demo) await seedDemoApplications(database.url);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // The demo has no bank: the sandbox bank confirms payments (README). DEMO=1 tells the
    // servers that their secrets are the demo's own (lib/operations/configuration.ts).
    ...(demo ? { PAYMENT_SANDBOX: process.env.PAYMENT_SANDBOX ?? '1', DEMO: '1' } : {}),
  };
  // Nor a national digital ID: a demo provider on loopback stands in, unless one is configured.
  const demoIdentity = demo && !process.env.NATIONAL_ID_ISSUER;
  const identityPort = process.env.IDENTITY_PROVIDER_PORT ?? String(Number(port) + 2);
  if (demoIdentity) {
    Object.assign(env, {
      NATIONAL_ID_ISSUER: `http://127.0.0.1:${identityPort}`,
      NATIONAL_ID_CLIENT_ID: 'mpwt-portal-demo',
      NATIONAL_ID_CLIENT_SECRET: randomBytes(24).toString('base64url'),
      IDENTITY_PROVIDER_PORT: identityPort,
    });
  }

  // The build, then the servers: whatever runs now is stopped first on the way out.
  const children = new Set<ChildProcess>();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      [...children].filter((c) => c.exitCode === null).map((c) => {
        c.kill('SIGTERM');
        return new Promise((resolve) => c.once('exit', resolve));
      }),
    );
    rmSync(pidFile, { force: true });
    await stopDatabase();
    process.exit(code);
  };
  // embedded-postgres stops its server and exits on these signals by itself, racing the
  // servers' own shutdown; ours stops the servers first, then the database. SIGHUP (the
  // terminal closed) stops a single portal too; a cluster takes it as "restart" (below).
  const clustered = process.env.CLUSTER === '1';
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  if (!clustered) process.on('SIGHUP', () => void shutdown(0));
  const slots: Slot[] = [];
  const writePids = () => writeFileSync(pidFile, slots.flatMap((slot) => (slot.child?.pid ? [slot.child.pid] : [])).join('\n'));
  const supervise = (slot: Slot) => {
    const child = slot.start();
    slot.child = child;
    children.add(child);
    writePids();
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (stopping || slot.restarting) return;
      // One process of a cluster dying must not take the others down: start it again.
      if (clustered) {
        log(`${slot.name} stopped (${signal ?? `exit ${code}`}); starting it again.`);
        setTimeout(() => !stopping && supervise(slot), 1_000);
      } else void shutdown(code ?? 0);
    });
  };
  const keep = (slot: Slot) => {
    slots.push(slot);
    supervise(slot);
  };

  if (!buildIsCurrent()) {
    log('Building the portal (first start, or the code changed) ...');
    const build = run(['build'], env);
    children.add(build);
    const code = await new Promise<number>((resolve) => build.once('exit', (c) => resolve(c ?? 1)));
    children.delete(build);
    if (code !== 0 || stopping) return shutdown(code);
  }

  const lookupPort = process.env.LOOKUP_PORT ?? String(Number(port) + 1);
  // What other systems poll (/api/track and /api/v1) on a lean server beside Next.js: the proxy
  // sends it there in a cluster; a single portal's own routes answer the same (README, "Production").
  // In a cluster it is behind HAProxy too: it believes the proxy's X-Forwarded-For, as the instances do.
  const behindProxy = clustered ? { TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? '127.0.0.1' } : {};
  keep({ name: 'The lean server', start: () => runScript('lookup-server.ts', { ...env, ...behindProxy, LOOKUP_PORT: lookupPort }) });
  if (demoIdentity) keep({ name: 'The demo identity provider', start: () => runScript('identity-provider.ts', env) });
  const workers = clustered ? positive('WORKERS', 2) : 1;
  // The notification workers: they send what the outbox holds, sharing it by row locks.
  for (let i = 1; i <= workers; i++) keep({ name: `Worker ${i}`, start: () => runScript('worker.ts', env) });

  if (!clustered) {
    // The build, as `next start` serves it, but knowing each client's address (app-server.ts).
    keep({ name: 'The app server', start: () => runScript('app-server.ts', env, ['--port', port]) });
    log(`The portal is at ${env.NEXTAUTH_URL}`);
    if (demo) printDemoAccounts(log);
    return;
  }

  const instances = positive('APP_INSTANCES', 2);
  const firstAppPort = Number(process.env.APP_FIRST_PORT ?? Number(port) + 10);
  const apps = Array.from({ length: instances }, (_, i) => ({ host: '127.0.0.1', port: firstAppPort + i }));
  // The instances believe the proxy's X-Forwarded-For and X-Request-Id (lib/auth/client-address.ts).
  const appEnv = { ...env, ...behindProxy };
  const appSlots = apps.map(
    (app, i): Slot => ({
      name: `App instance ${i + 1} (port ${app.port})`,
      start: () => runScript('app-server.ts', appEnv, ['--port', String(app.port), '--hostname', app.host]),
      answering: () => untilHealthy(`http://${app.host}:${app.port}/api/health`),
    }),
  );
  for (const slot of appSlots) keep(slot);
  await Promise.all(appSlots.map((slot) => slot.answering!()));

  await mkdir(path.dirname(proxyConfigFile), { recursive: true });
  await writeFile(proxyConfigFile, haproxyConfig({ listen: { host: '::', port: Number(port) }, apps, lookup: { host: '127.0.0.1', port: Number(lookupPort) } }));
  keep({
    name: 'HAProxy',
    // -db: in the foreground, its output here; -W: master-worker, so SIGUSR2 reloads it.
    start: () => spawn('haproxy', ['-W', '-db', '-f', proxyConfigFile], { stdio: 'inherit' }).once('error', () => {
      log('HAProxy is not installed: apt-get install haproxy (README, "Production").');
      void shutdown(1);
    }),
  });

  // A rolling restart (after an upgrade's build): each instance stops taking requests, finishes
  // those in flight and exits; the proxy sends new ones to the others; the next instance is
  // restarted only once this one answers again. Then the workers, one at a time.
  let rolling = false;
  process.on('SIGHUP', () => {
    if (rolling || stopping) return;
    rolling = true;
    void (async () => {
      for (const slot of [...appSlots, ...slots.filter((s) => s.name.startsWith('Worker'))]) {
        if (stopping) break;
        log(`Restarting ${slot.name} ...`);
        slot.restarting = true;
        const exited = new Promise((resolve) => slot.child?.once('exit', resolve));
        slot.child?.kill('SIGTERM');
        await exited;
        slot.restarting = false;
        supervise(slot);
        if (slot.answering) {
          await slot.answering();
          // HAProxy counts it in only after two good health checks a second apart
          // (lib/operations/haproxy.ts): stopping the next one sooner would leave none.
          await new Promise((resolve) => setTimeout(resolve, 3_000));
        }
      }
      log('Rolling restart done.');
    })()
      .catch((error: unknown) => log(`Rolling restart stopped: ${error instanceof Error ? error.message : error}`))
      .finally(() => (rolling = false));
  });
  log(`The portal is at ${env.NEXTAUTH_URL}: ${instances} app instances (ports ${apps.map((a) => a.port).join(', ')}) and ${workers} workers behind HAProxy on port ${port}. kill -HUP ${process.pid} restarts them one at a time.`);
  if (demo) printDemoAccounts(log);
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedPostgresError ? `[portal] ${error.message}` : error);
  process.exit(1);
});
