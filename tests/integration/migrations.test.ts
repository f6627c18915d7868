import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, expect, inject, test } from 'vitest';
import { diffSchemas, schemaPath, snapshotPath } from '@/lib/db/schema-engine';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';

// What Prisma's schema describes: tables, columns, indexes, constraints and enums. (Triggers
// and functions written by hand in a migration are the migrations' own business.)
const catalogQueries = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, column_default
            from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations' order by 1, 2`,
  indexes: `select tablename, indexname, indexdef from pg_indexes
            where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1, 2`,
  constraints: `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
                from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text not like '%_prisma_migrations%' order by 1, 2`,
  enums: `select t.typname, e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid order by 1, e.enumsortorder`,
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(catalogQueries)) out[name] = (await client.query(sql)).rows;
    return out;
  } finally {
    await client.end();
  }
}

let postgres: TestPostgres | undefined;
afterAll(() => postgres?.stop());

test('the committed migrations create the tables the app uses', async () => {
  const { columns } = await catalog(inject('databaseUrl'));
  const tables = new Set((columns as { table_name: string }[]).map((c) => c.table_name));
  for (const table of ['User', 'RoleAssignment', 'Department', 'Service', 'ServiceVersion', 'Application', 'ApplicationStage', 'ApplicationEvent', 'Document', 'Organisation', 'OrganisationMembership', 'Holiday', 'SignInThrottle']) {
    expect(tables, table).toContain(table);
  }
});

test('schema.prisma and the committed migrations describe the same database', async () => {
  postgres = await startTestPostgres();
  const fromSchema = await postgres.createDatabase('portal_schema');
  const schema = await readFile(schemaPath, 'utf8');
  const sql = await diffSchemas(fromSchema, null, schema);
  const client = new pg.Client({ connectionString: fromSchema });
  await client.connect();
  await client.query(sql);
  await client.end();

  // On failure: change schema.prisma, then `npm run db:migration -- <name>`.
  expect(await catalog(inject('databaseUrl'))).toEqual(await catalog(fromSchema));
});

test('the schema snapshot kept beside the migrations is the current schema.prisma', async () => {
  // A stale snapshot would make the next `npm run db:migration` repeat or miss changes.
  expect(await readFile(snapshotPath, 'utf8')).toBe(await readFile(schemaPath, 'utf8'));
});
