// `npm run backup`: the database as of one snapshot, then every document its rows name, into one
// folder with a manifest (lib/backup/format.ts describes the folder).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DocumentStorage } from '@/lib/documents/storage';
import { backupFormat, connect, quote, type Manifest } from './format';

export interface BackupOptions {
  databaseUrl: string;
  storage: DocumentStorage;
  /** The folder in which the backup's own folder is made. */
  into: string;
  log?: (line: string) => void;
}

/** Passes bytes through, hashing and counting them. */
function hashing() {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, digest: () => hash.digest('hex'), bytes: () => bytes };
}

/** COPY … TO STDOUT into `file` (gzipped when it ends in .gz); answers rows and the file's SHA-256. */
async function copyOut(client: pg.Client, sql: string, file: string): Promise<{ rows: number; sha256: string }> {
  const source = client.query(copyTo(sql));
  const hashed = hashing();
  const target = createWriteStream(file, { flags: 'wx' });
  await (file.endsWith('.gz') ? pipeline(source, createGzip(), hashed.tap, target) : pipeline(source, hashed.tap, target));
  return { rows: source.rowCount, sha256: hashed.digest() };
}

/** Dumps every table in one snapshot: rows committed after it starts are in no file, rows before it in all. */
async function dumpDatabase(databaseUrl: string, folder: string, log: (line: string) => void) {
  const client = await connect(databaseUrl);
  try {
    await client.query('begin isolation level repeatable read read only');
    const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await client.query<T>(sql, values)).rows;
    const [{ server_version: postgresVersion }] = (await one<{ server_version: string }>('show server_version')) as [{ server_version: string }];
    const [{ schema }] = (await one<{ schema: string | null }>(`select to_regclass('_prisma_migrations')::text as schema`)) as [{ schema: string | null }];
    if (!schema) throw new Error('The database has no portal schema (no migrations were applied): there is nothing to back up.');
    const migrations = (
      await one<{ name: string }>(`select migration_name as name from _prisma_migrations where finished_at is not null and rolled_back_at is null order by migration_name`)
    ).map((row) => row.name);

    const tables: Manifest['tables'] = [];
    const names = await one<{ name: string }>(
      `select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relname <> '_prisma_migrations' order by relname`,
    );
    for (const { name } of names) {
      const columns = (
        await one<{ name: string }>(`select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`, [
          quote(name),
        ])
      ).map((row) => row.name);
      const file = `database/${name}.copy.gz`;
      const { rows, sha256 } = await copyOut(client, `copy ${quote(name)} (${columns.map(quote).join(', ')}) to stdout`, path.join(folder, file));
      tables.push({ name, columns, rows, file, sha256 });
    }
    log(`Database: ${tables.length} tables, ${tables.reduce((sum, t) => sum + t.rows, 0)} rows (PostgreSQL ${postgresVersion}).`);

    const sequences: Manifest['sequences'] = [];
    for (const { name } of await one<{ name: string }>(`select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'S' order by relname`)) {
      const [state] = await one<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${quote(name)}`);
      sequences.push({ name, lastValue: state!.last_value, isCalled: state!.is_called });
    }
    // The documents the snapshot's rows name, and what their bytes must hash to.
    const list = await copyOut(client, `copy (select "storageKey", sha256 from "Document" order by "storageKey") to stdout`, path.join(folder, 'documents.tsv'));
    await client.query('commit');
    return { postgresVersion, migrations, tables, sequences, list };
  } finally {
    await client.end();
  }
}

/**
 * Copies each listed document out of the store, a few at a time. Documents are never changed
 * once stored, so copies taken after the snapshot are the bytes its rows name.
 */
async function copyDocuments(storage: DocumentStorage, folder: string, log: (line: string) => void) {
  const problems: string[] = [];
  let count = 0;
  let bytes = 0;
  const copy = async (line: string) => {
    const [key, expected] = line.split('\t') as [string, string];
    const source = await storage.open(key);
    if (!source) return void problems.push(`${key}: missing from the store`);
    const file = path.join(folder, 'documents', key);
    await mkdir(path.dirname(file), { recursive: true });
    const hashed = hashing();
    await pipeline(source, hashed.tap, createWriteStream(file, { flags: 'wx' }));
    if (hashed.digest() !== expected) problems.push(`${key}: its bytes differ from those uploaded (SHA-256 on its row)`);
    count++;
    bytes += hashed.bytes();
  };
  const batch: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path.join(folder, 'documents.tsv')), crlfDelay: Infinity })) {
    batch.push(line);
    if (batch.length === 16) await Promise.all(batch.splice(0).map(copy));
  }
  await Promise.all(batch.map(copy));
  log(`Documents: ${count} files, ${(bytes / 1024 / 1024).toFixed(1)} MB${problems.length ? `; ${problems.length} could not be backed up as uploaded` : ''}.`);
  return { count, bytes, problems };
}

/** Writes a backup folder; answers its path and manifest. It is named `.partial` until complete. */
export async function backupPortal({ databaseUrl, storage, into, log = () => {} }: BackupOptions): Promise<{ folder: string; manifest: Manifest }> {
  await storage.check();
  const createdAt = new Date();
  const name = `mpwt-backup-${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const partial = path.join(into, `${name}.partial`);
  await mkdir(into, { recursive: true });
  // Personal data and password hashes: for the operator's eyes only.
  await mkdir(partial, { mode: 0o700 });
  await mkdir(path.join(partial, 'database'));
  const database = await dumpDatabase(databaseUrl, partial, log);
  const documents = await copyDocuments(storage, partial, log);
  const manifest: Manifest = {
    format: backupFormat,
    createdAt: createdAt.toISOString(),
    postgresVersion: database.postgresVersion,
    migrations: database.migrations,
    tables: database.tables,
    sequences: database.sequences,
    documents: { count: documents.count, bytes: documents.bytes, list: 'documents.tsv', listSha256: database.list.sha256, store: storage.describe() },
    problems: documents.problems,
  };
  await writeFile(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  const folder = path.join(into, name);
  await rename(partial, folder);
  return { folder, manifest };
}
