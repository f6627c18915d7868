// What a production process needs before it may start, checked at its start so that a missing
// or wrong setting stops it with the variable's name instead of failing on some later request,
// or worse, working with a value of its own that other instances do not share (a session key,
// a licence signing key). Demo mode (npm start without DATABASE_URL, or DEMO=1) makes its own
// and keeps them in .data; npm start hands DEMO=1 to the processes it runs.
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ProcessRole = 'app' | 'worker';
type Env = Record<string, string | undefined>;

/** npm start's demo: its own database, or DEMO=1. */
export const isDemoStart = (env: Env): boolean => !env.DATABASE_URL || env.DEMO === '1';

const generate = {
  secret: 'openssl rand -base64 32',
  ed25519: 'openssl genpkey -algorithm ed25519',
};

function required(env: Env, name: string, how: string): string | null {
  return env[name]?.trim() ? null : `${name} is not set: ${how}.`;
}

function publicAddressProblem(env: Env): string | null {
  const missing = required(env, 'NEXTAUTH_URL', "set it to the portal's public address, e.g. https://e-services.mpwt.gov.kh");
  if (missing) return missing;
  try {
    const url = new URL(env.NEXTAUTH_URL!);
    if (url.protocol === 'https:' || url.protocol === 'http:') return null;
  } catch {
    // answered below
  }
  return `NEXTAUTH_URL is not an http(s) address: set it to the portal's public address, e.g. https://e-services.mpwt.gov.kh.`;
}

function sessionSecretProblem(env: Env): string | null {
  const missing = required(env, 'NEXTAUTH_SECRET', `set it to a long random value (${generate.secret}), the same on every instance`);
  if (missing) return missing;
  return env.NEXTAUTH_SECRET!.trim().length < 32 ? `NEXTAUTH_SECRET is shorter than 32 characters: make a new one with ${generate.secret}.` : null;
}

function licenceKeyProblem(env: Env): string | null {
  const missing = required(env, 'LICENCE_SIGNING_KEY', `set it to the ministry's Ed25519 private key, PKCS#8 PEM (${generate.ed25519}), the same on every instance`);
  if (missing) return missing;
  try {
    // As lib/licences/signature.ts reads it: a PEM, its line breaks possibly written as \n.
    if (createPrivateKey(env.LICENCE_SIGNING_KEY!.replace(/\\n/g, '\n')).asymmetricKeyType === 'ed25519') return null;
  } catch {
    // answered below
  }
  return `LICENCE_SIGNING_KEY is not an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); make one with ${generate.ed25519}.`;
}

/** The key Next.js put in the build (it encrypts server actions' data and names the actions). */
export function buildActionsKey(distDir: string): string | null {
  const manifest = path.join(distDir, 'server', 'server-reference-manifest.json');
  if (!existsSync(manifest)) return null;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { encryptionKey?: string }).encryptionKey ?? null;
}

function actionsKeyProblem(env: Env, distDir: string | undefined): string | null {
  const name = 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY';
  const missing = required(env, name, `set it to a random AES key, base64 (${generate.secret}), the same for every build and instance, and build with it`);
  if (missing) return missing;
  const key = env[name]!.trim();
  if (![16, 24, 32].includes(Buffer.from(key, 'base64').length) || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
    return `${name} is not a base64 AES key of 16, 24 or 32 bytes: make one with ${generate.secret}.`;
  }
  const built = distDir ? buildActionsKey(distDir) : null;
  if (built !== null && built !== key) {
    return `${name} is not the key the build in ${path.basename(distDir!)} was made with: build again with it set (npm run build).`;
  }
  return null;
}

function nationalIdProblem(env: Env): string | null {
  const names = ['NATIONAL_ID_ISSUER', 'NATIONAL_ID_CLIENT_ID', 'NATIONAL_ID_CLIENT_SECRET'];
  const set = names.filter((name) => env[name]?.trim());
  if (set.length === 0 || set.length === names.length) return null;
  const missing = names.filter((name) => !set.includes(name));
  return `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: the national digital ID needs ${names.join(', ')} (or none of them, for passwords only).`;
}

/**
 * What is missing or wrong for a production process of this role, one sentence each, starting
 * with the variable's name; empty when it may start. `distDir` (the app): the build it will serve.
 */
export function configurationProblems(env: Env, role: ProcessRole, { distDir }: { distDir?: string } = {}): string[] {
  const database = required(env, 'DATABASE_URL', 'set it to the PostgreSQL the portal uses, e.g. postgresql://portal:secret@db.example:5432/portal');
  const checks =
    role === 'worker'
      ? [database, publicAddressProblem(env)]
      : [
          database,
          publicAddressProblem(env),
          sessionSecretProblem(env),
          actionsKeyProblem(env, distDir),
          licenceKeyProblem(env),
          required(env, 'PAYMENT_CALLBACK_SECRET', "set it to the secret shared with the bank's payment notifications, the same on every instance"),
          nationalIdProblem(env),
        ];
  return checks.filter((problem): problem is string => problem !== null);
}

/**
 * Stops this process when its production configuration is incomplete, saying what to set.
 * Processes run by npm start's demo (DEMO=1) make their own secrets and are not checked.
 */
export function requireConfiguration(role: ProcessRole, options: { distDir?: string; env?: Env } = {}): void {
  const env = options.env ?? process.env;
  if (env.DEMO === '1') return;
  const problems = configurationProblems(env, role, options);
  if (problems.length === 0) return;
  process.stderr.write(`[portal] Cannot start the ${role === 'app' ? 'portal' : 'worker'} in production; see README, "Operations":\n${problems.map((p) => `  - ${p}\n`).join('')}`);
  process.exit(1);
}
