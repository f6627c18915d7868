import { z } from 'zod';
import { db } from '@/lib/db/client';
import { metrics } from '@/lib/operations/metrics';
import { identifierField, identifierKey } from './identifier';
import { verifyPassword } from './password';
import { clearFailures, failureDelayMs, lockedMinutes, recordFailure } from './throttle';

export const signInInput = z.object({
  identifier: identifierField,
  password: z.string().min(1, 'errors.password.required').max(200, 'errors.signIn.failed'),
});

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; error: 'failed' }
  | { ok: false; error: 'locked'; minutes: number };

/**
 * Checks a password sign-in. A wrong password, an unknown account and a disabled account all
 * answer the same, so the form does not reveal which accounts exist.
 */
export async function signInWithPassword(
  input: z.output<typeof signInInput>,
  clientAddress: string,
): Promise<SignInResult> {
  const keys = { account: identifierKey(input.identifier), address: clientAddress };
  const minutes = await lockedMinutes(keys);
  if (minutes > 0) {
    metrics().signInFailures.inc({ outcome: 'locked' });
    return { ok: false, error: 'locked', minutes };
  }

  const user = await db.user.findUnique({ where: input.identifier });
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (user && valid && user.status === 'active') {
    await clearFailures({ account: keys.account });
    return { ok: true, userId: user.id };
  }

  metrics().signInFailures.inc({ outcome: 'failed' });
  const failures = await recordFailure(keys);
  await new Promise((resolve) => setTimeout(resolve, failureDelayMs(failures)));
  const nowLocked = await lockedMinutes(keys);
  return nowLocked > 0 ? { ok: false, error: 'locked', minutes: nowLocked } : { ok: false, error: 'failed' };
}
