// Where each application status stands, in one place. Every list of statuses the portal filters
// or counts by ("in progress", "decided", ...) is read from here; a new status must be placed in
// `phaseOf` or the type check fails.
import type { ApplicationStatus } from '@/lib/db/generated/enums';

type Phase = 'draft' | 'clockRunning' | 'paused' | 'granted' | 'refused' | 'withdrawn';

const phaseOf = {
  draft: 'draft',
  // With the department, its clock running.
  submitted: 'clockRunning',
  in_review: 'clockRunning',
  // Waiting for the applicant's answer: the clock is paused.
  info_requested: 'paused',
  approved: 'granted',
  issued: 'granted',
  rejected: 'refused',
  withdrawn: 'withdrawn',
} as const satisfies Record<ApplicationStatus, Phase>;

type StatusIn<P extends Phase> = { [S in ApplicationStatus]: (typeof phaseOf)[S] extends P ? S : never }[ApplicationStatus];

function statusesIn<P extends Phase>(...phases: P[]): readonly StatusIn<P>[] {
  return (Object.keys(phaseOf) as ApplicationStatus[]).filter((s): s is StatusIn<P> => (phases as Phase[]).includes(phaseOf[s]));
}

/** With the department and counting against its deadline: staff act on these. */
export const clockRunningStatuses = statusesIn('clockRunning');
/** Filed and not yet decided: with the department, or waiting for the applicant's answer. */
export const inProgressStatuses = statusesIn('clockRunning', 'paused');
/** Approved (and the document issued, when there is one). */
export const grantedStatuses = statusesIn('granted');
/** The ministry has decided: approved, issued or rejected. */
export const decidedStatuses = statusesIn('granted', 'refused');
/** Finished one way or another: decided, or withdrawn by the applicant. */
export const closedStatuses = statusesIn('granted', 'refused', 'withdrawn');

export const isIn = <S extends ApplicationStatus>(statuses: readonly S[], status: ApplicationStatus): status is S => (statuses as readonly ApplicationStatus[]).includes(status);

/** A group as an SQL list, `('submitted', 'in_review')`, for raw queries (the values are the enum's own, never input). */
export const sqlStatusList = (statuses: readonly ApplicationStatus[]): string => `(${statuses.map((s) => `'${s}'`).join(', ')})`;
