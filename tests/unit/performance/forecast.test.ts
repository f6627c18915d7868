import { describe, expect, test } from 'vitest';
import { addWorkingDays, endOfPhnomPenhDay } from '@/lib/deadlines/working-days';
import { expectedDay, outlookFrom, waitingForecast, type WaitingStats } from '@/lib/performance/forecast';

const holidays = new Set(['2026-12-29']);
// Wednesday 2 December 2026, 10:00 in Phnom Penh.
const now = new Date('2026-12-02T03:00:00Z');
const stats = { decided90: 40, p25Days: 5.5, p75Days: 8.25, departmentBacklog: 10, departmentPerDay: 4 };

describe('a new application', () => {
  test('most are decided between the 25th and 75th percentile; the expected day is the 75th from today', () => {
    const outlook = outlookFrom(stats, 10);
    expect(outlook).toEqual({ basis: 'history', legalDays: 10, lowDays: 6, highDays: 9 });
    expect(expectedDay(outlook, now, holidays)).toBe('2026-12-15');
  });

  test('a long queue in the department pushes the expected day later', () => {
    expect(outlookFrom({ ...stats, departmentBacklog: 60 }, 10)).toMatchObject({ highDays: 15 });
  });

  test('with 19 decisions in 90 days the forecast is the legal deadline', () => {
    const outlook = outlookFrom({ ...stats, decided90: 19 }, 10);
    expect(outlook).toEqual({ basis: 'legal', legalDays: 10 });
    expect(expectedDay(outlook, now, holidays)).toBe(addWorkingDays('2026-12-02', 10, holidays));
  });
});

describe('a waiting application', () => {
  const withStages = (decided90: number): WaitingStats => ({ decided90, stages: new Map([[0, { samples: 30, p75Days: 3 }], [1, { samples: 30, p75Days: 4.5 }]]) });
  // First of two stages, 5 working days allowed, due Friday 4 December: 3 used of 5.
  const file = {
    status: 'in_review',
    dueAt: endOfPhnomPenhDay('2026-12-10'),
    currentPosition: 0,
    stages: [
      { position: 0, deadlineDays: 5, dueAt: endOfPhnomPenhDay('2026-12-04') },
      { position: 1, deadlineDays: 5, dueAt: null },
    ],
  };

  test('adds what is left of the current stage to the later stages, each at its 75th percentile', () => {
    // max(1, 3 - 3) + 5 = 6 working days from Wednesday 2 December.
    expect(waitingForecast(file, withStages(40), now, holidays)).toEqual({ kind: 'history', day: '2026-12-10' });
  });

  test('falls back to the legal due date with too little history, and says nothing while paused', () => {
    expect(waitingForecast(file, withStages(10), now, holidays)).toEqual({ kind: 'legal', day: '2026-12-10' });
    expect(waitingForecast({ ...file, status: 'info_requested' }, withStages(40), now, holidays)).toEqual({ kind: 'paused' });
  });
});
