import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
const resolve = {
  alias: {
    '@': root,
    // Importing a server module outside Next.js is what these tests do on purpose.
    'server-only': path.join(root, 'tests/support/empty-module.ts'),
  },
};

export default defineConfig({
  root,
  resolve,
  test: {
    projects: [
      { resolve, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The API over real HTTP against a production build (run by test:e2e after `next build`).
        resolve,
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/api/global-setup.ts'],
          setupFiles: ['tests/api/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Needs a production build (run by test:e2e after `next build`).
        resolve,
        test: { name: 'fault', include: ['tests/fault/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 180_000 },
      },
    ],
  },
});
