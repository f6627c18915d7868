// A department's queue: the files it holds, most urgent first, a page at a time. The order
// (stage due date, then id) is the index (currentDepartmentId, stageDueAt, id), so a page reads
// a few index entries however many files the department holds. A search puts the best matches
// first (see searchMatches), each kind of match read through an index of its own.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { atRiskWorkingDays, addWorkingDays, endOfPhnomPenhDay, phnomPenhDay } from '@/lib/deadlines/working-days';
import { departmentsWhere, interestsOf, rolesWith, type Actor } from '@/lib/policy/policy';
import { definitionOfVersion, listPublishedServices } from '@/lib/services/queries';
import { normalizeCambodianMobile } from '@/lib/validation/cambodian-mobile';
import { clockRunningStatuses } from './status-groups';

export const queuePageSize = 25;

const choice = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values).optional().catch(undefined);

/** The queue's filters as they arrive in the query string; anything unknown is ignored. */
export const queueFilters = z.object({
  q: z.string().trim().max(100).optional().catch(undefined).transform((q) => q || undefined),
  service: z.string().max(60).optional().catch(undefined),
  stage: z.string().max(60).optional().catch(undefined),
  status: choice(['waiting', 'info_requested']),
  due: choice(['overdue', 'atRisk']),
  assigned: choice(['me', 'none']),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type QueueFilters = z.infer<typeof queueFilters>;

const waiting = [...clockRunningStatuses];

/**
 * What a search matches, best first: the exact reference, the applicant's mobile number, part of
 * the applicant's name, part of a reference. Each is answered by an index: references and
 * mobile numbers are unique, names and references have trigram indexes (migration queue_search).
 */
export function searchMatches(query: string): Prisma.ApplicationWhereInput[] {
  const matches: Prisma.ApplicationWhereInput[] = [{ reference: query.toUpperCase() }];
  const mobile = normalizeCambodianMobile(query);
  if (mobile) matches.push({ applicant: { phone: mobile } });
  // LIKE's wildcards are not the person's to use; and a part shorter than a trigram would read
  // the whole index.
  const part = query.replace(/[%_\\]/g, '').trim();
  if ([...part].length >= 3) {
    matches.push({ applicant: { name: { contains: part, mode: 'insensitive' } } });
    matches.push({ reference: { contains: part, mode: 'insensitive' } });
  }
  return matches;
}

const queueRow = {
  id: true,
  reference: true,
  status: true,
  currentStageKey: true,
  stageDueAt: true,
  serviceVersionId: true,
  assigneeId: true,
  assignee: { select: { name: true } },
  applicant: { select: { name: true } },
} satisfies Prisma.ApplicationSelect;
const queueOrder: Prisma.ApplicationOrderByWithRelationInput[] = [{ stageDueAt: 'asc' }, { id: 'asc' }];

/**
 * One page of a search: the files of each kind of match (and of none before it), in queue order,
 * one kind after the other. Each kind is counted apart, so the page reads only the kinds it shows.
 */
async function searchPage(where: Prisma.ApplicationWhereInput, query: string, page: number) {
  const matches = searchMatches(query);
  const kinds = matches.map((match, i): Prisma.ApplicationWhereInput => (i ? { AND: [where, match], NOT: matches.slice(0, i) } : { AND: [where, match] }));
  const counts = await Promise.all(kinds.map((kind) => db.application.count({ where: kind })));
  const rows: Prisma.ApplicationGetPayload<{ select: typeof queueRow }>[] = [];
  let skip = (page - 1) * queuePageSize;
  for (const [i, kind] of kinds.entries()) {
    const take = queuePageSize - rows.length;
    if (take === 0) break;
    if (skip >= counts[i]!) {
      skip -= counts[i]!;
      continue;
    }
    rows.push(...(await db.application.findMany({ where: kind, orderBy: queueOrder, skip, take, select: queueRow })));
    skip = 0;
  }
  return { rows, total: counts.reduce((sum, n) => sum + n, 0) };
}

/** The departments whose queue the actor may see, by code. */
export async function queueDepartments(actor: Actor) {
  return db.department.findMany({ where: { id: { in: departmentsWhere(actor, 'queue.view') } }, orderBy: { code: 'asc' } });
}

/** What the department may filter by: the services that pass through it and their stages there. */
export async function queueChoices(departmentCode: string) {
  const services = (await listPublishedServices({ includeRetired: true })).filter((s) => s.definition.stages.some((st) => st.department === departmentCode));
  return services.map((s) => ({ code: s.code, name: s.definition.name, stages: s.definition.stages.filter((st) => st.department === departmentCode) }));
}

/**
 * Files the actor has an interest in are not theirs to see here: they stay for colleagues. Most
 * staff have none in their department's queue, and then no filter is added: it would make the
 * page count read every row of a large queue instead of its index alone (the queue benchmark's
 * first page went from 74 to 343 ms at p95 with a million files).
 */
async function withoutInterests(departmentId: string, actor: Pick<Actor, 'id' | 'organisations'>): Promise<Prisma.ApplicationWhereInput[]> {
  const { applicantIds, organisationIds } = interestsOf(actor);
  const interests: Prisma.ApplicationWhereInput[] = [{ applicantId: { in: applicantIds } }];
  if (organisationIds.length) interests.push({ organisationId: { in: organisationIds } });
  const any = await db.application.findFirst({ where: { currentDepartmentId: departmentId, OR: interests }, select: { id: true } });
  if (!any) return [];
  const notApplicant = { applicantId: { notIn: applicantIds } };
  // Spelled with `null` apart: SQL's NOT IN is never true for a file without an organisation.
  return organisationIds.length ? [notApplicant, { OR: [{ organisationId: null }, { organisationId: { notIn: organisationIds } }] }] : [notApplicant];
}

export async function departmentQueue(departmentId: string, actor: Pick<Actor, 'id' | 'organisations'>, filters: QueueFilters, holidays: ReadonlySet<string>, now = new Date()) {
  const actorId = actor.id;
  const where: Prisma.ApplicationWhereInput = { currentDepartmentId: departmentId, AND: await withoutInterests(departmentId, actor) };
  if (filters.service) where.service = { code: filters.service };
  if (filters.stage) where.currentStageKey = filters.stage;
  if (filters.status) where.status = filters.status === 'waiting' ? { in: waiting } : 'info_requested';
  if (filters.due) {
    // A paused clock is neither overdue nor at risk.
    if (filters.status === 'info_requested') return { items: [], total: 0, pages: 1 };
    where.status = { in: waiting };
    const horizon = endOfPhnomPenhDay(addWorkingDays(phnomPenhDay(now), atRiskWorkingDays, holidays));
    where.stageDueAt = filters.due === 'overdue' ? { lt: now } : { gte: now, lte: horizon };
  }
  if (filters.assigned) where.assigneeId = filters.assigned === 'me' ? actorId : null;

  const { rows, total } = filters.q
    ? await searchPage(where, filters.q, filters.page)
    : await Promise.all([
        db.application.findMany({ where, orderBy: queueOrder, skip: (filters.page - 1) * queuePageSize, take: queuePageSize, select: queueRow }),
        db.application.count({ where }),
      ]).then(([rows, total]) => ({ rows, total }));
  const items = await Promise.all(
    rows.map(async (row) => {
      const definition = await definitionOfVersion(row.serviceVersionId);
      return { ...row, service: definition.name, stage: definition.stages.find((s) => s.key === row.currentStageKey)?.name ?? null };
    }),
  );
  return { items, total, pages: Math.max(1, Math.ceil(total / queuePageSize)) };
}

/** Per member of staff who works files: the files assigned to them in the department, and how many are overdue. */
export async function departmentWorkload(departmentId: string, now = new Date()) {
  const staff = await db.user.findMany({
    where: { roles: { some: { departmentId, role: { in: rolesWith('file.work') } } }, status: 'active' },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const [assigned, overdue, unassigned] = await Promise.all([
    db.application.groupBy({ by: ['assigneeId'], where: { currentDepartmentId: departmentId, assigneeId: { not: null } }, _count: true }),
    db.application.groupBy({
      by: ['assigneeId'],
      where: { currentDepartmentId: departmentId, status: { in: waiting }, stageDueAt: { lt: now }, assigneeId: { not: null } },
      _count: true,
    }),
    db.application.count({ where: { currentDepartmentId: departmentId, assigneeId: null } }),
  ]);
  const count = (rows: { assigneeId: string | null; _count: number }[], id: string) => rows.find((r) => r.assigneeId === id)?._count ?? 0;
  return { staff: staff.map((s) => ({ ...s, assigned: count(assigned, s.id), overdue: count(overdue, s.id) })), unassigned };
}
