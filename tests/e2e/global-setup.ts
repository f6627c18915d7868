// Serves the production build on a fresh database, migrated by the project's own path and
// seeded with reference data and demo accounts, for the end-to-end run; beside it, the parts a
// user's journey crosses: the notification worker sending to a real SMTP server on loopback, and
// real OpenID Connect providers on loopback for the national digital ID (and an impostor).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { SMTPServer } from 'smtp-server';
import { demoIdentities, startDemoIdentityProvider } from '../../lib/auth/demo-identity-provider';
import { PrismaClient } from '../../lib/db/generated/client';
import { seedDemoAccounts, seedReferenceData } from '../../prisma/seed';
import { chromiumPath, configuredUrl, port, serverSecret } from '../playwright.config';
import { startTestPostgres } from '../support/test-postgres';
import { productionSecrets, requireTestBuild, testBuildEnv } from '../support/test-build';
import { identityClient, testIdentities } from './support/identities';

const projectDir = path.resolve(import.meta.dirname, '../..');

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The portal did not answer on ${url} within ${ms / 1000} s`);
}

/** A real SMTP server on loopback that writes every message it accepts to `folder` as .eml. */
async function startMailbox(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        writeFile(path.join(folder, `${String(++count).padStart(5, '0')}.eml`), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const stopped = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });

export default async function globalSetup() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}. Install Debian's: sudo apt-get install -y chromium-headless-shell (or set CHROMIUM_PATH).`);
  }
  requireTestBuild();
  const postgres = await startTestPostgres();
  const databaseUrl = await postgres.createMigratedDatabase('portal_e2e');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(db);
  await seedDemoAccounts(db, serverSecret);
  await db.$disconnect();

  const baseUrl = configuredUrl;
  const mailDir = path.join(projectDir, 'test-results', 'mail');
  const mailbox = await startMailbox(mailDir);
  const identities = [...demoIdentities, ...Object.values(testIdentities)];
  const redirectUri = `${baseUrl}/api/national-id/callback`;
  const identityProvider = await startDemoIdentityProvider({ port: 0, ...identityClient, redirectUri, identities });
  // Another provider that knows the same client: its answers must not be believed.
  const impostor = await startDemoIdentityProvider({ port: 0, ...identityClient, redirectUri, identities });

  // Uploads of the run go to a folder of its own: the worker's orphan sweep must never look at
  // the .data/documents of a portal started from the same checkout.
  const documentDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-documents-'));
  const secrets = productionSecrets();
  // The tests sign licences of their own (licence-verification.spec.ts) with the portal's key:
  // the workers Playwright starts after this inherit it.
  process.env.LICENCE_SIGNING_KEY = secrets.LICENCE_SIGNING_KEY;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DOCUMENT_STORAGE_DIR: documentDir,
    NEXTAUTH_SECRET: serverSecret,
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    ...testBuildEnv,
    ...secrets,
    // The sandbox bank plays the bank's part, with its own callback secret.
    PAYMENT_SANDBOX: '1',
    PAYMENT_CALLBACK_SECRET: 'end-to-end-callback-secret',
    NATIONAL_ID_ISSUER: identityProvider.issuer,
    NATIONAL_ID_CLIENT_ID: identityClient.clientId,
    NATIONAL_ID_CLIENT_SECRET: identityClient.clientSecret,
    SMTP_URL: mailbox.url,
  };
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/app-server.ts'), '--port', String(port)], {
    cwd: projectDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // With no SMS gateway the worker "sends" text messages to its log: the tests read them there.
  const smsLog = path.join(projectDir, 'test-results', 'worker.log');
  const workerLog = openSync(smsLog, 'w');
  const worker = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/worker.ts')], {
    cwd: projectDir,
    env: { ...env, WORKER_LEASE_MS: '10000' },
    stdio: ['ignore', workerLog, 'inherit'],
  });
  closeSync(workerLog);
  await waitForServer(`${baseUrl}/km`, 60_000);
  // Tests reach the same database to arrange and check what a user cannot do from the page.
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_MAIL_DIR = mailDir;
  process.env.E2E_WORKER_LOG = smsLog;
  process.env.E2E_IDENTITY_ISSUER = identityProvider.issuer;
  process.env.E2E_IMPOSTOR_ISSUER = impostor.issuer;

  return async () => {
    await Promise.all([stopped(server), stopped(worker)]);
    await Promise.all([mailbox.close(), identityProvider.close(), impostor.close()]);
    await postgres.stop();
    await rm(documentDir, { recursive: true, force: true });
  };
}
