// Sign-in throttling, kept in Postgres so that it holds across app instances. Each failure is
// counted against the account identifier and against the client's address; past a limit the
// key is locked for a while, and every failure before that is answered a little more slowly.
import { db } from '@/lib/db/client';

// Failures per key within the window before it locks: guesses at one account, sign-in failures
// from one address, wrong tracking codes from one address, wrong second-factor codes of one
// member of staff, wrong holder names typed on the verification page from one address, and
// failed token requests of API clients from one address (each costs an argon2 hash).
// Then actions counted whether they succeed or not (takeAllowance), per hour: new accounts from
// one address (generous, because a mobile operator puts many phones behind one address; it
// stops scripted mass sign-ups), and invitations, each an email with words its sender chose,
// per organisation and per sender, and invitations of staff per administrator (enough to staff a
// department in an afternoon); password reset messages per account and per address, and new
// addresses to verify per account (each a message to an address someone typed).
// Wrong one-time codes (password reset, a new address) per mobile number or account.
export const limits = {
  account: 5,
  address: 30,
  tracking: 20,
  apiClientAddress: 30,
  secondFactor: 5,
  holderName: 10,
  registration: 50,
  invitationOrganisation: 20,
  invitationSender: 10,
  staffInvitationSender: 30,
  passwordReset: 5,
  passwordResetAddress: 30,
  contactChange: 10,
  wrongCode: 5,
} as const;

type Kind = keyof typeof limits;
const hourly: ReadonlySet<Kind> = new Set<Kind>(['registration', 'invitationOrganisation', 'invitationSender', 'staffInvitationSender', 'passwordReset', 'passwordResetAddress', 'contactChange']);
/** The window failures are counted in, and how long a key stays locked once past its limit. */
const windowMs = (kind: Kind) => (hourly.has(kind) ? 60 : 15) * 60_000;
const lockMs = windowMs;
const key = (kind: Kind, value: string) => `${kind}:${value}`;

type Keys = Partial<Record<Kind, string>>;
const entries = (keys: Keys) => Object.entries(keys) as [Kind, string][];

/** Minutes until the first of these keys unlocks, or 0 when none is locked. */
export async function lockedMinutes(keys: Keys, now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: entries(keys).map(([kind, value]) => key(kind, value)) }, lockedUntil: { gt: now } },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/** Records a failure against each key; returns the most failures any of them has now. */
export async function recordFailure(keys: Keys, now = new Date()): Promise<number> {
  let most = 0;
  for (const [kind, value] of entries(keys)) {
    // One statement, so concurrent failures cannot both read the old count.
    const windowStart = new Date(now.getTime() - windowMs(kind));
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      insert into "SignInThrottle" ("key", "failures", "windowStart")
      values (${key(kind, value)}, 1, ${now})
      on conflict ("key") do update set
        "failures" = case when "SignInThrottle"."windowStart" < ${windowStart}
                          then 1 else "SignInThrottle"."failures" + 1 end,
        "windowStart" = case when "SignInThrottle"."windowStart" < ${windowStart}
                             then ${now} else "SignInThrottle"."windowStart" end
      returning "failures"`;
    const failures = row?.failures ?? 1;
    if (failures >= limits[kind]) {
      await db.signInThrottle.update({ where: { key: key(kind, value) }, data: { lockedUntil: new Date(now.getTime() + lockMs(kind)) } });
    }
    most = Math.max(most, failures);
  }
  return most;
}

/**
 * For actions limited however they end: 0 and one counted against each key, or the minutes
 * until the first locked key unlocks, and nothing counted. The limit-th action locks its keys,
 * so the next one is refused. Two racing requests may both pass the check: a limit that is
 * off by one under a burst, never unlimited.
 */
export async function takeAllowance(keys: Keys, now = new Date()): Promise<number> {
  const minutes = await lockedMinutes(keys, now);
  if (minutes) return minutes;
  await recordFailure(keys, now);
  return 0;
}

export async function clearFailures(keys: Keys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: entries(keys).map(([kind, value]) => key(kind, value)) } } });
}

/** 250 ms after the first failure, doubling to at most 4 s: slows guessing, not people. */
export function failureDelayMs(failures: number): number {
  return Math.min(4_000, 250 * 2 ** Math.max(0, failures - 1));
}
