// The one way the ministry numbers what it issues: application references (DLR-2026-000123),
// receipts (RC-…) and licences (DLRL-…). Each prefix counts from 1 every year, and the year is
// Phnom Penh's: a file submitted at 00:30 on 1 January in Phnom Penh (still 31 December in UTC)
// belongs to the new year. The year is computed here and passed to SQL, never read from the
// database clock, so that every kind agrees and tests can pass the instant in.
import type { Prisma } from '@/lib/db/generated/client';
import { phnomPenhDay } from '@/lib/deadlines/working-days';

/** The numbering year of an instant: the calendar year in Phnom Penh. */
export function numberingYear(at: Date): number {
  return Number(phnomPenhDay(at).slice(0, 4));
}

export function formatNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Takes the next number of `prefix` for the year of `at`, inside the caller's transaction. */
export async function nextNumber(tx: Prisma.TransactionClient, prefix: string, at: Date): Promise<string> {
  const year = numberingYear(at);
  // One statement, so that concurrent transactions never take the same number.
  const [counter] = await tx.$queryRaw<{ last: number }[]>`
    insert into "ReferenceCounter" ("prefix", "year", "last") values (${prefix}, ${year}, 1)
    on conflict ("prefix", "year") do update set "last" = "ReferenceCounter"."last" + 1
    returning "last"`;
  return formatNumber(prefix, year, counter!.last);
}
