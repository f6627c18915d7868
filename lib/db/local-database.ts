// Where the app's database is: DATABASE_URL when set, otherwise the embedded server.
import path from 'node:path';
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export const projectDir = path.resolve(import.meta.dirname, '../..');
export const embeddedDataDir = path.join(projectDir, '.data', 'postgres');
const embeddedDatabase = 'portal';

export interface AppDatabase {
  url: string;
  /** Set when this process started the embedded server; stop it on the way out. */
  embedded?: RunningPostgres;
}

export async function openAppDatabase(log: (line: string) => void = console.log): Promise<AppDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  const embedded = await startEmbeddedPostgres({
    dataDir: embeddedDataDir,
    preferredPort: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    log,
  });
  await embedded.ensureDatabase(embeddedDatabase);
  return { url: embedded.url(embeddedDatabase), embedded };
}

/**
 * For one-shot commands (migrate, seed, backup): open, work, and stop the embedded server
 * again; while `npm start` runs the embedded server, use that one.
 */
export async function withAppDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const running = process.env.DATABASE_URL ? null : await runningEmbeddedPostgresUrl(embeddedDataDir, embeddedDatabase);
  if (running) return work(running);
  const database = await openAppDatabase();
  try {
    return await work(database.url);
  } finally {
    await database.embedded?.stop();
  }
}
