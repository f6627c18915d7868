// An administrator keeps each year's public holidays (policy area 'admin.holidays'). A holiday
// added or removed changes how many working days open files have left: their running due dates
// move, each move on the file's internal timeline, in the transaction that changes the calendar
// and records the administrative act.
import { z } from 'zod';
import { recordAdminAct } from '@/lib/administration/audit';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { phnomPenhDay, redueForCalendar, startOfPhnomPenhDay } from './working-days';

export interface Holiday {
  day: string;
  nameKm: string;
  nameEn: string;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** A real calendar day written yyyy-mm-dd (what a date input posts). */
export const holidayDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'holidaysAdmin.errors.day')
  .refine((day) => !Number.isNaN(Date.parse(day)) && new Date(day).toISOString().startsWith(day), 'holidaysAdmin.errors.day');

export const holidayNames = z.object({
  nameKm: z.string().trim().min(1, 'holidaysAdmin.errors.nameKm').max(200, 'holidaysAdmin.errors.nameTooLong'),
  nameEn: z.string().trim().min(1, 'holidaysAdmin.errors.nameEn').max(200, 'holidaysAdmin.errors.nameTooLong'),
});

export const holidayInput = holidayNames.extend({ day: holidayDay });

export async function holidaysOfYear(year: number): Promise<Holiday[]> {
  const rows = await db.holiday.findMany({
    where: { date: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) } },
    orderBy: { date: 'asc' },
  });
  return rows.map((h) => ({ day: dayOf(h.date), nameKm: h.nameKm, nameEn: h.nameEn }));
}

export async function findHoliday(day: string): Promise<Holiday | null> {
  const row = await db.holiday.findUnique({ where: { date: new Date(`${day}T00:00:00Z`) } });
  return row ? { day, nameKm: row.nameKm, nameEn: row.nameEn } : null;
}

/** The years that have a calendar, and the current and next year whether they do or not. */
export async function holidayYears(now = new Date()): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`select distinct extract(year from date)::int as year from "Holiday"`;
  const current = Number(phnomPenhDay(now).slice(0, 4));
  return [...new Set([...rows.map((r) => r.year), current, current + 1])].sort((a, b) => a - b);
}

/** From October, next year's calendar is due: the year to warn about when it has no holiday yet. */
export async function nextYearWithoutCalendar(now = new Date()): Promise<number | null> {
  const today = phnomPenhDay(now);
  if (Number(today.slice(5, 7)) < 10) return null;
  const next = Number(today.slice(0, 4)) + 1;
  return (await holidaysOfYear(next)).length === 0 ? next : null;
}

export type HolidayChange = { ok: true; movedFiles: number } | { ok: false; problem: 'exists' | 'missing' };

/** Adds a holiday; open files due on or after it get one more working day. */
export async function addHoliday(actorId: string, holiday: Holiday, now = new Date()): Promise<HolidayChange> {
  return changeCalendar(actorId, holiday.day, now, async (tx) => {
    const inserted = await tx.holiday.createMany({ data: [{ date: new Date(`${holiday.day}T00:00:00Z`), nameKm: holiday.nameKm, nameEn: holiday.nameEn }], skipDuplicates: true });
    if (inserted.count === 0) return null;
    return { type: 'holiday_added', data: { nameKm: holiday.nameKm, nameEn: holiday.nameEn } };
  });
}

/** Removes a holiday; open files due on or after it get one working day fewer. */
export async function removeHoliday(actorId: string, day: string, now = new Date()): Promise<HolidayChange> {
  return changeCalendar(actorId, day, now, async (tx) => {
    const [removed] = await tx.$queryRaw<{ nameKm: string; nameEn: string }[]>`delete from "Holiday" where date = ${day}::date returning "nameKm", "nameEn"`;
    return removed ? { type: 'holiday_removed', data: removed } : null;
  });
}

/** Renames a holiday: the calendar is the same, so no due date moves. */
export async function renameHoliday(actorId: string, holiday: Holiday): Promise<HolidayChange> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ nameKm: string; nameEn: string }[]>`select "nameKm", "nameEn" from "Holiday" where date = ${holiday.day}::date for update`;
    if (!before) return { ok: false, problem: 'missing' } as const;
    await tx.holiday.update({ where: { date: new Date(`${holiday.day}T00:00:00Z`) }, data: { nameKm: holiday.nameKm, nameEn: holiday.nameEn } });
    await recordAdminAct(tx, { actorId, type: 'holiday_renamed', subject: `holiday:${holiday.day}`, data: { from: before, to: { nameKm: holiday.nameKm, nameEn: holiday.nameEn } } });
    return { ok: true, movedFiles: 0 } as const;
  });
}

type CalendarEdit = (tx: Prisma.TransactionClient) => Promise<{ type: 'holiday_added' | 'holiday_removed'; data: Prisma.InputJsonObject } | null>;

// Open files: filed and not yet decided.
const openStatuses = ['submitted', 'in_review', 'info_requested'] as const;

async function changeCalendar(actorId: string, day: string, now: Date, edit: CalendarEdit): Promise<HolidayChange> {
  return db.$transaction(async (tx) => {
    // One calendar change at a time: each reads the calendar the one before it left.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('holiday calendar'))`;
    const before = await holidaySet(tx);
    const change = await edit(tx);
    if (!change) return { ok: false, problem: before.has(day) ? 'exists' : 'missing' } as const;
    const movedFiles = await moveOpenDueDates(tx, { actorId, day, change: change.type, before, after: await holidaySet(tx), today: phnomPenhDay(now) });
    await recordAdminAct(tx, { actorId, type: change.type, subject: `holiday:${day}`, data: { ...change.data, movedFiles } });
    return { ok: true, movedFiles } as const;
  });
}

async function holidaySet(tx: Prisma.TransactionClient): Promise<Set<string>> {
  return new Set((await tx.holiday.findMany({ select: { date: true } })).map((h) => dayOf(h.date)));
}

/**
 * Moves the due dates of open files that the changed day falls before: the running stages' and
 * the file's own (and the queue's copy of the current stage's). A day already past, or today,
 * moves nothing: no working day left to any file changed.
 */
async function moveOpenDueDates(
  tx: Prisma.TransactionClient,
  { actorId, day, change, before, after, today }: { actorId: string; day: string; change: string; before: Set<string>; after: Set<string>; today: string },
): Promise<number> {
  if (day <= today) return 0;
  const from = startOfPhnomPenhDay(day);
  const redue = (due: Date) => redueForCalendar(due, today, before, after);
  const files = await tx.application.findMany({
    where: {
      status: { in: [...openStatuses] },
      OR: [{ dueAt: { gte: from } }, { stageDueAt: { gte: from } }, { stages: { some: { status: { in: ['active', 'info_requested'] }, dueAt: { gte: from } } } }],
    },
    select: { id: true, dueAt: true, stageDueAt: true, stages: { where: { status: { in: ['active', 'info_requested'] }, dueAt: { not: null } }, select: { id: true, stageKey: true, dueAt: true } } },
  });
  let moved = 0;
  for (const file of files) {
    const moves: { what: string; from: string; to: string }[] = [];
    const move = (what: string, due: Date | null) => {
      if (!due) return null;
      const to = redue(due);
      if (to.getTime() === due.getTime()) return null;
      moves.push({ what, from: due.toISOString(), to: to.toISOString() });
      return to;
    };
    const dueAt = move('application', file.dueAt);
    const stageDueAt = file.stageDueAt ? redue(file.stageDueAt) : null;
    for (const stage of file.stages) {
      const to = move(`stage:${stage.stageKey}`, stage.dueAt);
      if (to) await tx.applicationStage.update({ where: { id: stage.id }, data: { dueAt: to } });
    }
    if (moves.length === 0) continue;
    await tx.application.update({
      where: { id: file.id },
      data: { ...(dueAt ? { dueAt } : {}), ...(stageDueAt ? { stageDueAt } : {}) },
    });
    await tx.applicationEvent.create({
      data: { applicationId: file.id, actorId, actorRole: 'administrator', type: 'due_dates_moved', visibility: 'internal', data: { holiday: day, change, moves } },
    });
    moved++;
  }
  return moved;
}
