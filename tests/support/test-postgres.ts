// A PostgreSQL for a test run: TEST_DATABASE_URL's server when set (the run creates and drops
// its own databases there), otherwise an embedded throw-away cluster under .data/.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { projectDir } from '@/lib/db/local-database';
import { applyMigrations } from '@/lib/db/schema-engine';

export interface TestPostgres {
  /** Creates an empty database and returns its URL. */
  createDatabase(prefix: string): Promise<string>;
  /** Creates a database migrated by the project's own migration path. */
  createMigratedDatabase(prefix: string): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL;
  const embedded = external
    ? undefined
    : await startEmbeddedPostgres({
        // One cluster per runner, so that unit/integration and end-to-end runs can overlap.
        dataDir: path.join(projectDir, '.data', `test-postgres-${process.pid}`),
        preferredPort: 54330 + (process.pid % 500),
        ephemeral: true,
      });
  const adminUrl = external ?? embedded!.url('postgres');
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const created: string[] = [];

  const createDatabase = async (prefix: string) => {
    const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await admin(`create database "${name}"`);
    created.push(name);
    return withDatabase(adminUrl, name);
  };

  return {
    createDatabase,
    async createMigratedDatabase(prefix) {
      const url = await createDatabase(prefix);
      await applyMigrations(url);
      return url;
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      await admin(`drop database if exists "${name}" with (force)`);
    },
    async stop() {
      for (const name of created) await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
      if (embedded) {
        await embedded.stop();
        const { rm } = await import('node:fs/promises');
        await rm(path.join(projectDir, '.data', `test-postgres-${process.pid}`), { recursive: true, force: true });
      }
    },
  };
}
