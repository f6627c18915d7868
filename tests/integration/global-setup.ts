import type { TestProject } from 'vitest/node';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/db/generated/client';
import { seedReferenceData } from '../../prisma/seed';
import { startTestPostgres } from '../support/test-postgres';

// One migrated database for the run; tests create their own uniquely named rows in it.
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  const databaseUrl = await postgres.createMigratedDatabase('portal_it');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(db);
  await db.$disconnect();
  project.provide('databaseUrl', databaseUrl);
  return () => postgres.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
