// Working-day arithmetic on the Phnom Penh calendar (UTC+7 all year: Cambodia has no daylight
// saving). Days are 'YYYY-MM-DD' strings so that no time zone can shift them.

const offsetMs = 7 * 60 * 60_000;

/** The calendar day in Phnom Penh at an instant. */
export function phnomPenhDay(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/**
 * The day on which a task of `days` working days falls due when it starts on `start`: the
 * starting day itself does not count, as a request filed on Friday evening is not a day's work.
 */
export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string>): string {
  let day = start;
  for (let counted = 0; counted < days; ) {
    day = nextDay(day);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return day;
}

/** The last moment of a Phnom Penh day, as an instant: deadlines end at midnight there. */
export function endOfPhnomPenhDay(day: string): Date {
  return new Date(new Date(`${day}T23:59:59.999Z`).getTime() - offsetMs);
}

/** The first moment of a Phnom Penh day, as an instant. */
export function startOfPhnomPenhDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - offsetMs);
}

/**
 * A due date placed again after the holiday calendar changed: as many working days are left
 * after `today` under the new calendar as were under the old one, at the same time of day. A due
 * date that has passed stays where it is.
 */
export function redueForCalendar(due: Date, today: string, before: ReadonlySet<string>, after: ReadonlySet<string>): Date {
  const dueDay = phnomPenhDay(due);
  if (dueDay <= today) return due;
  const movedDay = addWorkingDays(today, workingDaysBetween(today, dueDay, before), after);
  return new Date(due.getTime() + (Date.parse(movedDay) - Date.parse(dueDay)));
}

/** When something started at `start` and taking `days` working days is due. */
export function dueAfterWorkingDays(start: Date, days: number, holidays: ReadonlySet<string>): Date {
  return endOfPhnomPenhDay(addWorkingDays(phnomPenhDay(start), days, holidays));
}

/** How many working days lie after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = from; day < to; ) {
    day = nextDay(day);
    if (isWorkingDay(day, holidays)) count++;
  }
  return count;
}

/** Moves a deadline later by the working days the clock was stopped. */
export function extendByWorkingDays(due: Date, days: number, holidays: ReadonlySet<string>): Date {
  return days > 0 ? endOfPhnomPenhDay(addWorkingDays(phnomPenhDay(due), days, holidays)) : due;
}

export type DeadlineFlag = 'overdue' | 'atRisk';

/** Days of warning before a deadline: a file due within this many working days is at risk. */
export const atRiskWorkingDays = 2;

/** Whether a running deadline has passed or is close; null when there is time (or no clock). */
export function deadlineFlag(due: Date | null, now: Date, holidays: ReadonlySet<string>): DeadlineFlag | null {
  if (!due) return null;
  if (due.getTime() < now.getTime()) return 'overdue';
  return due.getTime() <= endOfPhnomPenhDay(addWorkingDays(phnomPenhDay(now), atRiskWorkingDays, holidays)).getTime() ? 'atRisk' : null;
}
