import { expect, test } from 'vitest';
import { db } from '@/lib/db/client';
import { addHoliday, removeHoliday, renameHoliday } from '@/lib/deadlines/holiday-changes';
import { filedApplication, newCitizen, newStaff } from './support/applicants';

// The clock of this test is Thursday 1 March 2040, far from every other test's files and from
// the seeded calendars. Open files are due at the end of Monday 12 March in Phnom Penh; the
// holiday is Wednesday 7 March, before it.
const now = new Date('2040-03-01T03:00:00Z');
const due = new Date('2040-03-12T16:59:59.999Z');
const dueOneDayLater = new Date('2040-03-13T16:59:59.999Z');
const holiday = { day: '2040-03-07', nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង', nameEn: 'A test holiday' };

async function fileDue(status: 'in_review' | 'approved') {
  const id = await filedApplication(await newCitizen());
  await db.application.update({ where: { id }, data: { status, dueAt: due, stageDueAt: due } });
  await db.applicationStage.updateMany({ where: { applicationId: id, status: 'active' }, data: { dueAt: due, ...(status === 'approved' ? { status: 'approved' } : {}) } });
  return id;
}

const duesOf = async (id: string) => {
  const file = await db.application.findUniqueOrThrow({ where: { id }, select: { dueAt: true, stageDueAt: true, stages: { select: { dueAt: true }, orderBy: { position: 'asc' } } } });
  return { dueAt: file.dueAt, stageDueAt: file.stageDueAt, stage: file.stages[0]!.dueAt };
};
const movesOf = (id: string) => db.applicationEvent.findMany({ where: { applicationId: id, type: 'due_dates_moved' }, orderBy: { id: 'asc' } });

test('an added holiday moves open due dates one working day later, a removed one back; decided files stay; each move is on the timeline and the act on the audit trail', async () => {
  const admin = await newStaff('administrator', 'land-transport');
  const open = await fileDue('in_review');
  const decided = await fileDue('approved');

  expect(await addHoliday(admin.id, holiday, now)).toEqual({ ok: true, movedFiles: 1 });
  expect(await duesOf(open)).toEqual({ dueAt: dueOneDayLater, stageDueAt: dueOneDayLater, stage: dueOneDayLater });
  expect(await duesOf(decided)).toEqual({ dueAt: due, stageDueAt: due, stage: due });
  const [added] = await movesOf(open);
  expect(added).toMatchObject({ visibility: 'internal', actorId: admin.id, data: { holiday: '2040-03-07', change: 'holiday_added' } });
  expect(await movesOf(decided)).toEqual([]);
  // Adding it again changes nothing.
  expect(await addHoliday(admin.id, holiday, now)).toEqual({ ok: false, problem: 'exists' });

  // Renaming moves nothing.
  expect(await renameHoliday(admin.id, { ...holiday, nameEn: 'A renamed test holiday' })).toEqual({ ok: true, movedFiles: 0 });
  expect(await duesOf(open)).toEqual({ dueAt: dueOneDayLater, stageDueAt: dueOneDayLater, stage: dueOneDayLater });

  expect(await removeHoliday(admin.id, holiday.day, now)).toEqual({ ok: true, movedFiles: 1 });
  expect(await duesOf(open)).toEqual({ dueAt: due, stageDueAt: due, stage: due });
  expect((await movesOf(open)).map((e) => (e.data as { change: string }).change)).toEqual(['holiday_added', 'holiday_removed']);
  expect(await removeHoliday(admin.id, holiday.day, now)).toEqual({ ok: false, problem: 'missing' });

  const acts = await db.adminEvent.findMany({ where: { subject: 'holiday:2040-03-07' }, orderBy: { createdAt: 'asc' } });
  expect(acts.map((a) => [a.type, a.actorId])).toEqual([
    ['holiday_added', admin.id],
    ['holiday_renamed', admin.id],
    ['holiday_removed', admin.id],
  ]);
});

test('a holiday on a day already past moves no due date', async () => {
  const admin = await newStaff('administrator', 'land-transport');
  const open = await fileDue('in_review');
  const later = new Date('2040-03-08T03:00:00Z');
  expect(await addHoliday(admin.id, { ...holiday, day: '2040-03-06' }, later)).toEqual({ ok: true, movedFiles: 0 });
  expect(await duesOf(open)).toEqual({ dueAt: due, stageDueAt: due, stage: due });
  await removeHoliday(admin.id, '2040-03-06', later);
});
