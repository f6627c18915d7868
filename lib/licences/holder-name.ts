// The public verification page names a licence's holder only to someone who already holds the
// document: its QR code (with a genuine signature) or the name printed on it. Numbers are
// sequential, so a page that showed names to anyone with a number would list every holder.
import { lockedMinutes, recordFailure, failureDelayMs } from '@/lib/auth/throttle';

/** The forms of a name that are the same name: spacing, Latin case and Unicode composition aside. */
export function normalisedName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');
}

export type HolderNameCheck = { result: 'matches' | 'differs' } | { result: 'limited'; minutes: number };

/**
 * Compares the name a visitor typed with the holder's. Wrong names count against the client's
 * address (the tracking lookup's throttle), so names cannot be guessed by the thousand.
 */
export async function checkHolderName(holder: string, typed: string, clientAddress: string): Promise<HolderNameCheck> {
  const minutes = await lockedMinutes({ holderName: clientAddress });
  if (minutes) return { result: 'limited', minutes };
  if (normalisedName(typed) === normalisedName(holder)) return { result: 'matches' };
  const failures = await recordFailure({ holderName: clientAddress });
  await new Promise((resolve) => setTimeout(resolve, Math.min(failureDelayMs(failures), 1_000)));
  return { result: 'differs' };
}
