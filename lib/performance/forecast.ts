// Expected decision dates from live data (issue 15), drawn from the precomputed figures
// (lib/performance/refresh.ts), never from the applications table.
//
// Before applying: most recent decisions of the service (the last 90 days) took between the
// 25th and 75th percentile of working days; the expected date is the 75th percentile from
// today, or longer when the department's queue is long now: by Little's law a new file waits
// about (files open in the department) ÷ (decisions per working day) working days. With fewer
// than 20 decisions in 90 days there is too little history, and the legal deadline is the
// forecast. While waiting: per stage, the 75th percentile of the last 90 days' durations of
// the stages still ahead, less the working days the current stage has run; the legal
// deadline again when a stage has too little history. A paused file (the applicant was asked
// for more) has no date until it is answered: its clock is stopped.
import { query } from '@/lib/db/client';
import { addWorkingDays, phnomPenhDay, workingDaysBetween } from '@/lib/deadlines/working-days';
import { definitionOfVersion } from '@/lib/services/queries';
import { inProgressStatuses, sqlStatusList } from '@/lib/workflow/status-groups';
import { smallestPublished } from './figures';

/** Fewer decided applications than this in the last 90 days: forecast the legal deadline. */
export const minimumHistory = 20;

export type Outlook =
  | { basis: 'legal'; legalDays: number }
  | { basis: 'history'; legalDays: number; lowDays: number; highDays: number };

export interface OutlookStats {
  decided90: number;
  p25Days: number | null;
  p75Days: number | null;
  departmentBacklog: number;
  departmentPerDay: number;
}

export function outlookFrom(stats: OutlookStats | null, legalDays: number): Outlook {
  if (!stats || stats.decided90 < minimumHistory || stats.p25Days === null || stats.p75Days === null) return { basis: 'legal', legalDays };
  const queueDays = stats.departmentPerDay > 0 ? stats.departmentBacklog / stats.departmentPerDay : 0;
  const highDays = Math.max(1, Math.ceil(Math.max(stats.p75Days, queueDays)));
  return { basis: 'history', legalDays, lowDays: Math.min(highDays, Math.max(1, Math.round(stats.p25Days))), highDays };
}

/** The Phnom Penh day a file filed at `now` is expected to be decided by. */
export function expectedDay(outlook: Outlook, now: Date, holidays: ReadonlySet<string>): string {
  return addWorkingDays(phnomPenhDay(now), outlook.basis === 'legal' ? outlook.legalDays : outlook.highDays, holidays);
}

/** The outlook for a new application to a service (by its id, or its code). */
export async function serviceOutlook(service: string | { code: string }, legalDays: number): Promise<Outlook> {
  const [row] = await query<OutlookStats>(
    `select sn.decided90 as "decided90", sn."p25Days", sn."p75Days", coalesce(dn.backlog, 0) as "departmentBacklog", coalesce(dn."perDay", 0) as "departmentPerDay"
     from "Service" s
     join "PerformanceNow" sn on sn.scope = 'service' and sn."scopeId" = s.id
     left join "PerformanceNow" dn on dn.scope = 'department' and dn."scopeId" = s."departmentId"
     where ${typeof service === 'string' ? 's.id = $1' : 's.code = $1'}`,
    [typeof service === 'string' ? service : service.code],
  );
  return outlookFrom(row ?? null, legalDays);
}

export type WaitingForecast = { kind: 'paused' } | { kind: 'legal'; day: string } | { kind: 'history'; day: string };

export interface WaitingFile {
  status: string;
  dueAt: Date | null;
  currentPosition: number;
  /** Every stage of the file, with its legal working days and (the current one) its due date. */
  stages: readonly { position: number; deadlineDays: number; dueAt: Date | null }[];
}

export interface WaitingStats {
  decided90: number;
  /** Per stage position: the last 90 days' samples and 75th percentile of working days. */
  stages: ReadonlyMap<number, { samples: number; p75Days: number }>;
}

export function waitingForecast(file: WaitingFile, stats: WaitingStats, now: Date, holidays: ReadonlySet<string>): WaitingForecast | null {
  if (file.status === 'info_requested') return { kind: 'paused' };
  if (!file.dueAt) return null;
  const legal: WaitingForecast = { kind: 'legal', day: phnomPenhDay(file.dueAt) };
  const ahead = file.stages.filter((s) => s.position >= file.currentPosition);
  const current = ahead.find((s) => s.position === file.currentPosition);
  if (stats.decided90 < minimumHistory || !current || ahead.some((s) => (stats.stages.get(s.position)?.samples ?? 0) < smallestPublished)) return legal;
  const today = phnomPenhDay(now);
  // The working days the current stage has run, paused days left out: its due date was moved
  // later by each pause, so what is left of its legal time tells what has been used.
  const dueDay = current.dueAt ? phnomPenhDay(current.dueAt) : today;
  const left = dueDay >= today ? workingDaysBetween(today, dueDay, holidays) : -workingDaysBetween(dueDay, today, holidays);
  const used = current.deadlineDays - left;
  const p75 = (position: number) => Math.ceil(stats.stages.get(position)!.p75Days);
  const days = Math.max(1, p75(current.position) - used) + ahead.filter((s) => s.position > current.position).reduce((sum, s) => sum + p75(s.position), 0);
  return { kind: 'history', day: addWorkingDays(today, days, holidays) };
}

/** The statistics waitingForecast needs for one service. */
export async function waitingStats(serviceId: string): Promise<WaitingStats> {
  const [service, stages] = await Promise.all([
    query<{ decided90: number }>(`select decided90 from "PerformanceNow" where scope = 'service' and "scopeId" = $1`, [serviceId]),
    query<{ position: number; samples: number; p75Days: number }>(`select position, samples, "p75Days" from "PerformanceStage" where "serviceId" = $1`, [serviceId]),
  ]);
  return { decided90: service[0]?.decided90 ?? 0, stages: new Map(stages.map((s) => [s.position, s])) };
}

/**
 * The forecast for one waiting file, by its id or reference; null when it is decided (or not
 * filed). Reads the file's stages and the precomputed statistics: a few indexed rows.
 */
export async function forecastForApplication(by: { id: string } | { reference: string }, holidays: ReadonlySet<string>, now = new Date()): Promise<WaitingForecast | null> {
  const [file] = await query<{ id: string; serviceId: string; versionId: string; status: string; dueAt: Date | null; currentStageKey: string | null }>(
    `select id, "serviceId", "serviceVersionId" as "versionId", status, "dueAt", "currentStageKey" from "Application"
     where ${'id' in by ? 'id = $1::uuid' : 'reference = $1'} and status in ${sqlStatusList(inProgressStatuses)}`,
    ['id' in by ? by.id : by.reference],
  );
  if (!file) return null;
  const [stages, definition, stats] = await Promise.all([
    query<{ position: number; stageKey: string; dueAt: Date | null }>(`select position, "stageKey", "dueAt" from "ApplicationStage" where "applicationId" = $1`, [file.id]),
    definitionOfVersion(file.versionId),
    waitingStats(file.serviceId),
  ]);
  const current = stages.find((s) => s.stageKey === file.currentStageKey);
  return waitingForecast(
    {
      status: file.status,
      dueAt: file.dueAt,
      currentPosition: current?.position ?? 0,
      stages: stages.map((s) => ({ position: s.position, dueAt: s.dueAt, deadlineDays: definition.stages[s.position]?.deadlineWorkingDays ?? 0 })),
    },
    stats,
    now,
    holidays,
  );
}
