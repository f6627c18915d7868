// The public figures as pages and open data show them, read from the precomputed tables
// (lib/performance/refresh.ts): a few hundred rows at most, never the applications.
//
// Small numbers: a figure built from fewer than five applications is not published
// ('fewer-than-5'), so that nobody can be picked out of a month with one or two files. Zero is
// published as 0 (it points at nobody); a median of no decisions is no figure (null).
import { cache } from 'react';
import { query } from '@/lib/db/client';

export const smallestPublished = 5;

/** A published figure: a number, "fewer than 5", or nothing to show (null). */
export type Figure = number | 'fewer-than-5' | null;

export interface MonthFigures {
  /** 'YYYY-MM' */
  month: string;
  received: Figure;
  decided: Figure;
  approved: Figure;
  rejected: Figure;
  medianDays: Figure;
  p90Days: Figure;
  /** Share (0 to 1) of decisions within the legal deadline. */
  onTimeShare: Figure;
  /** Share (0 to 1) of decisions made by the day forecast at submission. */
  forecastKeptShare: Figure;
}

export interface ScopeFigures {
  scope: 'service' | 'department';
  code: string;
  name: { km: string; en: string };
  /** For a service, its department's code. */
  departmentCode: string;
  /** For a service, its legal deadline in working days. */
  legalDays: number | null;
  backlog: Figure;
  overdue: Figure;
  months: MonthFigures[];
}

export interface PerformanceOverview {
  /** When the figures were last refreshed; null before the first refresh. */
  refreshedAt: Date | null;
  /** The months shown, oldest first ('YYYY-MM'). */
  months: string[];
  departments: ScopeFigures[];
  services: ScopeFigures[];
}

export function countFigure(n: number): Figure {
  return n > 0 && n < smallestPublished ? 'fewer-than-5' : n;
}

/** A figure computed over `basis` applications (a median over the decided ones, say). */
export function figureOver(basis: number, value: number | null): Figure {
  if (basis === 0) return null;
  if (basis < smallestPublished) return 'fewer-than-5';
  return value;
}

/** The last `count` months up to the one `now` falls in, in Phnom Penh, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - (count - 1 - i), 1));
    return month.toISOString().slice(0, 7);
  });
}

interface MonthRow {
  scope: string;
  scopeId: string;
  month: string;
  received: number;
  decided: number;
  approved: number;
  rejected: number;
  medianDays: number | null;
  p90Days: number | null;
  onTime: number;
  forecastChecked: number;
  forecastKept: number;
}

interface ScopeRow {
  scope: 'service' | 'department';
  scopeId: string;
  code: string;
  nameKm: string;
  nameEn: string;
  departmentCode: string;
  legalDays: number | null;
  backlog: number | null;
  overdue: number | null;
}

export function monthFigures(month: string, row: MonthRow | undefined): MonthFigures {
  const r = row ?? { received: 0, decided: 0, approved: 0, rejected: 0, medianDays: null, p90Days: null, onTime: 0, forecastChecked: 0, forecastKept: 0 };
  return {
    month,
    received: countFigure(r.received),
    decided: countFigure(r.decided),
    approved: countFigure(r.approved),
    rejected: countFigure(r.rejected),
    medianDays: figureOver(r.decided, r.medianDays),
    p90Days: figureOver(r.decided, r.p90Days),
    onTimeShare: figureOver(r.decided, r.decided ? r.onTime / r.decided : null),
    forecastKeptShare: figureOver(r.forecastChecked, r.forecastChecked ? r.forecastKept / r.forecastChecked : null),
  };
}

/**
 * The published figures: every service, and every department that owns one, for `months`
 * (the last six by default; 'all' for every month there are figures for, as open data has).
 */
export async function performanceOverview({ now = new Date(), months = 6, serviceCode }: { now?: Date; months?: number | 'all'; serviceCode?: string } = {}): Promise<PerformanceOverview> {
  const [scopes, refreshed] = await Promise.all([
    query<ScopeRow>(
      `select 'service' as scope, s.id as "scopeId", s.code, v."nameKm", v."nameEn", d.code as "departmentCode", v."deadlineWorkingDays" as "legalDays", n.backlog, n.overdue
       from "Service" s join "Department" d on d.id = s."departmentId"
       join lateral (select "nameKm", "nameEn", "deadlineWorkingDays" from "ServiceVersion" v where v."serviceId" = s.id and v."publishedAt" is not null order by version desc limit 1) v on true
       left join "PerformanceNow" n on n.scope = 'service' and n."scopeId" = s.id
       where $1::text is null or s.code = $1
       union all
       select 'department', d.id, d.code, d."nameKm", d."nameEn", d.code, null, n.backlog, n.overdue
       from "Department" d left join "PerformanceNow" n on n.scope = 'department' and n."scopeId" = d.id
       where $1::text is null and exists (select 1 from "Service" s where s."departmentId" = d.id)
       order by scope desc, code`,
      [serviceCode ?? null],
    ),
    query<{ refreshedAt: Date }>(`select "refreshedAt" from "PerformanceRefresh" where id = 1`, []),
  ]);
  const shown = months === 'all' ? null : lastMonths(now, months);
  const rows = await query<MonthRow>(
    `select scope, "scopeId", to_char(month, 'YYYY-MM') as month, received, decided, approved, rejected, "medianDays", "p90Days", "onTime", "forecastChecked", "forecastKept"
     from "PerformanceMonth" where "scopeId" = any($1::uuid[]) and ($2::date is null or month >= $2::date) order by month`,
    [scopes.map((s) => s.scopeId), shown ? `${shown[0]}-01` : null],
  );
  const monthList = shown ?? [...new Set(rows.map((r) => r.month))].sort();
  const byScope = new Map<string, Map<string, MonthRow>>();
  for (const row of rows) {
    const key = `${row.scope}:${row.scopeId}`;
    if (!byScope.has(key)) byScope.set(key, new Map());
    byScope.get(key)!.set(row.month, row);
  }
  const figures = (s: ScopeRow): ScopeFigures => ({
    scope: s.scope,
    code: s.code,
    name: { km: s.nameKm, en: s.nameEn },
    departmentCode: s.departmentCode,
    legalDays: s.legalDays,
    backlog: s.backlog === null ? null : countFigure(s.backlog),
    overdue: s.overdue === null ? null : countFigure(s.overdue),
    months: monthList.map((m) => monthFigures(m, byScope.get(`${s.scope}:${s.scopeId}`)?.get(m))),
  });
  return {
    refreshedAt: refreshed[0]?.refreshedAt ?? null,
    months: monthList,
    departments: scopes.filter((s) => s.scope === 'department').map(figures),
    services: scopes.filter((s) => s.scope === 'service').map(figures),
  };
}

/** The page's figures, read once per request however many sections show them. */
export const pageOverview = cache((serviceCode?: string) => performanceOverview({ serviceCode }));
