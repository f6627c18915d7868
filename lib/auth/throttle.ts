// Sign-in throttling, kept in Postgres so that it holds across app instances. Each failure is
// counted against the account identifier and against the client's address; past a limit the
// key is locked for a while, and every failure before that is answered a little more slowly.
import { db } from '@/lib/db/client';

const windowMs = 15 * 60_000;
const lockMs = 15 * 60_000;
export const limits = { account: 5, address: 30 } as const;

type Kind = keyof typeof limits;
const key = (kind: Kind, value: string) => `${kind}:${value}`;

/** Minutes until the first of these keys unlocks, or 0 when none is locked. */
export async function lockedMinutes(keys: { account: string; address: string }, now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: [key('account', keys.account), key('address', keys.address)] }, lockedUntil: { gt: now } },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/** Records a failure; returns how many failures the account has in the current window. */
export async function recordFailure(keys: { account: string; address: string }, now = new Date()): Promise<number> {
  let accountFailures = 0;
  for (const kind of ['account', 'address'] as const) {
    // One statement, so concurrent failures cannot both read the old count.
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      insert into "SignInThrottle" ("key", "failures", "windowStart")
      values (${key(kind, keys[kind])}, 1, ${now})
      on conflict ("key") do update set
        "failures" = case when "SignInThrottle"."windowStart" < ${new Date(now.getTime() - windowMs)}
                          then 1 else "SignInThrottle"."failures" + 1 end,
        "windowStart" = case when "SignInThrottle"."windowStart" < ${new Date(now.getTime() - windowMs)}
                             then ${now} else "SignInThrottle"."windowStart" end
      returning "failures"`;
    const failures = row?.failures ?? 1;
    if (failures >= limits[kind]) {
      await db.signInThrottle.update({ where: { key: key(kind, keys[kind]) }, data: { lockedUntil: new Date(now.getTime() + lockMs) } });
    }
    if (kind === 'account') accountFailures = failures;
  }
  return accountFailures;
}

export async function clearFailures(account: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: key('account', account) } });
}

/** 250 ms after the first failure, doubling to at most 4 s: slows guessing, not people. */
export function failureDelayMs(failures: number): number {
  return Math.min(4_000, 250 * 2 ** Math.max(0, failures - 1));
}
