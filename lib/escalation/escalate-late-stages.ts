// Lateness climbs the hierarchy on its own (issue 15): a periodic pass of the worker finds the
// active stages that have reached 80, 100 or 150 % of their deadline (./levels.ts) and tells the
// department's supervisors, its heads, then the General Inspectorate, through the outbox, with
// an internal event on the file's timeline. Each level once per stage: the row in
// StageEscalation is written first, and a second worker's identical insert waits on the unique
// index, then finds it taken and tells no one.
import { db, query } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { notify } from '@/lib/notifications/notify';
import { rolesWith } from '@/lib/policy/policy';
import { inspectorateCode } from '@/lib/services/departments';
import { serviceDefinition } from '@/lib/services/definition';
import { dueBounds, escalationLevels, levelReachedAt, toldAt, type EscalationLevel } from './levels';

interface Candidate {
  id: string;
  applicationId: string;
  departmentId: string;
  stageKey: string;
  position: number;
  dueAt: Date;
  allowance: number;
  /** The highest level written for the stage (0: none). */
  escalatedLevel: number;
}

export interface EscalationPassOptions {
  /** The clock: tests set it, the worker passes the time of the pass. */
  now: Date;
  /** Stages read at a time; a pass reads on until none is left. */
  batch?: number;
}

// The running stages escalated up to `$1` (0: not yet) whose next level has come: for each
// allowance in $5, those due by that allowance's bound for the next level ($6), read from the
// partial index on (escalatedLevel, deadlineWorkingDays, dueAt) as one short range each, so a
// pass reads only the stages it escalates. Stages escalated at 150 % are not in the index.
// Read by due date a page at a time, so that every pass sees every stage that needs it.
const candidatesPage = `
  select s.id, s."applicationId", s."departmentId", s."stageKey", s.position, s."dueAt" at time zone 'UTC' as "dueAt",
         s."deadlineWorkingDays" as allowance, s."escalatedLevel"
    from unnest($5::int[], $6::timestamptz[]) as bound(allowance, due)
    cross join lateral (
      select * from "ApplicationStage" s
       where s.status = 'active' and s."pausedAt" is null and s."escalatedLevel" < 150
         and s."escalatedLevel" = $1::int and s."deadlineWorkingDays" = bound.allowance
         and s."dueAt" <= bound.due at time zone 'UTC'
         and (s."dueAt", s.id) > ($2::timestamptz at time zone 'UTC', $3::uuid)
       order by s."dueAt", s.id
       limit $4) s
   order by s."dueAt", s.id
   limit $4`;

/** Escalates every stage that has reached a level it was not escalated at; answers how many escalations it wrote. */
export async function escalateLateStages({ now, batch = 1_000 }: EscalationPassOptions): Promise<number> {
  const allowances = (
    await query<{ days: number }>(
      `select distinct (stage->>'deadlineWorkingDays')::int as days from "ServiceVersion" v, jsonb_array_elements(v.definition->'stages') stage`,
      [],
    )
  ).map((r) => r.days);
  if (allowances.length === 0) return 0;
  const holidays = await loadHolidays();
  const bounds = allowances.map((days) => dueBounds(now, days, holidays));
  // The bound on the due date for the level after each level written: 80 % for stages not yet
  // escalated, 100 % (now) after 80 %, 150 % after 100 %.
  const nextBounds: { after: number; due: Date[] }[] = [
    { after: 0, due: bounds.map((b) => b.at80) },
    { after: 80, due: allowances.map(() => now) },
    { after: 100, due: bounds.map((b) => b.at150) },
  ];
  let written = 0;
  for (const { after: level, due } of nextBounds) {
    let after: [Date, string] = [new Date(0), '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const page = await query<Candidate>(candidatesPage, [level, after[0], after[1], batch, allowances, due]);
      for (const stage of page) {
        for (const next of escalationLevels) {
          if (next <= stage.escalatedLevel) continue;
          const reachedAt = levelReachedAt(stage.dueAt, stage.allowance, next, holidays);
          if (reachedAt.getTime() > now.getTime()) break;
          if (await escalate(stage, next, reachedAt)) written++;
        }
      }
      if (page.length < batch) break;
      after = [page.at(-1)!.dueAt, page.at(-1)!.id];
    }
  }
  return written;
}

async function recipients(tx: Prisma.TransactionClient, departmentId: string, level: EscalationLevel): Promise<string[]> {
  const who = toldAt[level];
  const rows = await tx.roleAssignment.findMany({
    where: {
      role: { in: rolesWith(who.capability) },
      ...(who.inspectorate ? { department: { code: inspectorateCode } } : { departmentId }),
      user: { status: 'active' },
    },
    select: { userId: true },
    distinct: ['userId'],
  });
  return rows.map((r) => r.userId);
}

async function escalate(stage: Candidate, level: EscalationLevel, reachedAt: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const told = await recipients(tx, stage.departmentId, level);
    // Only while the stage is still running with the due date read: a stage decided or paused
    // since the candidates were read is not escalated.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      insert into "StageEscalation" (id, "stageId", "applicationId", "departmentId", level, "reachedAt", "dueAt", told)
      select gen_random_uuid(), s.id, s."applicationId", s."departmentId", ${level}::int, ${reachedAt}::timestamptz, s."dueAt", ${told.length}::int
        from "ApplicationStage" s
       where s.id = ${stage.id}::uuid and s.status = 'active' and s."pausedAt" is null and s."dueAt" = ${stage.dueAt}::timestamptz
      on conflict ("stageId", level) do nothing
      returning id::text`;
    if (inserted.length === 0) return false;
    await tx.$executeRaw`update "ApplicationStage" set "escalatedLevel" = greatest("escalatedLevel", ${level}::int) where id = ${stage.id}::uuid`;
    const file = await tx.application.findUniqueOrThrow({
      where: { id: stage.applicationId },
      select: { reference: true, serviceVersion: { select: { definition: true } } },
    });
    const definition = serviceDefinition.parse(file.serviceVersion.definition);
    const stageName = definition.stages.find((s) => s.key === stage.stageKey)?.name ?? { km: stage.stageKey, en: stage.stageKey };
    for (const userId of told) {
      await notify(tx, userId, stage.applicationId, 'stage_escalated', {
        reference: file.reference ?? '',
        service: definition.name,
        escalation: { level, stage: stageName, due: phnomPenhDay(stage.dueAt) },
      });
    }
    await tx.applicationEvent.create({
      data: {
        applicationId: stage.applicationId,
        type: 'escalated',
        visibility: 'internal',
        data: { stage: stage.stageKey, level, reachedAt: reachedAt.toISOString(), dueAt: stage.dueAt.toISOString(), told: told.length },
      },
    });
    return true;
  });
}
