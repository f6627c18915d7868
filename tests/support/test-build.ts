// The production build the tests serve lives in a folder of its own, so that `npm test` never
// replaces (or half-writes) the .next that a running `npm start` serves from the same checkout.
// package.json's build:test writes it: NEXT_DIST_DIR there must stay equal to this.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const testDistDir = '.next-test';

const projectDir = path.resolve(import.meta.dirname, '../..');

/** What a `next start` of the tests' build needs in its environment (next.config.ts reads it). */
export const testBuildEnv = { NEXT_DIST_DIR: testDistDir } as const;

export const nextBin = path.join(projectDir, 'node_modules/next/dist/bin/next');

/** Throws with the command to run when the tests' build is missing. */
export function requireTestBuild(): void {
  if (!existsSync(path.join(projectDir, testDistDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${testDistDir}: run \`npm run build:test\` (npm test and npm run bench build it first).`);
  }
}
