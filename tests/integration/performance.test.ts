import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { db, query, withConnection } from '@/lib/db/client';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { addWorkingDays, dueAfterWorkingDays } from '@/lib/deadlines/working-days';
import { toJson } from '@/lib/open-data/dataset';
import { findDataset } from '@/lib/open-data/datasets';
import { performanceOverview, type ScopeFigures } from '@/lib/performance/figures';
import { expectedDay, forecastForApplication, minimumHistory, serviceOutlook } from '@/lib/performance/forecast';
import { refreshPerformance } from '@/lib/performance/refresh';
import { filedApplication, newCitizen } from './support/applicants';

// Road excavation permits in 2019: no other test files any, so the figures of those months
// are this file's applications alone, whatever runs beside it in the same database.
const serviceCode = 'road-excavation-permit';
const legalDays = 15;
const at = (day: string) => new Date(`${day}T03:00:00Z`); // 10:00 in Phnom Penh
const clock = at('2019-11-20');

interface Seeded {
  submitted: string;
  decided?: string;
  outcome?: 'approved' | 'rejected';
  /** Working days the clock was stopped (one request for information). */
  paused?: number;
  /** The day forecast at filing. */
  forecast?: string;
  /** A due date other than filing + 15 working days (to make one late). */
  due?: string;
}

// September 2019: six decided (one with a pause, one across the Constitution Day holiday on
// the 24th, one late) and one still waiting, overdue. October: four decided, a cell too small
// to publish.
const september: Seeded[] = [
  { submitted: '2019-09-02', decided: '2019-09-09', outcome: 'approved', forecast: '2019-09-10' },
  { submitted: '2019-09-02', decided: '2019-09-16', outcome: 'rejected', forecast: '2019-09-10' },
  { submitted: '2019-09-03', decided: '2019-09-25', outcome: 'approved', paused: 3, forecast: '2019-09-30' },
  { submitted: '2019-09-09', decided: '2019-09-11', outcome: 'approved', forecast: '2019-09-20' },
  { submitted: '2019-09-10', decided: '2019-09-30', outcome: 'approved', due: '2019-09-27' },
  { submitted: '2019-09-13', decided: '2019-09-19', outcome: 'approved', forecast: '2019-09-19' },
  { submitted: '2019-09-27' },
];
const october: Seeded[] = [
  { submitted: '2019-10-01', decided: '2019-10-08', outcome: 'approved' },
  { submitted: '2019-10-02', decided: '2019-10-10', outcome: 'approved' },
  { submitted: '2019-10-03', decided: '2019-10-15', outcome: 'rejected' },
  { submitted: '2019-10-04', decided: '2019-10-11', outcome: 'approved' },
];

let serviceId: string;
let applicantId: string;

async function seed(apps: Seeded[]) {
  const [service] = await query<{ id: string; versionId: string; departmentId: string }>(
    `select s.id, s."departmentId", v.id as "versionId" from "Service" s join "ServiceVersion" v on v."serviceId" = s.id where s.code = $1 order by v.version desc limit 1`,
    [serviceCode],
  );
  const holidays = await loadHolidays();
  for (const app of apps) {
    const id = randomUUID();
    const due = app.due ? new Date(`${app.due}T16:59:59Z`) : dueAfterWorkingDays(at(app.submitted), legalDays, holidays);
    const status = app.decided ? app.outcome : 'in_review';
    await query(
      `insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", status, "currentStageKey", "currentDepartmentId", "submittedAt", "dueAt", "decidedAt", "updatedAt")
       values ($1, $2, $3, $4, $5, 'review', $6, $7, $8, $9, now())`,
      [id, service!.id, service!.versionId, applicantId, status, app.decided ? null : service!.departmentId, at(app.submitted), due, app.decided ? at(app.decided) : null],
    );
    await query(
      `insert into "ApplicationStage" (id, "applicationId", "stageKey", position, "departmentId", status, "startedAt", "completedAt", "deadlineWorkingDays")
       values ($1, $2, 'review', 0, $3, $4, $5, $6, $7)`,
      [randomUUID(), id, service!.departmentId, app.decided ? app.outcome : 'active', at(app.submitted), app.decided ? at(app.decided) : null, legalDays],
    );
    if (app.paused) {
      await query(`insert into "ApplicationEvent" ("applicationId", type, visibility, data) values ($1, 'resubmitted', 'public', $2)`, [
        id,
        JSON.stringify({ stage: 'review', pausedWorkingDays: app.paused }),
      ]);
    }
    if (app.forecast) await query(`insert into "ApplicationForecast" ("applicationId", "expectedDay", basis) values ($1, $2, 'history')`, [id, app.forecast]);
  }
  serviceId = service!.id;
}

const refresh = (options: { full?: boolean; now?: Date } = {}) => withConnection((client) => refreshPerformance(client, { now: clock, ...options }));

/** Working days after `from` up to and including `to`, counted here with plain SQL. */
async function workingDays(from: string, to: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `select count(*)::int as n from generate_series($1::date + 1, $2::date, interval '1 day') d
     where extract(isodow from d) < 6 and not exists (select 1 from "Holiday" h where h.date = d::date)`,
    [from, to],
  );
  return row!.n;
}

/** The percentile as PostgreSQL's percentile_cont and spreadsheets' MEDIAN take it: linear between ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (rank - low);
}

async function expectedMonth(apps: Seeded[]) {
  const decided = apps.filter((a) => a.decided);
  const days = await Promise.all(decided.map(async (a) => (await workingDays(a.submitted, a.decided!)) - (a.paused ?? 0)));
  const holidays = await loadHolidays();
  const onTime = decided.filter((a) => at(a.decided!) <= (a.due ? new Date(`${a.due}T16:59:59Z`) : dueAfterWorkingDays(at(a.submitted), legalDays, holidays))).length;
  const forecast = decided.filter((a) => a.forecast);
  return {
    received: apps.length,
    decided: decided.length,
    approved: decided.filter((a) => a.outcome === 'approved').length,
    rejected: decided.filter((a) => a.outcome === 'rejected').length,
    medianDays: percentile(days, 0.5),
    p90Days: percentile(days, 0.9),
    onTimeShare: onTime / decided.length,
    forecastKeptShare: forecast.filter((a) => a.decided! <= a.forecast!).length / forecast.length,
  };
}

const monthOf = (scope: ScopeFigures, month: string) => scope.months.find((m) => m.month === month)!;

beforeAll(async () => {
  applicantId = (await newCitizen()).id;
  await query(`insert into "Holiday" (date, "nameKm", "nameEn") values ('2019-09-24', 'ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ', 'Constitution Day') on conflict do nothing`, []);
  await seed([...september, ...october]);
  await refresh({ full: true });
});

describe('the published figures', () => {
  test('match figures computed independently from the seeded applications, for the service and its department', async () => {
    const overview = await performanceOverview({ now: clock, months: 3 });
    expect(overview.months).toEqual(['2019-09', '2019-10', '2019-11']);
    const service = overview.services.find((s) => s.code === serviceCode)!;
    const department = overview.departments.find((d) => d.code === service.departmentCode)!;
    const want = await expectedMonth(september);
    // 2, 4, 5, 10, 12 and 13 working days: the paused one took 15 less the 3 it waited for the
    // applicant, the Constitution Day holiday not counted.
    expect(want.medianDays).toBe(7.5);
    for (const scope of [service, department]) {
      const got = monthOf(scope, '2019-09');
      expect(got).toEqual({ month: '2019-09', ...want, approved: want.approved, rejected: 'fewer-than-5' });
    }
    // The one still waiting is past its due date.
    expect(service.backlog).toBe('fewer-than-5');
    expect((await query<{ backlog: number; overdue: number }>(`select backlog, overdue from "PerformanceNow" where scope = 'service' and "scopeId" = $1`, [serviceId]))[0]).toEqual({ backlog: 1, overdue: 1 });
  });

  test('a month of four decisions shows "fewer than 5" for every figure built from them, on the page and in open data', async () => {
    const overview = await performanceOverview({ now: clock, months: 3 });
    const service = overview.services.find((s) => s.code === serviceCode)!;
    expect(monthOf(service, '2019-10')).toEqual({
      month: '2019-10',
      received: 'fewer-than-5',
      decided: 'fewer-than-5',
      approved: 'fewer-than-5',
      rejected: 'fewer-than-5',
      medianDays: 'fewer-than-5',
      p90Days: 'fewer-than-5',
      onTimeShare: 'fewer-than-5',
      forecastKeptShare: null,
    });
    expect(monthOf(service, '2019-11').received).toBe(0);

    const dataset = findDataset('performance-monthly')!;
    const json = JSON.parse(toJson(dataset, await dataset.rows(), clock)) as { rows: Record<string, unknown>[]; licence: { name: string } };
    expect(json.licence.name).toContain('CC BY 4.0');
    const row = (month: string) => json.rows.find((r) => r.scope === 'service' && r.code === serviceCode && r.month === month)!;
    expect(row('2019-10')).toMatchObject({ received: null, decided: null, median_working_days: null, fewer_than_5: 'received decided approved rejected median_working_days p90_working_days on_time_share' });
    const want = await expectedMonth(september);
    expect(row('2019-09')).toMatchObject({
      received: 7,
      decided: 6,
      approved: 5,
      rejected: null,
      median_working_days: want.medianDays,
      p90_working_days: Math.round(want.p90Days * 10) / 10,
      on_time_share: Math.round(want.onTimeShare * 1000) / 1000,
      forecast_kept_share: Math.round(want.forecastKeptShare * 1000) / 1000,
      fewer_than_5: 'rejected',
    });
  });

  test('a decision made after a refresh shows at the next, incremental refresh', async () => {
    const [waiting] = await query<{ id: string }>(`select id from "Application" where "serviceId" = $1 and status = 'in_review' and "submittedAt" < '2019-12-01'`, [serviceId]);
    const later = new Date(clock.getTime() + 5 * 60_000);
    await query(`update "Application" set status = 'approved', "decidedAt" = $2, "currentDepartmentId" = null where id = $1`, [waiting!.id, later]);
    const result = await refresh({ now: new Date(later.getTime() + 60_000) });
    expect(result).toMatchObject({ ran: true, full: false });
    const service = (await performanceOverview({ now: later, months: 3 })).services.find((s) => s.code === serviceCode)!;
    // Decided on 20 November: the month has one decision (fewer than 5); September keeps seven received.
    expect(monthOf(service, '2019-11').decided).toBe('fewer-than-5');
    expect(monthOf(service, '2019-09').received).toBe(7);
    expect(service.backlog).toBe(0);
  });
});

describe('the forecast', () => {
  test(`falls back to the legal deadline with fewer than ${minimumHistory} decided applications, and follows history with more`, async () => {
    const holidays = await loadHolidays();
    const sparse = await serviceOutlook(serviceId, legalDays);
    expect(sparse).toEqual({ basis: 'legal', legalDays });
    expect(expectedDay(sparse, clock, holidays)).toBe(addWorkingDays('2019-11-20', legalDays, holidays));

    // Twelve more decisions in November, each in 4 working days: 23 in the last 90 days.
    const quick: Seeded[] = Array.from({ length: 12 }, () => ({ submitted: '2019-11-11', decided: '2019-11-15', outcome: 'approved' }));
    await seed(quick);
    await refresh({ full: true, now: clock });
    const rich = await serviceOutlook(serviceId, legalDays);
    expect(rich.basis).toBe('history');
    if (rich.basis !== 'history') return;
    expect(rich.highDays).toBeLessThan(legalDays);
    expect(expectedDay(rich, clock, holidays)).toBe(addWorkingDays('2019-11-20', rich.highDays, holidays));
  });

  test('a waiting file is forecast by its legal due date with little history, and has no date while paused', async () => {
    const citizen = await newCitizen();
    const id = await filedApplication(citizen);
    const holidays = await loadHolidays();
    const app = await db.application.findUniqueOrThrow({ where: { id } });
    expect(await forecastForApplication({ id }, holidays)).toEqual({ kind: 'legal', day: new Date(app.dueAt!.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) });
    expect(await forecastForApplication({ reference: app.reference! }, holidays)).toEqual(await forecastForApplication({ id }, holidays));
    await query(`update "Application" set status = 'info_requested' where id = $1`, [id]);
    expect(await forecastForApplication({ id }, holidays)).toEqual({ kind: 'paused' });
    await query(`update "Application" set status = 'rejected', "decidedAt" = now() where id = $1`, [id]);
    expect(await forecastForApplication({ id }, holidays)).toBeNull();
  });

  test('each filing records the date it was told to expect', async () => {
    const citizen = await newCitizen();
    const id = await filedApplication(citizen);
    const [forecast] = await query<{ expectedDay: string; basis: string }>(`select to_char("expectedDay", 'YYYY-MM-DD') as "expectedDay", basis from "ApplicationForecast" where "applicationId" = $1`, [id]);
    const app = await db.application.findUniqueOrThrow({ where: { id } });
    expect(forecast!.basis).toBe('legal');
    // With little history, the expected day is the legal deadline's.
    expect(forecast!.expectedDay).toBe(new Date(app.dueAt!.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
  });
});
