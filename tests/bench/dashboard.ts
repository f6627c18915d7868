// The investor dashboard for an organisation with 5,000 applications among 100,000: the page's
// server time for one of its members (median and p95 of sequential requests to the production
// build), the CSV export of all 5,000, and the query plan of a page. Target: p95 at most 150 ms.
import pg from 'pg';
import { fileApplicationsInBulk } from '../../prisma/demo-applications';
import { sessionToken } from '../support/session-cookie';
import { benchSecret, timedRounds, timePage, type Served } from './serve';

const organisationApplications = 5_000;
const allApplications = 100_000;

export async function measureDashboard(served: Served): Promise<void> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  try {
    const { rows: members } = await client.query<{ id: string }>(
      `insert into "User" (id, name, email, "updatedAt")
       select gen_random_uuid(), 'Bench investor ' || n, 'bench-investor-' || n || '@example.com', now() from generate_series(1, 20) n returning id`,
    );
    const [organisation] = (
      await client.query<{ id: string }>(
        `insert into "Organisation" (id, "nameKm", "nameEn", "registrationNumber", "taxId", address)
         values (gen_random_uuid(), 'ក្រុមហ៊ុន សាកល្បង', 'Bench Holdings Co., Ltd.', '99990001', 'K009-999999991', '{}') returning id`,
      )
    ).rows;
    await client.query(
      `insert into "OrganisationMembership" (id, "organisationId", "userId", role) select gen_random_uuid(), $1, unnest($2::uuid[]), 'manager'`,
      [organisation!.id, members.map((m) => m.id)],
    );
    const seeding = performance.now();
    await fileApplicationsInBulk(client, { count: organisationApplications, applicantIds: members.map((m) => m.id), organisationId: organisation!.id });
    // Everyone else's, up to 100,000 in all (the queue benchmark may have filed most already).
    const count = async () => (await client.query<{ n: number }>('select count(*)::int as n from "Application"')).rows[0]!.n;
    const filed = await count();
    if (filed < allApplications) {
      const { rows: citizens } = await client.query<{ id: string }>(
        `insert into "User" (id, name, email, "updatedAt")
         select gen_random_uuid(), 'Bench applicant ' || n, 'bench-applicant-' || n || '@example.com', now() from generate_series(1, 500) n returning id`,
      );
      await fileApplicationsInBulk(client, { count: allApplications - filed, applicantIds: citizens.map((c) => c.id) });
    }
    await client.query('vacuum analyze');
    const seededIn = (performance.now() - seeding) / 1000;
    const total = await count();

    const token = await sessionToken(served.databaseUrl, members[0]!.id, benchSecret);
    const cookie = `next-auth.session-token=${token}`;
    const base = `/en/organisations/${organisation!.id}/applications`;
    const pages = {
      'first page': base,
      'filtered: in progress, one department, overdue': `${base}?status=inProgress&department=land-transport&due=overdue`,
      'search by part of a reference': `${base}?q=VR-2026-00`,
      'page 100 of 200': `${base}?page=100`,
    };
    console.log(`\nInvestor dashboard: ${organisationApplications.toLocaleString('en')} applications of one organisation among ${total.toLocaleString('en')} (seeded in ${seededIn.toFixed(0)} s)`);
    console.log(`  ${timedRounds} sequential requests each, after 5 to warm up (target: p95 at most 150 ms)`);
    for (const [name, path] of Object.entries(pages)) {
      const result = await timePage(`${served.baseUrl}${path}`, cookie);
      console.log(`  ${name.padEnd(48)} median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (${(result.bytes / 1024).toFixed(0)} KB of HTML)`);
    }
    const exportStart = performance.now();
    const csv = await (await fetch(`${served.baseUrl}${base}/export`, { headers: { cookie } })).text();
    const lines = csv.trimEnd().split('\r\n').length - 1;
    console.log(`  CSV export of all ${lines.toLocaleString('en')} applications: ${(performance.now() - exportStart).toFixed(0)} ms, ${(csv.length / 1024).toFixed(0)} KB`);

    const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers off, costs off)
       select id, reference, status, "stageDueAt" from "Application" where "organisationId" = $1
       order by "stageDueAt" asc nulls last, id asc limit 25 offset 0`,
      [organisation!.id],
    );
    console.log(`\n  Query plan: first page of the dashboard\n${plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await client.end();
  }
}
