// The production build the tests serve lives in a folder of its own, so that `npm test` never
// replaces (or half-writes) the .next that a running `npm start` serves from the same checkout.
// package.json's build:test writes it: NEXT_DIST_DIR there must stay equal to this.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const testDistDir = '.next-test';

const projectDir = path.resolve(import.meta.dirname, '../..');

// The server-actions key the tests' build is made with (package.json's build:test sets the same):
// a production start checks that the key it is given is the build's (lib/operations/configuration.ts).
export const testActionsKey = 'bXB3dC1wb3J0YWwtdGVzdC1idWlsZHMtb25seS0zMmI=';

/** What a `next start` of the tests' build needs in its environment (next.config.ts reads it). */
export const testBuildEnv = { NEXT_DIST_DIR: testDistDir, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: testActionsKey } as const;

/** The secrets a production start needs beyond the session's, made for one test run. */
export function productionSecrets(): { LICENCE_SIGNING_KEY: string; PAYMENT_CALLBACK_SECRET: string } {
  return {
    LICENCE_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    PAYMENT_CALLBACK_SECRET: randomBytes(32).toString('base64url'),
  };
}

export const nextBin = path.join(projectDir, 'node_modules/next/dist/bin/next');

/** Throws with the command to run when the tests' build is missing. */
export function requireTestBuild(): void {
  if (!existsSync(path.join(projectDir, testDistDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${testDistDir}: run \`npm run build:test\` (npm test and npm run bench build it first).`);
  }
}
