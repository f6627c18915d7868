import { expect, test } from 'vitest';
import { addWorkingDays, endOfPhnomPenhDay } from '@/lib/deadlines/working-days';
import { dueBounds, levelReachedAt } from '@/lib/escalation/levels';

const none = new Set<string>();
// Instants in Phnom Penh (UTC+7), as the ministry reads them.
const pp = (local: string) => new Date(new Date(`${local}Z`).getTime() - 7 * 60 * 60_000);

test('a ten-day stage reaches 80 % at the end of its 8th working day, 100 % when due, 150 % at the end of its 15th', () => {
  // Started Monday 1 March 2021; due at the end of Monday 15 March.
  const due = pp('2021-03-15T23:59:59.999');
  expect(levelReachedAt(due, 10, 80, none)).toEqual(pp('2021-03-11T23:59:59.999'));
  expect(levelReachedAt(due, 10, 100, none)).toEqual(due);
  expect(levelReachedAt(due, 10, 150, none)).toEqual(pp('2021-03-22T23:59:59.999'));
});

test('a share of a working day is counted on the clock: a three-day stage reaches 80 % at 09:36 on its due day', () => {
  // Due at the end of Wednesday 3 March: 0.6 of a day before that is 09:36.
  const due = pp('2021-03-03T23:59:59.999');
  expect(levelReachedAt(due, 3, 80, none).getTime()).toBe(pp('2021-03-03T09:36:00.000').getTime() - 1);
  // 150 %: 1.5 working days after: all of Thursday, then noon on Friday.
  expect(levelReachedAt(due, 3, 150, none)).toEqual(pp('2021-03-05T12:00:00.000'));
});

test('weekends and holidays do not count towards any level', () => {
  // A five-day stage due Monday 8 March: 80 % is the end of the Friday before, not the Sunday.
  const due = pp('2021-03-08T23:59:59.999');
  expect(levelReachedAt(due, 5, 80, none)).toEqual(pp('2021-03-05T23:59:59.999'));
  // With Tuesday 9 March a holiday, 150 % (2.5 days after) moves from noon Thursday to noon Friday.
  expect(levelReachedAt(due, 5, 150, none)).toEqual(pp('2021-03-11T12:00:00.000'));
  expect(levelReachedAt(due, 5, 150, new Set(['2021-03-09']))).toEqual(pp('2021-03-12T12:00:00.000'));
});

test("the pass's due-date bounds never leave out a stage that reached 80 or 150 %, nor read one still waiting for it", () => {
  const holidays = new Set(['2021-04-14', '2021-04-15', '2021-04-16']);
  for (const allowance of [1, 3, 5, 7, 10, 20, 45]) {
    for (let d = 0; d < 20; d++) {
      const due = endOfPhnomPenhDay(addWorkingDays('2021-03-31', d, holidays));
      for (let hour = 0; hour < 24 * 60; hour += 11) {
        const now = new Date(Date.UTC(2021, 2, 25) + hour * 60 * 60_000);
        const bounds = dueBounds(now, allowance, holidays);
        expect(due <= bounds.at80, `80 %, D=${allowance}, due ${due.toISOString()}, now ${now.toISOString()}`).toBe(levelReachedAt(due, allowance, 80, holidays) <= now);
        expect(due <= bounds.at150, `150 %, D=${allowance}, due ${due.toISOString()}, now ${now.toISOString()}`).toBe(levelReachedAt(due, allowance, 150, holidays) <= now);
      }
    }
  }
}, 60_000);
