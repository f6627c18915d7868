// The one way an administrative act is written to the audit trail (AdminEvent, append-only).
// Call it inside the transaction that makes the change, so the act and its record stand or fall together.
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

export type AdminSubject = `service:${string}` | `department:${string}` | `holiday:${string}` | `user:${string}` | `invitation:${string}`;

export async function recordAdminAct(
  tx: Prisma.TransactionClient,
  act: { actorId: string; type: string; subject: AdminSubject; data?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.adminEvent.create({ data: { actorId: act.actorId, type: act.type, subject: act.subject, data: act.data ?? {} } });
}

/** The latest administrative acts, newest first, with who did them: for the auditors' page. */
export async function recentAdminActs(take = 100) {
  return db.adminEvent.findMany({ orderBy: { id: 'desc' }, take, select: { id: true, type: true, subject: true, data: true, createdAt: true, actor: { select: { name: true } } } });
}
