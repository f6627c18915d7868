// The production build served as `npm start` serves it (tests/bench/serve.ts: lib/cli/app-server.ts
// on a fresh, migrated, seeded database) for the API's tests over real HTTP, and beside it the
// lean server that production serves /api/v1 from. The portal is configured as
// http://localhost:<port> and the tests reach it as http://127.0.0.1:<port>, as behind a proxy:
// an address built from the request's host instead of the configured one shows.
import type { TestProject } from 'vitest/node';
import { serveBuild, startLeanServer } from '../bench/serve';

export const apiTestPort = Number(process.env.API_TEST_PORT ?? 3500);

export default async function setup(project: TestProject) {
  // The webhook tests' receiver listens on loopback over plain http (lib/webhooks/url-rule.ts).
  process.env.WEBHOOKS_LOOPBACK = '1';
  const served = await serveBuild(apiTestPort);
  await served.db.$disconnect();
  const lean = await startLeanServer(served, apiTestPort + 1).catch(async (error: unknown) => {
    await served.stop();
    throw error;
  });
  project.provide('databaseUrl', served.databaseUrl);
  project.provide('apiBaseUrl', `http://127.0.0.1:${apiTestPort}`);
  project.provide('leanBaseUrl', lean.baseUrl);
  project.provide('configuredUrl', served.baseUrl);
  return async () => {
    await lean.stop();
    await served.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiBaseUrl: string;
    leanBaseUrl: string;
    configuredUrl: string;
  }
}
