// The department queue with 1,000,000 filed applications across every service and department:
// the page's server time for a clerk signed in with both factors (median and p95 of sequential
// requests to the production build), and the query plans of the queue's queries; the same for
// searches of the queue (a reference, a mobile number, a name, part of a name). Target: p95 at
// most 150 ms.
import pg from 'pg';
import { fileApplicationsInBulk } from '../../prisma/demo-applications';
import { signInAs, timedRounds, timePage, type Served } from './serve';
import { size } from './size';

const applications = size.queueApplications;
// About ten files per applicant, as when most people file once or twice a year: a name or a
// mobile number then finds a handful of files, as a search at the counter does.
const applicantCount = Math.max(500, Math.round(applications / 10));

export async function measureQueue(served: Served): Promise<void> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  try {
    const { rows: applicants } = await client.query<{ id: string }>(
      `insert into "User" (id, name, email, phone, "updatedAt")
       select gen_random_uuid(), 'Bench citizen ' || n, 'bench-' || n || '@example.com', '+85510' || lpad(n::text, 6, '0'), now()
       from generate_series(1, $1::int) n returning id`,
      [applicantCount],
    );
    const seeding = performance.now();
    await fileApplicationsInBulk(client, { count: applications, applicantIds: applicants.map((a) => a.id) });
    const filedIn = (performance.now() - seeding) / 1000;
    // As autovacuum leaves a table in steady use: statistics current, visibility map set.
    await client.query('vacuum analyze');
    const seededIn = (performance.now() - seeding) / 1000;

    const [clerk] = (
      await client.query<{ id: string; departmentId: string; held: number }>(
        `select u.id, r."departmentId", (select count(*)::int from "Application" a where a."currentDepartmentId" = r."departmentId") as held
         from "User" u join "RoleAssignment" r on r."userId" = u.id where u.email = 'clerk.transport@demo.gov.kh'`,
      )
    ).rows;
    // Signed in as the clerk through the portal's own forms, second factor included: a forged
    // session would stop working whenever sessions change (it did once: the queue redirected).
    const cookie = await signInAs(served, 'clerk.transport@demo.gov.kh');
    const pages = {
      'first page': '/en/staff?department=land-transport',
      'filtered: one service, overdue, unassigned': '/en/staff?department=land-transport&service=vehicle-registration&due=overdue&assigned=none',
      'filtered: assigned to me, page 2': '/en/staff?department=land-transport&assigned=me&page=2',
    };
    console.log(`\nDepartment queue with ${applications.toLocaleString('en')} applications (seeded in ${seededIn.toFixed(0)} s: ${filedIn.toFixed(0)} s to file them, the rest to vacuum and analyse; the clerk's department holds ${clerk!.held.toLocaleString('en')})`);
    console.log(`  ${timedRounds} sequential requests each, after ${size.warmUp} to warm up (target: p95 at most 150 ms)`);
    for (const [name, path] of Object.entries(pages)) {
      const result = await timePage(`${served.baseUrl}${path}`, cookie);
      console.log(`  ${name.padEnd(44)} median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (${(result.bytes / 1024).toFixed(0)} KB of HTML)`);
    }

    // Searches for a file the department holds, as a clerk types them at the counter.
    const [sought] = (
      await client.query<{ reference: string; name: string; phone: string }>(
        `select a.reference, u.name, u.phone from "Application" a join "User" u on u.id = a."applicantId"
         where a."currentDepartmentId" = $1 and u.email like 'bench-%' order by length(u.name) desc, a.id limit 1`,
        [clerk!.departmentId],
      )
    ).rows;
    const written = `0${sought!.phone.slice(4, 6)} ${sought!.phone.slice(6, 9)} ${sought!.phone.slice(9)}`;
    const searches = {
      'search: a reference': sought!.reference,
      'search: part of a reference (its number)': sought!.reference.slice(-6),
      'search: a mobile number': written,
      'search: a full name': sought!.name,
      'search: part of a name (many files)': sought!.name.replace('Bench ', '').slice(0, -1),
    };
    const matches = await client.query<{ n: number }>(
      `select count(*)::int as n from "Application" a join "User" u on u.id = a."applicantId" where a."currentDepartmentId" = $1 and u.name ilike $2`,
      [clerk!.departmentId, `%${searches['search: part of a name (many files)']}%`],
    );
    console.log(`\n  Searches (the broad one, "${searches['search: part of a name (many files)']}", matches ${matches.rows[0]!.n.toLocaleString('en')} of the department's files)`);
    for (const [name, query] of Object.entries(searches)) {
      const url = `${served.baseUrl}/en/staff?department=land-transport&q=${encodeURIComponent(query)}`;
      const result = await timePage(url, cookie);
      console.log(`  ${name.padEnd(44)} median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (${(result.bytes / 1024).toFixed(0)} KB of HTML)`);
    }
    // The file sought by its reference is the first row (a benchmark of a wrong answer is no benchmark).
    const page = await (await fetch(`${served.baseUrl}/en/staff?department=land-transport&q=${encodeURIComponent(sought!.reference)}`, { headers: { cookie } })).text();
    const firstRow = page.slice(page.indexOf('<tbody'));
    if (!firstRow.slice(0, firstRow.indexOf('</tr>')).includes(sought!.reference)) throw new Error(`searching ${sought!.reference} did not put it first`);

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
    // The name kind of a search, as Prisma words it (the other kinds are unique keys).
    await plan(
      'Query plan: search, the files whose applicant\'s name matches, first page',
      `select id, reference, "stageDueAt" from "Application"
       where "currentDepartmentId" = $1 and "applicantId" in (select id from "User" where name ilike $2)
         and not (reference = upper($3) and reference is not null)
       order by "stageDueAt" asc, id asc limit 25 offset 0`,
      [clerk!.departmentId, `%${searches['search: part of a name (many files)']}%`, searches['search: part of a name (many files)']],
    );
    await plan(
      'Query plan: search, part of a reference, count',
      `select count(*) from "Application" where "currentDepartmentId" = $1 and reference ilike $2`,
      [clerk!.departmentId, `%${searches['search: part of a reference (its number)']}%`],
    );
  } finally {
    await client.end();
  }
}
