// An organisation's applications across every service and department, for its members: where
// each one stands, who holds it and when it is due. A page reads the index
// (organisationId, stageDueAt, id), so it costs the same with five or five thousand files.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { ApplicationStatus, Prisma } from '@/lib/db/generated/client';
import { addWorkingDays, atRiskWorkingDays, deadlineFlag, endOfPhnomPenhDay, phnomPenhDay, type DeadlineFlag } from '@/lib/deadlines/working-days';
import type { Locale } from '@/lib/i18n/routing';
import { definitionOfVersion, listPublishedServices } from '@/lib/services/queries';
import { clockRunningStatuses, closedStatuses, grantedStatuses, inProgressStatuses, isIn } from '@/lib/workflow/status-groups';

export const dashboardPageSize = 25;
/** The "waiting for you" box shows the latest few; the "Waiting for you" filter lists them all. */
const waitingShown = 10;

const choice = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values).optional().catch(undefined);

/** The dashboard's filters as they arrive in the query string; anything unknown is ignored. */
export const dashboardFilters = z.object({
  q: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  service: z.string().max(60).optional().catch(undefined),
  department: z.string().max(60).optional().catch(undefined),
  status: choice(['waiting', 'inProgress', 'decided', 'draft']),
  due: choice(['overdue', 'atRisk']),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type DashboardFilters = z.infer<typeof dashboardFilters>;

/**
 * What the organisation must do something about: answer a request for information, or pay the
 * fee of a decided application (its permit is held until then).
 */
const waitingForApplicant: Prisma.ApplicationWhereInput = {
  OR: [
    { status: 'info_requested' },
    { status: { in: [...grantedStatuses] }, feeRiel: { gt: 0 }, OR: [{ payment: { is: null } }, { payment: { status: 'pending' } }] },
  ],
};

function whereFor(organisationId: string, filters: DashboardFilters, holidays: ReadonlySet<string>, now: Date): Prisma.ApplicationWhereInput {
  const and: Prisma.ApplicationWhereInput[] = [{ organisationId }];
  if (filters.q) {
    // A reference or a part of one ("CP-2026-0004"), in any case.
    and.push({ reference: { contains: filters.q, mode: 'insensitive' } });
  }
  if (filters.service) and.push({ service: { code: filters.service } });
  if (filters.department) and.push({ currentDepartment: { code: filters.department } });
  if (filters.status === 'waiting') and.push(waitingForApplicant);
  if (filters.status === 'inProgress') and.push({ status: { in: [...inProgressStatuses] } });
  if (filters.status === 'decided') and.push({ status: { in: [...closedStatuses] } });
  if (filters.status === 'draft') and.push({ status: 'draft' });
  if (filters.due) {
    // A paused clock (waiting for the applicant) is neither overdue nor at risk.
    const horizon = endOfPhnomPenhDay(addWorkingDays(phnomPenhDay(now), atRiskWorkingDays, holidays));
    and.push({ status: { in: [...clockRunningStatuses] }, stageDueAt: filters.due === 'overdue' ? { lt: now } : { gte: now, lte: horizon } });
  }
  return { AND: and };
}

const rowSelect = {
  id: true,
  reference: true,
  status: true,
  feeRiel: true,
  currentStageKey: true,
  stageDueAt: true,
  dueAt: true,
  updatedAt: true,
  serviceVersionId: true,
  currentDepartment: { select: { nameKm: true, nameEn: true } },
  payment: { select: { status: true } },
  applicant: { select: { name: true } },
  // The current stage's start: "days in this stage".
  stages: { where: { status: { in: ['active', 'info_requested'] } }, select: { stageKey: true, startedAt: true } },
} satisfies Prisma.ApplicationSelect;

type Row = Prisma.ApplicationGetPayload<{ select: typeof rowSelect }>;

export interface DashboardItem {
  id: string;
  reference: string | null;
  status: ApplicationStatus;
  service: Record<Locale, string>;
  stage: Record<Locale, string> | null;
  department: Record<Locale, string> | null;
  applicantName: string;
  daysInStage: number | null;
  stageDueAt: Date | null;
  expectedDecision: Date | null;
  flag: DeadlineFlag | null;
  waitingForYou: boolean;
}

async function describe(row: Row, holidays: ReadonlySet<string>, now: Date): Promise<DashboardItem> {
  const definition = await definitionOfVersion(row.serviceVersionId);
  const stage = definition.stages.find((s) => s.key === row.currentStageKey);
  const started = row.stages.find((s) => s.stageKey === row.currentStageKey)?.startedAt ?? null;
  const unpaid = !!row.feeRiel && row.payment?.status !== 'paid';
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    service: definition.name,
    stage: stage && row.currentDepartment ? stage.name : null,
    department: row.currentDepartment ? { km: row.currentDepartment.nameKm, en: row.currentDepartment.nameEn } : null,
    applicantName: row.applicant.name,
    // Calendar days, as people count them; deadlines are in working days.
    daysInStage: started && row.currentDepartment ? Math.max(0, Math.floor((now.getTime() - started.getTime()) / 86_400_000)) : null,
    stageDueAt: row.currentDepartment ? row.stageDueAt : null,
    expectedDecision: isIn(inProgressStatuses, row.status) ? row.dueAt : null,
    flag: isIn(clockRunningStatuses, row.status) ? deadlineFlag(row.stageDueAt, now, holidays) : null,
    waitingForYou: row.status === 'info_requested' || (isIn(grantedStatuses, row.status) && unpaid),
  };
}

/** One page of the organisation's applications (soonest stage deadline first), and what waits for it. */
export async function organisationDashboard(organisationId: string, filters: DashboardFilters, holidays: ReadonlySet<string>, now = new Date()) {
  const where = whereFor(organisationId, filters, holidays, now);
  const [rows, total, waiting, waitingTotal] = await Promise.all([
    db.application.findMany({
      where,
      // Drafts and decided files have no stage deadline: they come after the running ones.
      orderBy: [{ stageDueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      skip: (filters.page - 1) * dashboardPageSize,
      take: dashboardPageSize,
      select: rowSelect,
    }),
    db.application.count({ where }),
    db.application.findMany({
      where: { AND: [{ organisationId }, waitingForApplicant] },
      orderBy: [{ updatedAt: 'desc' }],
      take: waitingShown,
      select: rowSelect,
    }),
    db.application.count({ where: { AND: [{ organisationId }, waitingForApplicant] } }),
  ]);
  return {
    items: await Promise.all(rows.map((r) => describe(r, holidays, now))),
    total,
    pages: Math.max(1, Math.ceil(total / dashboardPageSize)),
    waiting: await Promise.all(waiting.map((r) => describe(r, holidays, now))),
    waitingTotal,
  };
}

/** Every application matching the filters, for the CSV export, a batch at a time. */
export async function* organisationApplications(organisationId: string, filters: DashboardFilters, holidays: ReadonlySet<string>, now = new Date()) {
  const where = whereFor(organisationId, filters, holidays, now);
  const batch = 500;
  for (let skip = 0; ; skip += batch) {
    const rows = await db.application.findMany({
      where,
      orderBy: [{ stageDueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      skip,
      take: batch,
      select: rowSelect,
    });
    for (const row of rows) yield await describe(row, holidays, now);
    if (rows.length < batch) return;
  }
}

/** What the filters offer: the services people can apply for, and the departments that hold files. */
export async function dashboardChoices() {
  const [services, departments] = await Promise.all([
    listPublishedServices({ includeRetired: true }),
    db.department.findMany({ select: { code: true, nameKm: true, nameEn: true }, orderBy: { code: 'asc' } }),
  ]);
  return { services: services.map((s) => ({ code: s.code, name: s.definition.name })), departments };
}
