// The production build served as `npm start` serves it (tests/bench/serve.ts: lib/cli/app-server.ts
// on a fresh, migrated, seeded database) for the API's tests over real HTTP. The portal is
// configured as http://localhost:<port> and the tests reach it as http://127.0.0.1:<port>, as
// behind a proxy: an address built from the request's host instead of the configured one shows.
import type { TestProject } from 'vitest/node';
import { serveBuild } from '../bench/serve';

export const apiTestPort = Number(process.env.API_TEST_PORT ?? 3500);

export default async function setup(project: TestProject) {
  const served = await serveBuild(apiTestPort);
  await served.db.$disconnect();
  project.provide('databaseUrl', served.databaseUrl);
  project.provide('apiBaseUrl', `http://127.0.0.1:${apiTestPort}`);
  project.provide('configuredUrl', served.baseUrl);
  return () => served.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiBaseUrl: string;
    configuredUrl: string;
  }
}
