// `npm run restore -- <backup>`: a backup folder (lib/backup/format.ts) into an empty database
// and a document store. The documents go first (a rerun skips those already there), then the
// schema through the project's own migrations, then every row in one transaction.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { applyMigrations, migrationNames } from '@/lib/db/schema-engine';
import type { DocumentStorage } from '@/lib/documents/storage';
import { backupFormat, connect, quote, sha256OfFile, type Manifest } from './format';

export interface RestoreOptions {
  /** The backup's folder. */
  from: string;
  databaseUrl: string;
  storage: DocumentStorage;
  log?: (line: string) => void;
}

/** A backup that cannot be restored here, or a target that is not fresh: the message says which. */
export class RestoreError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readManifest(folder: string): Promise<Manifest> {
  const text = await readFile(path.join(folder, 'manifest.json'), 'utf8').catch(() => {
    throw new RestoreError(`${folder} holds no manifest.json: it is not a complete backup (one still named .partial never finished).`);
  });
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== backupFormat) throw new RestoreError(`${folder} is a backup of format "${manifest.format}"; this portal restores "${backupFormat}".`);
  for (const { file, sha256 } of [...manifest.tables, { file: manifest.documents.list, sha256: manifest.documents.listSha256 }]) {
    const actual = await sha256OfFile(path.join(folder, file)).catch(() => null);
    if (actual !== sha256) throw new RestoreError(`${file} is ${actual ? 'not the file the backup wrote (its SHA-256 differs)' : 'missing'}: the backup is damaged.`);
  }
  const known = await migrationNames();
  if (manifest.migrations.some((name, i) => known[i] !== name)) {
    throw new RestoreError(`The backup's database has migrations this version of the portal does not (${manifest.migrations.filter((m) => !known.includes(m)).join(', ') || 'in another order'}): restore it with the version that made it.`);
  }
  return manifest;
}

async function requireEmptyDatabase(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from pg_class where relnamespace = current_schema()::regnamespace and relkind in ('r', 'S', 'v')`);
  if (rows[0]!.count > 0) {
    const name = (await client.query<{ name: string }>('select current_database() as name')).rows[0]!.name;
    throw new RestoreError(`The database "${name}" is not empty (${rows[0]!.count} tables and sequences): restore into a new, empty database.`);
  }
}

/** Puts each document into the store; one already there with the same bytes is left as it is. */
async function restoreDocuments(manifest: Manifest, folder: string, storage: DocumentStorage) {
  const unusable = new Set(manifest.problems.map((problem) => problem.split(':')[0]));
  let restored = 0;
  const restore = async (line: string) => {
    const [key, expected] = line.split('\t') as [string, string];
    if (unusable.has(key)) return;
    const bytes = await readFile(path.join(folder, 'documents', key)).catch(() => null);
    if (!bytes || sha256(bytes) !== expected) throw new RestoreError(`documents/${key} is ${bytes ? 'not the file uploaded (its SHA-256 differs from its row)' : 'missing'}: the backup is damaged.`);
    const existing = await storage.open(key);
    if (existing) {
      const hash = createHash('sha256');
      for await (const chunk of existing) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== expected) throw new RestoreError(`${storage.describe()} already holds another file under ${key}: restore into an empty store.`);
    } else {
      await storage.put(key, bytes);
    }
    restored++;
  };
  const batch: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path.join(folder, manifest.documents.list)), crlfDelay: Infinity })) {
    batch.push(line);
    if (batch.length === 16) await Promise.all(batch.splice(0).map(restore));
  }
  await Promise.all(batch.map(restore));
  return restored;
}

/** Tables in an order where every row's foreign keys point at rows already loaded. */
async function loadOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent from pg_constraint c
       join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
     where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and c.conrelid <> c.confrelid`,
  );
  const order: string[] = [];
  const waiting = new Set(tables);
  while (waiting.size) {
    const ready = [...waiting].filter((table) => !rows.some((fk) => fk.child === table && waiting.has(fk.parent)));
    if (!ready.length) throw new Error(`Foreign keys form a cycle among ${[...waiting].join(', ')}`);
    for (const table of ready) {
      order.push(table);
      waiting.delete(table);
    }
  }
  return order;
}

async function loadRows(client: pg.Client, manifest: Manifest, folder: string): Promise<void> {
  await client.query('begin');
  try {
    // The rows come back exactly as dumped, audit chain included: the triggers that append to
    // the chain (and refuse changes) must not rewrite them. Foreign keys are still checked.
    for (const { name } of manifest.tables) await client.query(`alter table ${quote(name)} disable trigger user`);
    const byName = new Map(manifest.tables.map((table) => [table.name, table]));
    for (const name of await loadOrder(client, [...byName.keys()])) {
      const { columns, rows, file } = byName.get(name)!;
      const target = client.query(copyFrom(`copy ${quote(name)} (${columns.map(quote).join(', ')}) from stdin`));
      await pipeline(createReadStream(path.join(folder, file)), createGunzip(), target);
      if (target.rowCount !== rows) throw new Error(`${name}: ${target.rowCount} rows loaded, the backup has ${rows}.`);
    }
    for (const { name } of manifest.tables) await client.query(`alter table ${quote(name)} enable trigger user`);
    for (const { name, lastValue, isCalled } of manifest.sequences) await client.query('select setval($1::regclass, $2::bigint, $3)', [quote(name), lastValue, isCalled]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/** Restores a backup folder; answers its manifest. */
export async function restorePortal({ from, databaseUrl, storage, log = () => {} }: RestoreOptions): Promise<Manifest> {
  const manifest = await readManifest(from);
  const client = await connect(databaseUrl);
  try {
    await requireEmptyDatabase(client);
    await storage.check();
    const documents = await restoreDocuments(manifest, from, storage);
    log(`Documents: ${documents} files into ${storage.describe()}${manifest.problems.length ? `; ${manifest.problems.length} were not in the backup (see its manifest)` : ''}.`);
    await applyMigrations(databaseUrl, manifest.migrations);
    await loadRows(client, manifest, from);
    log(`Database: ${manifest.tables.length} tables, ${manifest.tables.reduce((sum, t) => sum + t.rows, 0)} rows, under ${manifest.migrations.length} migrations.`);
  } finally {
    await client.end();
  }
  return manifest;
}
