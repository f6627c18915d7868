// The audit chain anchored in public (issue 15): once a day the worker publishes the chain's
// head, how many events it held and the hash of the last one. Published heads are kept for
// good (a trigger refuses changes, see the escalation_and_audit_heads migration), shown on the
// performance page and in open data. Whoever saved a head can ask later whether it is still
// part of the chain (checkAuditHead, `npm run audit:verify -- --head <hash>`): if anything at
// or before it was rewritten, the answer is no, even when the rewriter recomputed every hash.
import { db, query } from '@/lib/db/client';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { verifyAuditChain, type ChainReport } from './verify-chain';

export const genesisHash = '0'.repeat(64);

export interface AuditHead {
  /** 'YYYY-MM-DD', the Phnom Penh day it was published for. */
  day: string;
  /** Events in the chain then: the last one's chainPosition. */
  position: number;
  hash: string;
  publishedAt: Date;
}

type Query = <Row extends object>(text: string, values: unknown[]) => Promise<Row[]>;

/**
 * Publishes the head for the day of `now`, once: a second worker's insert finds the day taken.
 * Answers the day's head. `run` is the database to publish in (the process's by default).
 */
export async function publishAuditHead(now: Date, run: Query = query as Query): Promise<{ head: AuditHead; published: boolean }> {
  const day = phnomPenhDay(now);
  const inserted = await run<{ position: string; hash: string }>(
    `insert into "AuditHead" (day, position, hash, "publishedAt")
     select $1::date, coalesce(last."chainPosition", 0), coalesce(last.hash, $3), $2::timestamptz
       from (select 1) one
       left join lateral (select "chainPosition", hash from "ApplicationEvent"
                           where "chainPosition" is not null order by "chainPosition" desc limit 1) last on true
     on conflict (day) do nothing
     returning position::text, hash`,
    [day, now, genesisHash],
  );
  if (inserted[0]) return { head: { day, position: Number(inserted[0].position), hash: inserted[0].hash, publishedAt: now }, published: true };
  const [existing] = await run<{ position: string; hash: string; publishedAt: Date }>(
    `select position::text, hash, "publishedAt" at time zone 'UTC' as "publishedAt" from "AuditHead" where day = $1::date`,
    [day],
  );
  return { head: { day, position: Number(existing!.position), hash: existing!.hash, publishedAt: existing!.publishedAt }, published: false };
}

function toHead(row: { day: Date; position: bigint; hash: string; publishedAt: Date }): AuditHead {
  return { day: row.day.toISOString().slice(0, 10), position: Number(row.position), hash: row.hash, publishedAt: row.publishedAt };
}

/** The latest published heads, newest first. */
export async function latestAuditHeads(limit = 30): Promise<AuditHead[]> {
  const rows = await db.auditHead.findMany({ orderBy: { day: 'desc' }, take: limit });
  return rows.map(toHead);
}

export type HeadCheck =
  /** Neither published here nor the hash of any event: a typo, or a history rewritten since. */
  | { status: 'unknown' }
  /** The chain verifies up to the head and its event still has that hash. */
  | { status: 'holds'; position: number; publishedOn: string | null; addedSince: number; chain: ChainReport }
  /** A link at or before the head is broken: the first one is named. */
  | { status: 'broken'; position: number; publishedOn: string | null; chain: Extract<ChainReport, { ok: false }> }
  /** Every link holds, but the event at the head's position now has another hash: the history was recomputed. */
  | { status: 'rewritten'; position: number; publishedOn: string | null; hashNow: string | null };

export const headPattern = /^[0-9a-f]{64}$/;

/** Whether a published head (or any event's hash) is still part of the chain, and what was added since. */
export async function checkAuditHead(hash: string): Promise<HeadCheck> {
  const published = await db.auditHead.findFirst({ where: { hash }, orderBy: { day: 'asc' } });
  let position = published ? Number(published.position) : null;
  if (position === null && hash === genesisHash) position = 0;
  if (position === null) {
    // A hash saved from anywhere else (an event's hash in a backup, a report) is checked the same way.
    const [event] = await query<{ position: string }>(`select "chainPosition"::text as position from "ApplicationEvent" where hash = $1 and "chainPosition" is not null limit 1`, [hash]);
    if (!event) return { status: 'unknown' };
    position = Number(event.position);
  }
  const publishedOn = published ? toHead(published).day : null;
  const chain = await verifyAuditChain();
  if (!chain.ok && chain.position <= position) return { status: 'broken', position, publishedOn, chain };
  const hashNow = position === 0 ? genesisHash : ((await query<{ hash: string | null }>(`select hash from "ApplicationEvent" where "chainPosition" = $1`, [position]))[0]?.hash ?? null);
  if (hashNow !== hash) return { status: 'rewritten', position, publishedOn, hashNow };
  return { status: 'holds', position, publishedOn, addedSince: (await chainLength()) - position, chain };
}

async function chainLength(): Promise<number> {
  const [row] = await query<{ last: string | null }>(`select max("chainPosition")::text as last from "ApplicationEvent"`, []);
  return Number(row?.last ?? 0);
}

/** The events written after a head (what changed since: the trail only ever grows), newest first. */
export async function eventsAfter(position: number, limit = 100) {
  return db.applicationEvent.findMany({
    where: { chainPosition: { gt: position } },
    orderBy: { chainPosition: 'desc' },
    take: limit,
    select: { id: true, chainPosition: true, type: true, createdAt: true, departmentId: true, application: { select: { reference: true } }, actor: { select: { name: true } } },
  });
}

export interface HeadStatus extends AuditHead {
  /** Still part of the chain: the links up to it hold and its event still has its hash. */
  holds: boolean;
  addedSince: number;
}

/** The latest heads for the auditor, each checked against the chain as verified just now. */
export async function auditHeadsWithStatus(chain: ChainReport, limit = 30): Promise<HeadStatus[]> {
  const heads = await latestAuditHeads(limit);
  if (heads.length === 0) return [];
  const positions = heads.map((h) => h.position);
  const [now, rows] = await Promise.all([
    chainLength(),
    query<{ position: string; hash: string | null }>(`select "chainPosition"::text as position, hash from "ApplicationEvent" where "chainPosition" = any($1::bigint[])`, [positions]),
  ]);
  const hashAt = new Map(rows.map((r) => [Number(r.position), r.hash]));
  return heads.map((h) => ({
    ...h,
    holds: (chain.ok || chain.position > h.position) && (h.position === 0 ? h.hash === genesisHash : hashAt.get(h.position) === h.hash),
    addedSince: Math.max(0, now - h.position),
  }));
}
