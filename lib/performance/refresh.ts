// The precomputation behind the public figures (issue 15). Public pages read only the small
// tables this writes (PerformanceMonth, PerformanceNow, PerformanceStage); they never count
// applications. The worker runs it every few minutes: each run reads only the files filed or
// decided since the last one (by the indexes on submittedAt and decidedAt), updates their
// facts, recomputes the months those facts belong to, and the figures of now. Once a day, and
// on `npm run performance:refresh -- --full`, it rebuilds everything from the applications.
//
// Working days: a calendar table numbers every working day (weekends and the Holiday table
// left out), so the working days between two days are a subtraction, as
// lib/deadlines/working-days.ts counts them (the starting day does not count). Paused time is
// what the clock-stop recorded: each "resubmitted" event carries the working days the stage
// waited for the applicant (lib/workflow/machine.ts, resubmit).
import type pg from 'pg';
import { clockRunningStatuses, decidedStatuses, inProgressStatuses, sqlStatusList } from '@/lib/workflow/status-groups';

export interface Sql {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
}

/** The window of "recent" decisions the forecast and the figures of now are drawn from. */
export const recentDays = 90;
/** Facts of files decided up to this long before the last run are read again: a decision's transaction may commit late. */
const overlapMs = 10 * 60_000;
/** Any two refreshes take turns: the second finds the lock held and skips its run. */
const lockKey = 15_150_001;

export interface RefreshResult {
  ran: boolean;
  full: boolean;
  changed: number;
  tookMs: number;
}

const pp = (column: string) => `(${column} + interval '7 hours')::date`;

/**
 * One refresh in one transaction, on a connection of its own (temporary tables). `now` is the
 * instant the figures are as of; `full` rebuilds everything (also when it never ran, or did
 * not rebuild today).
 */
export async function refreshPerformance(client: Sql, { full = false, now = new Date(), wait = false }: { full?: boolean; now?: Date; wait?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  await client.query('begin');
  try {
    // The worker skips a turn another worker holds; `wait` (a command, a test) waits for it instead.
    const { rows: locked } = await client.query<{ got: boolean }>(
      wait ? 'select true as got from pg_advisory_xact_lock($1)' : 'select pg_try_advisory_xact_lock($1) as got',
      [lockKey],
    );
    if (!locked[0]?.got) {
      await client.query('rollback');
      return { ran: false, full, changed: 0, tookMs: 0 };
    }
    const { rows: last } = await client.query<{ watermark: Date; fullAt: Date }>(`select watermark, "fullAt" from "PerformanceRefresh" where id = 1`);
    const previous = last[0];
    const today = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const rebuild = full || !previous || today(previous.fullAt) !== today(now);

    if (rebuild) {
      await client.query(`create temp table perf_changed on commit drop as select id from "Application" where "submittedAt" is not null`);
    } else {
      const since = new Date(previous.watermark.getTime() - overlapMs);
      await client.query(
        `create temp table perf_changed on commit drop as
         select id from "Application" where "submittedAt" >= $1 union select id from "Application" where "decidedAt" >= $1`,
        [since],
      );
    }
    await client.query('alter table perf_changed add primary key (id)');
    await client.query('analyze perf_changed');

    // Every day from the first filing to well past today, numbered by working day.
    await client.query(
      `create temp table perf_calendar on commit drop as
       select day::date as day,
         (count(*) filter (where extract(isodow from day) < 6 and h.date is null) over (order by day))::int as ord
       from generate_series(
         least((select min(${pp('"submittedAt"')}) from "Application"), $1::date) - 1, $1::date + 800, interval '1 day') day
       left join "Holiday" h on h.date = day::date`,
      [today(now)],
    );
    await client.query('alter table perf_calendar add primary key (day)');

    const paused = `(select e."applicationId", e.data->>'stage' as stage, sum((e.data->>'pausedWorkingDays')::int) as days
        from "ApplicationEvent" e
        where e.type = 'resubmitted' and e."applicationId" in (select id from perf_changed)
        group by 1, 2)`;
    await client.query(`create temp table perf_paused on commit drop as ${paused}`);

    const { rowCount: changed } = await client.query(
      `insert into "PerformanceFact" as f ("applicationId", "serviceId", "departmentId", "submittedMonth", "decidedDay", "decidedMonth", outcome, "workingDays", "onTime", "forecastKept")
       select a.id, a."serviceId", s."departmentId", date_trunc('month', ${pp('a."submittedAt"')})::date,
         d.day, date_trunc('month', d.day)::date,
         case when d.day is null then null when a.status = 'rejected' then 'rejected' else 'approved' end,
         case when d.day is not null then greatest(0, cd.ord - cs.ord - coalesce(p.days, 0)) end,
         case when d.day is not null then a."decidedAt" <= a."dueAt" end,
         case when d.day is not null then d.day <= fc."expectedDay" end
       from perf_changed c
       join "Application" a on a.id = c.id
       join "Service" s on s.id = a."serviceId"
       cross join lateral (select case when a."decidedAt" is not null and a.status in ${sqlStatusList(decidedStatuses)} then ${pp('a."decidedAt"')} end as day) d
       join perf_calendar cs on cs.day = ${pp('a."submittedAt"')}
       left join perf_calendar cd on cd.day = d.day
       left join (select "applicationId", sum(days)::int as days from perf_paused group by 1) p on p."applicationId" = a.id
       left join "ApplicationForecast" fc on fc."applicationId" = a.id
       on conflict ("applicationId") do update set
         "decidedDay" = excluded."decidedDay", "decidedMonth" = excluded."decidedMonth", outcome = excluded.outcome,
         "workingDays" = excluded."workingDays", "onTime" = excluded."onTime", "forecastKept" = excluded."forecastKept"`,
    );

    await client.query(
      `insert into "PerformanceStageFact" ("applicationId", position, "serviceId", "completedDay", "workingDays")
       select st."applicationId", st.position, a."serviceId", ${pp('st."completedAt"')}, greatest(0, ce.ord - cs.ord - coalesce(p.days, 0))
       from perf_changed c
       join "Application" a on a.id = c.id and a."decidedAt" is not null
       join "ApplicationStage" st on st."applicationId" = a.id and st."startedAt" is not null and st."completedAt" is not null
       join perf_calendar cs on cs.day = ${pp('st."startedAt"')}
       join perf_calendar ce on ce.day = ${pp('st."completedAt"')}
       left join perf_paused p on p."applicationId" = st."applicationId" and p.stage = st."stageKey"
       on conflict ("applicationId", position) do update set "completedDay" = excluded."completedDay", "workingDays" = excluded."workingDays"`,
    );

    // The months the changed facts belong to (all of them on a rebuild).
    if (rebuild) {
      await client.query(`create temp table perf_months on commit drop as select distinct "submittedMonth" as m from "PerformanceFact" union select distinct "decidedMonth" from "PerformanceFact" where "decidedMonth" is not null`);
      await client.query('delete from "PerformanceMonth"');
    } else {
      // A decision changes its decision month; only a new filing changes a month's count of
      // filings (so deciding a file filed long ago does not recompute the month it was filed).
      await client.query(
        `create temp table perf_months on commit drop as
         select date_trunc('month', ${pp('a."submittedAt"')})::date as m from "Application" a join perf_changed c on c.id = a.id where a."submittedAt" >= $1
         union select f."decidedMonth" from "PerformanceFact" f join perf_changed c on c.id = f."applicationId" where f."decidedMonth" is not null`,
        [new Date(previous!.watermark.getTime() - overlapMs)],
      );
      await client.query(`delete from "PerformanceMonth" where month in (select m from perf_months)`);
    }
    await client.query(
      `insert into "PerformanceMonth" (scope, "scopeId", month, received, decided, approved, rejected, "medianDays", "p90Days", "onTime", "forecastChecked", "forecastKept")
       with facts as (
         select * from "PerformanceFact" where "submittedMonth" in (select m from perf_months)
         union select * from "PerformanceFact" where "decidedMonth" in (select m from perf_months)
       ),
       scoped as (
         select 'service' as scope, "serviceId" as scope_id, * from facts
         union all select 'department', "departmentId", * from facts
       ),
       r as (
         select scope, scope_id, "submittedMonth" as month, count(*)::int as received
         from scoped where "submittedMonth" in (select m from perf_months) group by 1, 2, 3
       ),
       d as (
         select scope, scope_id, "decidedMonth" as month, count(*)::int as decided,
           count(*) filter (where outcome = 'approved')::int as approved, count(*) filter (where outcome = 'rejected')::int as rejected,
           percentile_cont(0.5) within group (order by "workingDays") as median, percentile_cont(0.9) within group (order by "workingDays") as p90,
           count(*) filter (where "onTime")::int as on_time, count("forecastKept")::int as checked, count(*) filter (where "forecastKept")::int as kept
         from scoped where "decidedMonth" in (select m from perf_months) group by 1, 2, 3
       )
       select coalesce(r.scope, d.scope), coalesce(r.scope_id, d.scope_id), coalesce(r.month, d.month), coalesce(r.received, 0),
         coalesce(d.decided, 0), coalesce(d.approved, 0), coalesce(d.rejected, 0), d.median, d.p90, coalesce(d.on_time, 0), coalesce(d.checked, 0), coalesce(d.kept, 0)
       from r full join d on d.scope = r.scope and d.scope_id = r.scope_id and d.month = r.month`,
    );

    await refreshNow(client, today(now), now);

    const tookMs = Math.round(performance.now() - started);
    await client.query(
      `insert into "PerformanceRefresh" (id, watermark, "refreshedAt", "tookMs", "fullAt") values (1, $1, $1, $2, $1)
       on conflict (id) do update set watermark = $1, "refreshedAt" = $1, "tookMs" = $2, "fullAt" = case when $3 then $1 else "PerformanceRefresh"."fullAt" end`,
      [now, tookMs, rebuild],
    );
    await client.query('commit');
    return { ran: true, full: rebuild, changed: changed ?? 0, tookMs };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/** Backlog now, and the last 90 days' decisions, per service and per department; per stage too. */
async function refreshNow(client: Sql, today: string, now: Date): Promise<void> {
  await client.query('delete from "PerformanceNow"');
  await client.query(
    `insert into "PerformanceNow" (scope, "scopeId", backlog, overdue, decided90, "p25Days", "medianDays", "p75Days", "perDay", "refreshedAt")
     with open as (
       -- Only files a department holds have a department: the queue's index finds them.
       select a."serviceId", s."departmentId", count(*)::int as backlog,
         count(*) filter (where a.status in ${sqlStatusList(clockRunningStatuses)} and a."dueAt" < $2)::int as overdue
       from "Application" a join "Service" s on s.id = a."serviceId"
       where a."currentDepartmentId" is not null and a.status in ${sqlStatusList(inProgressStatuses)}
       group by 1, 2
     ),
     recent as (
       select s.id as "serviceId", s."departmentId", f."workingDays"
       from "Service" s cross join lateral (
         select "workingDays" from "PerformanceFact" f where f."serviceId" = s.id and f."decidedDay" > $1::date - ${recentDays} and f."decidedDay" <= $1::date
       ) f
     ),
     days as (select greatest(1, max(ord) - min(ord))::float8 as n from perf_calendar where day >= $1::date - ${recentDays} and day <= $1::date),
     scopes as (
       select 'service' as scope, id as scope_id from "Service" union all select 'department', id from "Department"
     ),
     backlog as (
       select 'service' as scope, "serviceId" as scope_id, sum(backlog)::int as backlog, sum(overdue)::int as overdue from open group by 2
       union all select 'department', "departmentId", sum(backlog)::int, sum(overdue)::int from open group by 2
     ),
     decided as (
       select 'service' as scope, "serviceId" as scope_id, count(*)::int as n,
         percentile_cont(0.25) within group (order by "workingDays") as p25, percentile_cont(0.5) within group (order by "workingDays") as p50,
         percentile_cont(0.75) within group (order by "workingDays") as p75
       from recent group by 2
       union all select 'department', "departmentId", count(*)::int,
         percentile_cont(0.25) within group (order by "workingDays"), percentile_cont(0.5) within group (order by "workingDays"),
         percentile_cont(0.75) within group (order by "workingDays")
       from recent group by 2
     )
     select s.scope, s.scope_id, coalesce(b.backlog, 0), coalesce(b.overdue, 0), coalesce(d.n, 0), d.p25, d.p50, d.p75,
       coalesce(d.n, 0) / (select n from days), $2
     from scopes s
     left join backlog b on b.scope = s.scope and b.scope_id = s.scope_id
     left join decided d on d.scope = s.scope and d.scope_id = s.scope_id`,
    [today, now],
  );
  await client.query('delete from "PerformanceStage"');
  await client.query(
    `insert into "PerformanceStage" ("serviceId", position, samples, "p50Days", "p75Days")
     select s.id, f.position, count(*)::int, percentile_cont(0.5) within group (order by f."workingDays"), percentile_cont(0.75) within group (order by f."workingDays")
     from "Service" s cross join lateral (
       select position, "workingDays" from "PerformanceStageFact" f where f."serviceId" = s.id and f."completedDay" > $1::date - ${recentDays} and f."completedDay" <= $1::date
     ) f
     group by s.id, f.position`,
    [today],
  );
}
