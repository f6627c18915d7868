// The staff queue while a service is republished again and again, with 1,000 citizens' drafts
// open on it: the queue page's server time (median and p95 of sequential requests to the
// production build) before and during the publishing, and how long each publication takes.
// Publishing does not touch the drafts (each moves to the new version at its next save,
// lib/applications/move-draft.ts), so neither figure should grow with their number.
import pg from 'pg';
import { fileApplicationsInBulk } from '../../prisma/demo-applications';
import { closeDatabase, db } from '../../lib/db/client';
import { draftAgainstLive, publishDraft, writeDraft } from '../../lib/services/publishing';
import { serviceDefinition } from '../../lib/services/definition';
import { signInAs, timePage, type Served } from './serve';
import { size } from './size';

const openDrafts = 1_000;
const service = 'vehicle-registration';

export async function measurePublishing(served: Served): Promise<void> {
  process.env.DATABASE_URL = served.databaseUrl;
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  try {
    const { rows: applicants } = await client.query<{ id: string }>(
      `insert into "User" (id, name, "updatedAt") select gen_random_uuid(), 'Publishing bench ' || n, now() from generate_series(1, $1::int) n returning id`,
      [openDrafts],
    );
    await client.query(
      `insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", status, answers, "updatedAt")
       select gen_random_uuid(), s.id, v.id, u, 'draft', '{"make":"Toyota"}', now()
       from unnest($1::uuid[]) u, "Service" s join lateral (
         select id from "ServiceVersion" where "serviceId" = s.id and "publishedAt" is not null order by version desc limit 1) v on true
       where s.code = $2`,
      [applicants.map((a) => a.id), service],
    );
    // A queue to look at: the queue benchmark's files when it ran first in this database, else a thousand.
    const [{ filed }] = (await client.query<{ filed: number }>(`select count(*)::int as filed from "Application" where status <> 'draft'`)).rows as [{ filed: number }];
    if (filed < 1_000) await fileApplicationsInBulk(client, { count: 1_000, applicantIds: applicants.map((a) => a.id) });
    const [editor, publisher] = (
      await client.query<{ id: string }>(
        `insert into "User" (id, name, "updatedAt") values (gen_random_uuid(), 'Bench editor', now()), (gen_random_uuid(), 'Bench publisher', now()) returning id`,
      )
    ).rows as [{ id: string }, { id: string }];

    // Land transport's supervisor: the queue benchmark just signed its clerk in, and an
    // authenticator code works once.
    const cookie = await signInAs(served, 'supervisor.transport@demo.gov.kh');
    const queue = `${served.baseUrl}/en/staff?department=land-transport`;
    const before = await timePage(queue, cookie);

    // Publications one after another (an editor saves a changed fee, another person publishes
    // it with its prakas) for as long as the queue is being timed.
    const publicationMs: number[] = [];
    let timing = true;
    const publishing = (async () => {
      for (let fee = 1; timing; fee++) {
        const started = performance.now();
        await db.$transaction(async (tx) => {
          const live = await tx.serviceVersion.findFirstOrThrow({ where: { service: { code: service }, publishedAt: { not: null } }, orderBy: { version: 'desc' } });
          const definition = serviceDefinition.parse(live.definition);
          await writeDraft(tx, { ...definition, feeRiel: 20_000 + (fee % 2) * 1_000 }, editor.id);
          const draft = (await draftAgainstLive(tx, service))!;
          const published = await publishDraft(tx, service, {
            publisherId: publisher.id,
            legalInstrument: { km: 'ប្រកាសលេខ ១២៣', en: 'Prakas No. 123' },
            effectiveFrom: null,
            reviewed: draft.draft.fingerprint,
          });
          if (!published.ok) throw new Error(`publishing failed: ${published.reason}`);
        });
        publicationMs.push(performance.now() - started);
      }
    })();
    let during: Awaited<ReturnType<typeof timePage>>;
    try {
      during = await timePage(queue, cookie);
    } finally {
      timing = false;
      await publishing;
    }
    const { rows: stillOpen } = await client.query<{ n: number }>(
      `select count(*)::int as n from "Application" a join "Service" s on s.id = a."serviceId" where s.code = $1 and a.status = 'draft'`,
      [service],
    );
    const sorted = [...publicationMs].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
    console.log(`\nThe queue while ${service} is republished, ${stillOpen[0]!.n.toLocaleString('en')} citizens' drafts open on it`);
    console.log(`  ${size.rounds} sequential requests each, after ${size.warmUp} to warm up (target: p95 at most 150 ms)`);
    console.log(`  queue page, before                         median ${before.medianMs.toFixed(1)} ms, p95 ${before.p95Ms.toFixed(1)} ms`);
    console.log(`  queue page, while publishing               median ${during.medianMs.toFixed(1)} ms, p95 ${during.p95Ms.toFixed(1)} ms`);
    console.log(`  ${publicationMs.length} publications (save a draft, diff, publish)   median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`);
  } finally {
    await client.end();
    await closeDatabase();
  }
}
