// The public performance figures with 1,000,000 applications (PERFORMANCE_APPLICATIONS to
// change it): how long the full precomputation and an incremental refresh take, and the
// server time of the performance page and of a service page with its forecast (median and
// p95 of sequential requests to the production build). Target: p95 at most 150 ms.
//
// The applications are written by generate_series in a few statements, spread over a year:
// nine in ten decided (with every stage of their service done, one in ten paused once for the
// applicant, a forecast recorded at filing), the rest waiting in their department's queue.
import pg from 'pg';
import { refreshPerformance } from '../../lib/performance/refresh';
import { timedRounds, timePage, type Served } from './serve';
import { benchSize } from './size';

const count = Number(process.env.PERFORMANCE_APPLICATIONS ?? (benchSize === 'smoke' ? 2_000 : 1_000_000));

async function seed(client: pg.Client): Promise<void> {
  const [applicant] = (
    await client.query<{ id: string }>(`insert into "User" (id, name, email, "updatedAt") values (gen_random_uuid(), 'Bench applicant', 'bench-performance@example.com', now()) returning id`)
  ).rows;
  await client.query(
    `create temp table bench_services as
     select (row_number() over (order by s.code) - 1)::int as i, s.id as service_id, v.id as version_id, s."departmentId" as department_id,
       v."deadlineWorkingDays" as legal, v.definition->'stages' as stages
     from "Service" s join lateral (select * from "ServiceVersion" v where v."serviceId" = s.id and v."publishedAt" is not null order by version desc limit 1) v on true`,
  );
  const services = (await client.query<{ n: number }>('select count(*)::int as n from bench_services')).rows[0]!.n;
  // Filing times over the last year; decisions 1 to 20 calendar days later; 10 % still waiting.
  await client.query(
    `create temp table bench_apps as
     select gen_random_uuid() as id, s.*, n,
       now() - make_interval(secs => (n::float8 / $1) * 365 * 86400) as submitted,
       (n % 10 <> 0) as decided,
       make_interval(secs => (1 + (n::bigint * 7919 % 20)) * 86400 + (n % 3600)) as took
     from generate_series(1, $1) n join bench_services s on s.i = n % $2`,
    [count, services],
  );
  await client.query(
    `insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", status, "currentStageKey", "currentDepartmentId", "submittedAt", "dueAt", "stageDueAt", "decidedAt", "updatedAt")
     select id, service_id, version_id, $1,
       (case when not decided then 'in_review' when n % 7 = 0 then 'rejected' else 'approved' end)::"ApplicationStatus",
       case when decided then null else stages->0->>'key' end, case when decided then null else department_id end,
       submitted, submitted + make_interval(days => legal * 7 / 5), case when decided then null else submitted + make_interval(days => 5) end,
       case when decided then submitted + took end, now()
     from bench_apps`,
    [applicant!.id],
  );
  // Every stage of a decided file done, its time shared evenly between them; the first stage of a waiting one active.
  await client.query(
    `insert into "ApplicationStage" (id, "applicationId", "stageKey", position, "departmentId", status, "startedAt", "completedAt", "dueAt", "deadlineWorkingDays")
     select gen_random_uuid(), a.id, st.value->>'key', (st.ordinality - 1)::int, d.id,
       (case when a.decided then 'approved' when st.ordinality = 1 then 'active' else 'pending' end)::"StageStatus",
       case when a.decided then a.submitted + a.took * ((st.ordinality - 1)::float8 / jsonb_array_length(a.stages)) when st.ordinality = 1 then a.submitted end,
       case when a.decided then a.submitted + a.took * (st.ordinality::float8 / jsonb_array_length(a.stages)) end,
       case when not a.decided and st.ordinality = 1 then a.submitted + make_interval(days => 5) end,
       (st.value->>'deadlineWorkingDays')::int
     from bench_apps a cross join lateral jsonb_array_elements(a.stages) with ordinality st
     join "Department" d on d.code = st.value->>'department'`,
  );
  // One decided file in ten waited 1 to 3 working days for the applicant in its first stage.
  await client.query(
    `insert into "ApplicationEvent" ("applicationId", type, visibility, data, "createdAt")
     select id, 'resubmitted', 'public', jsonb_build_object('stage', stages->0->>'key', 'pausedWorkingDays', 1 + n % 3), submitted + took / 2
     from bench_apps where decided and n % 10 = 1`,
  );
  await client.query(
    `insert into "ApplicationForecast" ("applicationId", "expectedDay", basis)
     select id, (submitted + make_interval(days => 4 + n % 12))::date, 'history' from bench_apps`,
  );
  await client.query('vacuum analyze');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function measurePerformance(served: Served): Promise<void> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  try {
    const seeding = performance.now();
    await seed(client);
    const seededIn = performance.now() - seeding;
    const full = await refreshPerformance(client, { full: true });
    await client.query('vacuum analyze');

    // What the worker does every few minutes: a thousand decisions since the last run.
    await client.query(
      `update "Application" set status = 'approved', "decidedAt" = now(), "currentDepartmentId" = null
       where id in (select id from "Application" where "currentDepartmentId" is not null limit 1000)`,
    );
    const incremental = await refreshPerformance(client);

    const pages = {
      'performance page (km)': '/km/performance',
      'performance page (en)': '/en/performance',
      'service page with its forecast': '/km/services/vehicle-registration',
    };
    const timings = [];
    for (const [name, path] of Object.entries(pages)) timings.push({ name, ...(await timePage(`${served.baseUrl}${path}`, '')) });
    const { rows } = await client.query<{ n: number; facts: number }>(`select (select count(*)::int from "Application") as n, (select count(*)::int from "PerformanceFact") as facts`);

    console.log(`\nPerformance figures with ${rows[0]!.n.toLocaleString('en')} applications (${rows[0]!.facts.toLocaleString('en')} facts; seeded in ${seconds(seededIn)})`);
    console.log(`  full precomputation (daily, and on demand)   ${seconds(full.tookMs)}`);
    console.log(`  incremental refresh after 1,000 decisions     ${seconds(incremental.tookMs)} (${incremental.full ? 'full' : 'incremental'})`);
    console.log(`  page server time, ${timedRounds} sequential requests (target: p95 at most 150 ms)`);
    for (const t of timings) {
      console.log(`    ${t.name.padEnd(32)} median ${t.medianMs.toFixed(1)} ms, p95 ${t.p95Ms.toFixed(1)} ms ${t.p95Ms <= 150 ? '(within target)' : '(OVER target)'}, ${(t.bytes / 1024).toFixed(0)} KB`);
    }
  } finally {
    await client.end();
  }
}
