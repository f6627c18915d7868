// A production start with a setting missing refuses to start and names it; demo mode makes its own.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { configurationProblems } from '@/lib/operations/configuration';

const root = path.resolve(import.meta.dirname, '../../..');
const actionsKey = randomBytes(32).toString('base64');
const complete: Record<string, string> = {
  DATABASE_URL: 'postgresql://portal@127.0.0.1:1/portal',
  NEXTAUTH_URL: 'https://e-services.example',
  NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey,
  LICENCE_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  PAYMENT_CALLBACK_SECRET: 'secret-shared-with-the-bank',
};
const without = (name: string, env = complete) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));

describe('the app', () => {
  test('starts with every required setting', () => {
    expect(configurationProblems(complete, 'app')).toEqual([]);
  });

  test.each(['DATABASE_URL', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', 'LICENCE_SIGNING_KEY', 'PAYMENT_CALLBACK_SECRET'])(
    'refuses without %s, naming it',
    (name) => {
      const problems = configurationProblems(without(name), 'app');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name} is not set: `));
    },
  );

  test('refuses a blank value as a missing one', () => {
    expect(configurationProblems({ ...complete, NEXTAUTH_SECRET: '  ' }, 'app')).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set/)]);
  });

  test('refuses values that cannot be right, saying how to make a good one', () => {
    const problems = configurationProblems(
      {
        ...complete,
        NEXTAUTH_URL: 'e-services.example',
        NEXTAUTH_SECRET: 'changeme',
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'not a key',
        LICENCE_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      'app',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^NEXTAUTH_URL is not an http\(s\) address/),
      expect.stringMatching(/^NEXTAUTH_SECRET is shorter than 32 characters: make a new one with openssl rand -base64 32/),
      expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64 AES key/),
      expect.stringMatching(/^LICENCE_SIGNING_KEY is not an Ed25519 private key/),
    ]);
  });

  test('reads a licence key whose line breaks were written as \\n (one-line variables)', () => {
    expect(configurationProblems({ ...complete, LICENCE_SIGNING_KEY: complete.LICENCE_SIGNING_KEY!.replace(/\n/g, '\\n') }, 'app')).toEqual([]);
  });

  test('refuses a build made with another server-actions key', () => {
    const distDir = mkdtempSync(path.join(tmpdir(), 'portal-build-'));
    mkdirSync(path.join(distDir, 'server'));
    writeFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), JSON.stringify({ encryptionKey: randomBytes(32).toString('base64') }));
    expect(configurationProblems(complete, 'app', { distDir })).toEqual([expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not the key the build .* was made with: build again/)]);
    writeFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), JSON.stringify({ encryptionKey: actionsKey }));
    expect(configurationProblems(complete, 'app', { distDir })).toEqual([]);
    rmSync(distDir, { recursive: true });
  });

  test('needs all three national digital ID settings or none', () => {
    expect(configurationProblems({ ...complete, NATIONAL_ID_ISSUER: 'https://id.example', NATIONAL_ID_CLIENT_ID: 'portal' }, 'app')).toEqual([
      expect.stringMatching(/^NATIONAL_ID_CLIENT_SECRET is not set: /),
    ]);
  });
});

test('the worker needs the database and the public address only', () => {
  expect(configurationProblems({ DATABASE_URL: complete.DATABASE_URL, NEXTAUTH_URL: complete.NEXTAUTH_URL }, 'worker')).toEqual([]);
  expect(configurationProblems({ DATABASE_URL: complete.DATABASE_URL }, 'worker')).toEqual([expect.stringMatching(/^NEXTAUTH_URL is not set/)]);
});

/** Runs one of lib/cli's commands as an operator would; answers its exit code and what it printed. */
function run(file: string, env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib/cli', file)], {
    cwd: root,
    // PATH for tsx; nothing else of this shell (no DEMO, no secrets), so each run is production.
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe.concurrent('a production start without a secret stops before it opens anything', () => {
  test.each([
    ['start.ts', 'NEXTAUTH_SECRET'],
    ['start.ts', 'LICENCE_SIGNING_KEY'],
    ['app-server.ts', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'],
    ['app-server.ts', 'PAYMENT_CALLBACK_SECRET'],
  ])('%s without %s exits 1 and names it', { timeout: 30_000 }, async (file, name) => {
    const { code, output } = await run(file, without(name));
    expect(output).toContain(`${name} is not set`);
    expect(output).not.toMatch(/Embedded PostgreSQL|Applied migrations|serving the build/);
    expect(code).toBe(1);
  });

  test('the worker without NEXTAUTH_URL exits 1 and names it', { timeout: 30_000 }, async () => {
    const { code, output } = await run('worker.ts', { DATABASE_URL: complete.DATABASE_URL });
    expect(output).toContain('NEXTAUTH_URL is not set');
    expect(code).toBe(1);
  });
});
