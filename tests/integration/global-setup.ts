import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '../support/test-postgres';

// One migrated database for the run; tests create their own uniquely named rows in it.
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  const databaseUrl = await postgres.createMigratedDatabase('portal_it');
  project.provide('databaseUrl', databaseUrl);
  return () => postgres.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
