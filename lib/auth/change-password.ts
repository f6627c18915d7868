// A signed-in person changes their password. Whoever may have learnt the old one loses every
// session made with it: all of the person's sessions end, and the caller starts a new one for
// the browser that made the change.
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { hashPassword, verifyPassword } from './password';
import { isGuessablePassword, newPasswordField } from './password-rules';
import { endAllSessions } from './sessions';
import { clearFailures, lockedMinutes, recordFailure } from './throttle';

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'errors.password.currentRequired').max(200, 'errors.password.currentWrong'),
  newPassword: newPasswordField,
});

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; error: 'currentWrong' | 'guessable' | 'noPassword' }
  | { ok: false; error: 'locked'; minutes: number };

/** Whether the account has a password: those made with the national digital ID have none to change. */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user.passwordHash);
}

export async function changePassword(userId: string, input: z.output<typeof changePasswordInput>): Promise<ChangePasswordResult> {
  // Someone at an unattended, signed-in browser must not be able to guess the password here
  // faster than at the sign-in form.
  const keys = { account: `user:${userId}` };
  const minutes = await lockedMinutes(keys);
  if (minutes > 0) return { ok: false, error: 'locked', minutes };
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true, phone: true } });
  if (!user?.passwordHash) return { ok: false, error: 'noPassword' };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(keys);
    const locked = await lockedMinutes(keys);
    return locked > 0 ? { ok: false, error: 'locked', minutes: locked } : { ok: false, error: 'currentWrong' };
  }
  if (isGuessablePassword(input.newPassword, user.email ?? user.phone ?? '')) return { ok: false, error: 'guessable' };
  await clearFailures(keys);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const ended = await endAllSessions(userId, 'password_changed', { tx });
    await tx.accountEvent.create({ data: { userId, actorId: userId, type: 'password_changed', data: { sessionsEnded: ended } } });
  });
  return { ok: true };
}
