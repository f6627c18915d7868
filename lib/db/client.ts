// The one Prisma client of the process. Prisma 7 talks to Postgres through the pg driver
// adapter: no native query engine, nothing downloaded.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { log } from '@/lib/operations/log';
import { PrismaClient } from './generated/client';

// One pool and one client per process, kept across hot reloads in development, and created on
// first use so that importing this module (as `next build` does) needs no database.
const globalForDb = globalThis as unknown as { portalPool?: pg.Pool; portalDb?: PrismaClient };

function pool(): pg.Pool {
  if (globalForDb.portalPool) return globalForDb.portalPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the portal with `npm start`, which sets it (see README).');
  }
  // UTC sessions: Prisma keeps instants as UTC in columns without a time zone, so now() in SQL
  // must mean the same, whatever the server's own zone (Phnom Penh on a ministry server).
  const created = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: '-c TimeZone=UTC' });
  // When PostgreSQL restarts, idle connections end with an error event; unhandled, it would end
  // the whole process. The pool drops the connection and opens a new one on the next query.
  created.on('error', (error) => log.error({ err: error }, 'database connection lost'));
  return (globalForDb.portalPool = created);
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    globalForDb.portalDb ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
    const value = Reflect.get(globalForDb.portalDb, property);
    return typeof value === 'function' ? value.bind(globalForDb.portalDb) : value;
  },
});

/**
 * A plain parameterised query on the same pool, for the few hot public paths (public tracking)
 * where Prisma's per-query work shows in the throughput. Everything else goes through `db`.
 */
export async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  return (await pool().query<Row>(text, values)).rows;
}

/** A connection of the pool to itself (temporary tables, a transaction), released after `work`. */
export async function withConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** This process's pool, for the metrics: connections open, open and unused, and queries waiting. */
export function poolStats(): { total: number; idle: number; waiting: number } {
  const pool = globalForDb.portalPool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

/** Closes the process's connections, for commands that end before the database does. */
export async function closeDatabase(): Promise<void> {
  const pool = globalForDb.portalPool;
  globalForDb.portalPool = undefined;
  globalForDb.portalDb = undefined;
  await pool?.end();
}

export type { PrismaClient };
export * from './generated/enums';
