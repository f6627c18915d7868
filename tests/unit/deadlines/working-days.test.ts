import { describe, expect, test } from 'vitest';
import {
  addWorkingDays, deadlineFlag, dueAfterWorkingDays, endOfPhnomPenhDay, extendByWorkingDays, isWorkingDay, phnomPenhDay, workingDaysBetween,
} from '@/lib/deadlines/working-days';

const none = new Set<string>();
const independenceDay = new Set(['2026-11-09']);

describe('addWorkingDays', () => {
  test('skips the weekend', () => {
    expect(addWorkingDays('2026-11-20', 1, none)).toBe('2026-11-23'); // Friday + 1 = Monday
    expect(addWorkingDays('2026-11-23', 5, none)).toBe('2026-11-30'); // Monday + 5 = next Monday
  });
  test('a request filed on Saturday starts counting on Monday', () => {
    expect(addWorkingDays('2026-11-21', 1, none)).toBe('2026-11-23');
  });
  test('skips public holidays', () => {
    expect(addWorkingDays('2026-11-06', 1, independenceDay)).toBe('2026-11-10'); // Friday, then Monday 9 is a holiday
  });
  test('crosses the Khmer New Year holidays', () => {
    const newYear = new Set(['2026-04-14', '2026-04-15', '2026-04-16']);
    expect(addWorkingDays('2026-04-13', 2, newYear)).toBe('2026-04-20');
  });
});

test('weekends and holidays are not working days', () => {
  expect(isWorkingDay('2026-11-21', none)).toBe(false);
  expect(isWorkingDay('2026-11-09', independenceDay)).toBe(false);
  expect(isWorkingDay('2026-11-10', independenceDay)).toBe(true);
});

test('days are Phnom Penh days: 20:00 UTC on Friday is already Saturday there', () => {
  expect(phnomPenhDay(new Date('2026-11-20T20:00:00Z'))).toBe('2026-11-21');
  expect(phnomPenhDay(new Date('2026-11-20T16:59:59Z'))).toBe('2026-11-20');
});

test('a deadline ends at midnight in Phnom Penh', () => {
  expect(endOfPhnomPenhDay('2026-11-23').toISOString()).toBe('2026-11-23T16:59:59.999Z');
  expect(dueAfterWorkingDays(new Date('2026-11-20T10:00:00Z'), 1, none).toISOString()).toBe('2026-11-23T16:59:59.999Z');
});

describe('a paused clock', () => {
  test('counts the working days it was stopped, not the weekend or holidays', () => {
    expect(workingDaysBetween('2026-11-06', '2026-11-10', independenceDay)).toBe(1); // Fri to Tue over a holiday Monday
    expect(workingDaysBetween('2026-11-20', '2026-11-20', none)).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-20', none)).toBe(0);
  });
  test('moves the deadline later by those working days, to the end of that day in Phnom Penh', () => {
    const due = endOfPhnomPenhDay('2026-11-20'); // a Friday
    expect(phnomPenhDay(extendByWorkingDays(due, 2, none))).toBe('2026-11-24');
    expect(extendByWorkingDays(due, 0, none)).toBe(due);
  });
});

describe('deadline flags', () => {
  const now = new Date('2026-11-23T03:00:00Z'); // Monday morning in Phnom Penh
  test('past the deadline is overdue', () => {
    expect(deadlineFlag(endOfPhnomPenhDay('2026-11-20'), now, none)).toBe('overdue');
  });
  test('due within two working days is at risk; later is not flagged', () => {
    expect(deadlineFlag(endOfPhnomPenhDay('2026-11-23'), now, none)).toBe('atRisk');
    expect(deadlineFlag(endOfPhnomPenhDay('2026-11-25'), now, none)).toBe('atRisk');
    expect(deadlineFlag(endOfPhnomPenhDay('2026-11-26'), now, none)).toBeNull();
  });
  test('no deadline, no flag', () => {
    expect(deadlineFlag(null, now, none)).toBeNull();
  });
});
