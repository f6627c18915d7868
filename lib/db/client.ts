// The one Prisma client of the process. Prisma 7 talks to Postgres through the pg driver
// adapter: no native query engine, nothing downloaded.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the portal with `npm start`, which sets it (see README).');
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // When PostgreSQL restarts, idle connections end with an error event; unhandled, it would end
  // the whole process. The pool drops the connection and opens a new one on the next query.
  pool.on('error', (error) => console.error('database connection lost:', error.message));
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

// One client across hot reloads in development, and created on first use so that importing
// this module (as `next build` does) needs no database.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    globalForDb.portalDb ??= createClient();
    const value = Reflect.get(globalForDb.portalDb, property);
    return typeof value === 'function' ? value.bind(globalForDb.portalDb) : value;
  },
});

export type { PrismaClient };
export * from './generated/enums';
