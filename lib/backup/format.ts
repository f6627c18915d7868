// What a backup folder holds (README "Backup and restore"):
//   manifest.json            this file's Manifest
//   database/<Table>.copy.gz each table in PostgreSQL's COPY text format, gzipped
//   documents.tsv            every document row's storage key and SHA-256, as of the dump
//   documents/<key>          each document's bytes
// The dump is PostgreSQL's own COPY over one REPEATABLE READ snapshot (what pg_dump does too),
// taken through the pg driver: it needs no pg_dump binary of the server's version (the embedded
// server ships none, and Debian's client refuses newer servers), and the schema comes back
// from the project's migrations.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import pg from 'pg';

export const backupFormat = 'mpwt-portal-backup-1';

export interface Manifest {
  format: typeof backupFormat;
  createdAt: string;
  postgresVersion: string;
  /** The migrations the database had: a restore recreates exactly this schema. */
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number; file: string; sha256: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  documents: { count: number; bytes: number; list: string; listSha256: string; store: string };
  /** Documents a row names but the store could not give, or gave with other bytes. */
  problems: string[];
}

/**
 * One connection whose text output reads back the same on any server: ISO dates, UTC, exact
 * floats, as pg_dump sets them.
 */
export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, options: '-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=3' });
  await client.connect();
  return client;
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
