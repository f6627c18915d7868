// Recomputes the audit trail's hash chain (see the audit_trail migration, which computes it on
// insert; keep the two in step) and reports the first link that does not hold: an event whose
// fields changed, one removed from the middle, or one written behind the trigger's back.
import { createHash } from 'node:crypto';
import { query } from '@/lib/db/client';

export type ChainReport =
  | { ok: true; events: number }
  | { ok: false; events: number; position: number; eventId: string; reason: 'altered' | 'relinked' | 'missing' | 'unchained' };

const genesis = '0'.repeat(64);
const batchSize = 5_000;

interface Row {
  id: string;
  position: string | null;
  fields: string[];
  prevHash: string | null;
  hash: string | null;
}

/** Walks the whole chain in order of position, a batch at a time. */
export async function verifyAuditChain(): Promise<ChainReport> {
  const [unchained] = await query<{ id: string }>('select id::text from "ApplicationEvent" where "chainPosition" is null order by id limit 1', []);
  let previous = genesis;
  let expected = 1;
  for (;;) {
    const rows = await query<Row>(
      `select id::text, "chainPosition"::text as position, "prevHash", hash,
              array["chainPosition"::text, "applicationId"::text, coalesce("actorId"::text, ''), coalesce("actorRole"::text, ''),
                    coalesce("departmentId"::text, ''), type, visibility::text, coalesce("fromStatus"::text, ''),
                    coalesce("toStatus"::text, ''), data::text, to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS')] as fields
       from "ApplicationEvent" where "chainPosition" >= $1 order by "chainPosition" limit $2`,
      [expected, batchSize],
    );
    for (const row of rows) {
      const position = Number(row.position);
      const broken = (reason: 'altered' | 'relinked' | 'missing') => ({ ok: false as const, events: expected - 1, position: expected, eventId: row.id, reason });
      if (position !== expected) return broken('missing');
      if (row.prevHash !== previous) return broken('relinked');
      const hash = createHash('sha256').update([...row.fields, row.prevHash].join('\x1f'), 'utf8').digest('hex');
      if (hash !== row.hash) return broken('altered');
      previous = hash;
      expected++;
    }
    if (rows.length < batchSize) break;
  }
  if (unchained) return { ok: false, events: expected - 1, position: expected, eventId: unchained.id, reason: 'unchained' };
  return { ok: true, events: expected - 1 };
}
