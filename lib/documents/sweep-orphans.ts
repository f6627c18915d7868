// An upload stores its file before its row commits, so a crash or a refused row between the two
// leaves a file no row names. The worker sweeps those away once they are old enough that no
// upload can still be on its way to committing them.
import { query } from '@/lib/db/client';
import { documentStorage, type DocumentStorage } from './storage';

export interface SweepOptions {
  storage?: DocumentStorage;
  /** Files younger than this are left alone: their upload may still be committing. */
  olderThanMs?: number;
  now?: Date;
}

const batchSize = 500;
// Only what the portal writes (<application id>/<uuid>) is ever deleted, whatever else shares the store.
const documentKey = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Deletes the stored files that no document row names; answers how many. */
export async function sweepOrphanedDocuments({ storage = documentStorage, olderThanMs = 60 * 60_000, now = new Date() }: SweepOptions = {}): Promise<number> {
  const cutoff = now.getTime() - olderThanMs;
  let deleted = 0;
  let batch: string[] = [];
  const sweep = async () => {
    // A file's key starts with its application's id. Only files of applications this database
    // holds are deleted: a worker pointed at the wrong database must not empty the store.
    const orphans = await query<{ key: string }>(
      `select key from unnest($1::text[]) as file(key)
       where not exists (select 1 from "Document" d where d."storageKey" = file.key)
         and exists (select 1 from "Application" a where a.id = split_part(file.key, '/', 1)::uuid)`,
      [batch],
    );
    for (const { key } of orphans) await storage.delete(key);
    deleted += orphans.length;
    batch = [];
  };
  for await (const object of storage.list()) {
    if (object.lastModified.getTime() >= cutoff || !documentKey.test(object.key)) continue;
    batch.push(object.key);
    if (batch.length === batchSize) await sweep();
  }
  if (batch.length) await sweep();
  return deleted;
}
