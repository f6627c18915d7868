// The department queue with 100,000 filed applications across every service and department:
// the page's server time for a clerk (median and p95 of sequential requests to the production
// build), and the query plans of the queue's queries. Target: p95 at most 150 ms.
import pg from 'pg';
import { fileApplicationsInBulk } from '../../prisma/demo-applications';
import { sessionToken } from '../support/session-cookie';
import { benchSecret, timedRounds, timePage, type Served } from './serve';

const applications = 100_000;

export async function measureQueue(served: Served): Promise<void> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  try {
    const { rows: applicants } = await client.query<{ id: string }>(
      `insert into "User" (id, name, email, "updatedAt")
       select gen_random_uuid(), 'Bench citizen ' || n, 'bench-' || n || '@example.com', now() from generate_series(1, 500) n returning id`,
    );
    const seeding = performance.now();
    await fileApplicationsInBulk(client, { count: applications, applicantIds: applicants.map((a) => a.id) });
    // As autovacuum leaves a table in steady use: statistics current, visibility map set.
    await client.query('vacuum analyze');
    const seededIn = (performance.now() - seeding) / 1000;

    const [clerk] = (
      await client.query<{ id: string; departmentId: string; held: number }>(
        `select u.id, r."departmentId", (select count(*)::int from "Application" a where a."currentDepartmentId" = r."departmentId") as held
         from "User" u join "RoleAssignment" r on r."userId" = u.id where u.email = 'clerk.transport@demo.gov.kh'`,
      )
    ).rows;
    const token = await sessionToken(served.databaseUrl, clerk!.id, benchSecret);
    const cookie = `next-auth.session-token=${token}`;
    const pages = {
      'first page': '/en/staff?department=land-transport',
      'filtered: one service, overdue, unassigned': '/en/staff?department=land-transport&service=vehicle-registration&due=overdue&assigned=none',
      'filtered: assigned to me, page 2': '/en/staff?department=land-transport&assigned=me&page=2',
    };
    console.log(`\nDepartment queue with ${applications.toLocaleString('en')} applications (seeded in ${seededIn.toFixed(0)} s; the clerk's department holds ${clerk!.held.toLocaleString('en')})`);
    console.log(`  ${timedRounds} sequential requests each, after 5 to warm up (target: p95 at most 150 ms)`);
    for (const [name, path] of Object.entries(pages)) {
      const result = await timePage(`${served.baseUrl}${path}`, cookie);
      console.log(`  ${name.padEnd(44)} median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (${(result.bytes / 1024).toFixed(0)} KB of HTML)`);
    }

    // The queue's two queries as the page sends them (first page; and the count), planned.
    const plan = async (title: string, sql: string, values: unknown[]) => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers off, costs off) ${sql}`, values);
      console.log(`\n  ${title}\n${rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
    };
    await plan(
      'Query plan: first page of the queue',
      `select id, reference, status, "currentStageKey", "stageDueAt", "serviceVersionId", "assigneeId" from "Application"
       where "currentDepartmentId" = $1 order by "stageDueAt" asc, id asc limit 25 offset 0`,
      [clerk!.departmentId],
    );
    await plan(
      'Query plan: filtered (one service, overdue, unassigned)',
      `select id, reference, status, "currentStageKey", "stageDueAt", "serviceVersionId", "assigneeId" from "Application"
       where "currentDepartmentId" = $1 and "serviceId" in (select id from "Service" where code = 'vehicle-registration')
         and status in ('submitted', 'in_review') and "stageDueAt" < now() and "assigneeId" is null
       order by "stageDueAt" asc, id asc limit 25 offset 0`,
      [clerk!.departmentId],
    );
    await plan('Query plan: the count for the pages', `select count(*) from "Application" where "currentDepartmentId" = $1`, [clerk!.departmentId]);
  } finally {
    await client.end();
  }
}
