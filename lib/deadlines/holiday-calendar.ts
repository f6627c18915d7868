import { db } from '@/lib/db/client';

/** The ministry's holiday table as a set of 'YYYY-MM-DD' days, for working-day arithmetic. */
export async function loadHolidays(): Promise<Set<string>> {
  const rows = await db.holiday.findMany({ select: { date: true } });
  return new Set(rows.map((h) => h.date.toISOString().slice(0, 10)));
}
