// The workflow of an application: its statuses, the transitions between them, who may take
// each, and what each records. Every change of status goes through `transition`, inside the
// caller's transaction, together with its event on the timeline.
import type { ApplicationStatus, EventVisibility, Prisma, Role } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/policy/policy';

export interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  /** Who takes it: the applicant (or their organisation's manager), or a staff role. */
  by: 'applicant' | Role;
  event: string;
  visibility: EventVisibility;
}

export const transitions = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant', event: 'submitted', visibility: 'public' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;

/** The application changed since the actor saw it (another tab, a double click, a colleague). */
export class StaleApplicationError extends Error {
  constructor() {
    super('The application changed since it was read');
  }
}

export interface TransitionTarget {
  id: string;
  status: ApplicationStatus;
  version: number;
}

/**
 * Moves an application along one transition. The update names the status and version that
 * were read, so a concurrent change makes it match nothing and nothing is overwritten.
 */
export async function transition(
  tx: Prisma.TransactionClient,
  application: TransitionTarget,
  name: TransitionName,
  actor: Actor,
  changes: Omit<Prisma.ApplicationUncheckedUpdateManyInput, 'status' | 'version'> = {},
  data: Prisma.InputJsonObject = {},
): Promise<void> {
  const t: Transition = transitions[name];
  if (!t.from.includes(application.status)) throw new StaleApplicationError();
  const updated = await tx.application.updateMany({
    where: { id: application.id, status: application.status, version: application.version },
    data: { ...changes, status: t.to, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new StaleApplicationError();
  await tx.applicationEvent.create({
    data: {
      applicationId: application.id,
      actorId: actor.id,
      actorRole: t.by === 'applicant' ? null : t.by,
      type: t.event,
      visibility: t.visibility,
      fromStatus: application.status,
      toStatus: t.to,
      data,
    },
  });
}
