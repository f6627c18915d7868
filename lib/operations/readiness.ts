// Whether this instance should be sent requests (GET /api/ready, for the reverse proxy and for
// monitoring): the database answers, it has every migration this build knows, and the document
// store answers. Not ready either while the instance shuts down (server-state.ts). Each check
// gives up after a few seconds: a database host that drops packets must not hang the probe.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { query } from '@/lib/db/client';
import { documentStorage, type DocumentStorage } from '@/lib/documents/storage';
import { log } from './log';
import { isDraining } from './server-state';

export type Check = 'database' | 'migrations' | 'documents' | 'shutdown';
export interface Readiness {
  ready: boolean;
  /** Each check: ok, or failed (the log says why; the answer does not, it is public). */
  checks: Partial<Record<Check, 'ok' | 'failed'>>;
}

const timeoutMs = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

let known: Promise<string[]> | undefined;
/** The migrations this code was written for: the folders of prisma/migrations (the app runs from the project). */
function knownMigrations(): Promise<string[]> {
  // A literal folder: the build traces that folder alone, not the whole project.
  known ??= readdir(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true }).then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name));
  return known;
}

/** Names of the migrations this build knows that the database has not applied (Prisma's own table). */
export async function pendingMigrations(): Promise<string[]> {
  const [names, applied] = await Promise.all([
    knownMigrations(),
    query<{ migration_name: string }>(`select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`, []),
  ]);
  const done = new Set(applied.map((row) => row.migration_name));
  return names.filter((name) => !done.has(name));
}

export async function checkReadiness(storage: DocumentStorage = documentStorage): Promise<Readiness> {
  if (isDraining()) return { ready: false, checks: { shutdown: 'failed' } };
  const checks: Readiness['checks'] = {};
  const fail = (check: Check, error: unknown) => {
    checks[check] = 'failed';
    log.warn({ err: error, check }, `not ready: ${check}`);
  };
  await Promise.all([
    withTimeout(pendingMigrations(), 'The database').then(
      (pending) => {
        checks.database = 'ok';
        if (pending.length) fail('migrations', new Error(`not applied: ${pending.join(', ')}`));
        else checks.migrations = 'ok';
      },
      (error: unknown) => {
        // Reachable, but never migrated: no _prisma_migrations table yet.
        if ((error as { code?: string }).code === '42P01') {
          checks.database = 'ok';
          fail('migrations', error);
        } else fail('database', error);
      },
    ),
    withTimeout(storage.check(), 'The document store').then(
      () => void (checks.documents = 'ok'),
      (error: unknown) => fail('documents', error),
    ),
  ]);
  return { ready: Object.values(checks).every((value) => value === 'ok'), checks };
}
