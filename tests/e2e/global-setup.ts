// Serves the production build on a fresh database, migrated by the project's own path and
// seeded with reference data and demo accounts, for the end-to-end run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { seedDemoAccounts, seedReferenceData } from '../../prisma/seed';
import { port } from '../playwright.config';
import { startTestPostgres } from '../support/test-postgres';

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

export default async function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`No Chromium at ${chromium}. Install Debian's: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (!existsSync(path.join(projectDir, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run test:e2e`, which builds first.');
  }
  const postgres = await startTestPostgres();
  const databaseUrl = await postgres.createMigratedDatabase('portal_e2e');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(db);
  await seedDemoAccounts(db);
  await db.$disconnect();

  const baseUrl = `http://localhost:${port}`;
  const server = spawn(process.execPath, [path.join(projectDir, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port)], {
    cwd: projectDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: 'end-to-end-test-secret',
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      // The sandbox bank plays the bank's part, with its own callback secret.
      PAYMENT_SANDBOX: '1',
      PAYMENT_CALLBACK_SECRET: 'end-to-end-callback-secret',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForServer(`${baseUrl}/km`, 60_000);
  // Tests reach the same database to arrange and check what a user cannot do from the page.
  process.env.E2E_DATABASE_URL = databaseUrl;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await postgres.stop();
  };
}
