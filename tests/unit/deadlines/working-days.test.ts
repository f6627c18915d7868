import { describe, expect, test } from 'vitest';
import { addWorkingDays, dueAfterWorkingDays, endOfPhnomPenhDay, isWorkingDay, phnomPenhDay } from '@/lib/deadlines/working-days';

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
