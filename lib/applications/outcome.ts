// What an application came to. A decided file has no stage, department or expected date any
// more: the applicant's page and public tracking show this instead, so neither reads as still
// waiting (a licence revoked after issue included: its application stays "issued").
import type { ApplicationStatus, LicenceStatus } from '@/lib/db/generated/enums';
import { closedStatuses, isIn } from '@/lib/workflow/status-groups';

export type Decision = 'approved' | 'issued' | 'revoked' | 'rejected' | 'withdrawn';

export interface Outcome {
  decision: Decision;
  /** When it was decided (or the licence revoked); null for files decided before it was recorded. */
  on: Date | null;
}


export function applicationOutcome(
  application: { status: ApplicationStatus; decidedAt: Date | null },
  licence: { status: LicenceStatus; revokedAt: Date | null } | null,
): Outcome | null {
  if (licence?.status === 'revoked') return { decision: 'revoked', on: licence.revokedAt };
  return isIn(closedStatuses, application.status) ? { decision: application.status, on: application.decidedAt } : null;
}

/** The colour of each decision's tag; the words say the same. */
export const decisionTone = { approved: 'green', issued: 'green', revoked: 'red', rejected: 'red', withdrawn: 'grey' } as const satisfies Record<Decision, string>;
