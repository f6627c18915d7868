// When a stage reaches 80 %, 100 % and 150 % of its deadline, on the working-day clock.
//
// A stage of D working days is due at the end of its D-th working day (lib/deadlines); a pause
// for more information moves that due date later by the working days it lasted, so counting
// from the due date leaves paused time out. The clock runs through working days only, whole
// days from midnight to midnight in Phnom Penh:
// - 80 %: when 0.2 × D working days are left before the due date (D = 10: the end of the 8th
//   working day; D = 5: the end of the 4th; D = 3: 0.6 of a day before the end of the 3rd,
//   09:36 on the due day);
// - 100 %: the due date itself (the file is overdue from then on);
// - 150 %: 0.5 × D working days after the due date (D = 10: the end of the 15th working day;
//   D = 5: 2.5 days after, at noon of the 3rd working day after the due day).
import { addWorkingDays, endOfPhnomPenhDay, isWorkingDay, phnomPenhDay } from '@/lib/deadlines/working-days';
import type { StaffCapability } from '@/lib/policy/policy';

export const escalationLevels = [80, 100, 150] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

const dayMs = 24 * 60 * 60_000;

/** The working day `count` working days before `day` (0: the day itself). */
function workingDayBefore(day: string, count: number, holidays: ReadonlySet<string>): string {
  let current = day;
  for (let counted = 0; counted < count; ) {
    const date = new Date(`${current}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 1);
    current = date.toISOString().slice(0, 10);
    if (isWorkingDay(current, holidays)) counted++;
  }
  return current;
}

/** The moment a stage due at `dueAt`, with an allowance of `allowance` working days, reaches `level`. */
export function levelReachedAt(dueAt: Date, allowance: number, level: EscalationLevel, holidays: ReadonlySet<string>): Date {
  const offset = ((level - 100) / 100) * allowance;
  if (offset === 0) return dueAt;
  const dueDay = phnomPenhDay(dueAt);
  const whole = Math.floor(Math.abs(offset));
  const part = Math.abs(offset) - whole;
  if (offset < 0) {
    // Back from the end of the due day: whole working days, then part of the one before.
    const end = endOfPhnomPenhDay(workingDayBefore(dueDay, whole, holidays));
    return new Date(end.getTime() - part * dayMs);
  }
  if (part === 0) return endOfPhnomPenhDay(addWorkingDays(dueDay, whole, holidays));
  // Forward: whole working days past the due day, then part of the next working day.
  const start = endOfPhnomPenhDay(addWorkingDays(dueDay, whole + 1, holidays)).getTime() + 1 - dayMs;
  return new Date(start + part * dayMs);
}

/**
 * The latest due date a stage of `allowance` working days can have and have reached 80 % by
 * `now`, and the same for 150 %, exactly: both levels depend only on the due day, so the bound
 * is the end of the latest day whose stages have reached the level (walked back from a day
 * past it). The pass reads only stages due by then: none that is still waiting for the level.
 */
export function dueBounds(now: Date, allowance: number, holidays: ReadonlySet<string>): { at80: Date; at150: Date } {
  const today = phnomPenhDay(now);
  const latestDay = (level: 80 | 150, from: string): Date => {
    let day = from;
    let end = endOfPhnomPenhDay(day);
    for (let i = 0; i < 1_000 && levelReachedAt(end, allowance, level, holidays) > now; i++) {
      const date = new Date(`${day}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - 1);
      day = date.toISOString().slice(0, 10);
      end = endOfPhnomPenhDay(day);
    }
    return end;
  };
  return {
    at80: latestDay(80, addWorkingDays(today, Math.ceil(0.2 * allowance) + 1, holidays)),
    at150: latestDay(150, today),
  };
}

/**
 * Who is told at each level: whoever has the level's capability (policy's staffCapabilities) in
 * the stage's department, or at 150 % in the General Inspectorate.
 */
export const toldAt = {
  80: { capability: 'told.at-risk', inspectorate: false },
  100: { capability: 'told.overdue', inspectorate: false },
  150: { capability: 'told.long-overdue', inspectorate: true },
} as const satisfies Record<EscalationLevel, { capability: StaffCapability; inspectorate: boolean }>;
