// The workflow of an application, in one place: its statuses and the statuses of its stages,
// the transitions between them, who may take each (which role, in which department), and what
// each records. Every change goes through `perform` (or `submit`'s `transition`), in one
// transaction with its event on the audit trail.
//
//   draft ──submit──▶ submitted ──approveStage──▶ in_review ──approveStage──▶ … ──finalApprove──▶ approved
//                         │  ▲                        │  ▲
//              requestInfo│  │resubmit     requestInfo│  │resubmit      (from submitted or in_review)
//                         ▼  │                        ▼  │                 ──reject──▶ rejected
//                     info_requested             info_requested
//
// A stage is pending until the file reaches it, then active; it pauses (info_requested) while
// the applicant is asked for more, and ends approved or rejected. The department that holds
// the current stage holds the file (`currentDepartmentId`); a decided file has none.
import 'server-only';
import { z } from 'zod';
import { db, query } from '@/lib/db/client';
import type { ApplicationStatus, EventVisibility, Prisma, StageStatus } from '@/lib/db/generated/client';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { dueAfterWorkingDays, extendByWorkingDays, phnomPenhDay, workingDaysBetween } from '@/lib/deadlines/working-days';
import { issueLicence } from '@/lib/licences/issue';
import { notifiedEvents, notify } from '@/lib/notifications/notify';
import { actsForApplicant, canInDepartment, hasInterest, interestsOf, isApplicantSide, rolesWith, stageDeciders, type Actor, type ApiClientActor } from '@/lib/policy/policy';
import type { ServiceDefinition } from '@/lib/services/definition';
import { isPlainLine } from '@/lib/validation/plain-text';
import { emitWebhookEvent } from '@/lib/webhooks/emit';
import { clockRunningStatuses, decidedStatuses, grantedStatuses, inProgressStatuses } from './status-groups';

/**
 * Who may take a step (which staff roles have each capability: policy's staffCapabilities):
 * - applicant: the applicant, or an owner or manager of the organisation they applied for;
 * - decider: in the department holding the current stage, whoever has the capability the
 *   stage's decider takes (policy's stageDeciders: a clerk's stage, or one reserved for the head);
 * - caseworker: file.work in the department holding the current stage;
 * - supervisor: file.supervise in that department;
 * - staff: file.note in a department the file has reached (those who see it: policy's application.view);
 * - issuer: licence.revoke in the department of the last stage, which issued the licence;
 * - bank: the payment provider, through its signed confirmation (no person).
 */
export type Taker = 'applicant' | 'decider' | 'caseworker' | 'supervisor' | 'staff' | 'issuer' | 'bank';

export interface Step {
  from: readonly ApplicationStatus[];
  /** The application's status afterwards; absent when the step does not change it. */
  to?: ApplicationStatus;
  /** The current stage's status afterwards. */
  stage?: StageStatus;
  by: Taker;
  /** The event it records; public events show on the applicant's timeline. */
  event: string;
  visibility: EventVisibility;
  /** Whether the step must name the version the actor saw (a decision from a stale page is refused). */
  guarded: boolean;
}

const open = clockRunningStatuses;
const held = inProgressStatuses;

export const steps = {
  submit: { from: ['draft'], to: 'submitted', stage: 'active', by: 'applicant', event: 'submitted', visibility: 'public', guarded: true },
  claim: { from: open, by: 'caseworker', event: 'assigned', visibility: 'internal', guarded: true },
  reassign: { from: held, by: 'supervisor', event: 'reassigned', visibility: 'internal', guarded: true },
  requestInfo: { from: open, to: 'info_requested', stage: 'info_requested', by: 'caseworker', event: 'info_requested', visibility: 'public', guarded: true },
  resubmit: { from: ['info_requested'], to: 'in_review', stage: 'active', by: 'applicant', event: 'resubmitted', visibility: 'public', guarded: true },
  // Only at an inspection stage; approving that stage needs a passing inspection.
  recordInspection: { from: open, by: 'caseworker', event: 'inspection_recorded', visibility: 'public', guarded: true },
  // Any stage but the last; the file moves to the next stage's department.
  approveStage: { from: open, to: 'in_review', stage: 'approved', by: 'decider', event: 'stage_approved', visibility: 'public', guarded: true },
  // The last stage.
  finalApprove: { from: open, to: 'approved', stage: 'approved', by: 'decider', event: 'approved', visibility: 'public', guarded: true },
  reject: { from: open, to: 'rejected', stage: 'rejected', by: 'decider', event: 'rejected', visibility: 'public', guarded: true },
  // Taken with final approval, in its transaction, when the service issues a document.
  issue: { from: ['approved'], to: 'issued', by: 'decider', event: 'issued', visibility: 'public', guarded: false },
  // Withdraws an issued licence, with a reason the holder reads; the status stays "issued".
  revokeLicence: { from: ['issued'], by: 'issuer', event: 'licence_revoked', visibility: 'public', guarded: true },
  // The bank's signed confirmation of the fee (lib/payments); the status does not change.
  paymentReceived: { from: [...held, ...grantedStatuses], by: 'bank', event: 'payment_received', visibility: 'public', guarded: false },
  // Internal notes never reach the applicant; they change nothing, so they need no version.
  addNote: { from: [...held, ...decidedStatuses], by: 'staff', event: 'note', visibility: 'internal', guarded: false },
} as const satisfies Record<string, Step>;

export type StepName = keyof typeof steps;
export type StaffStep = Exclude<StepName, 'submit' | 'resubmit' | 'issue' | 'paymentReceived'>;

/** What each step takes from the person taking it (a staff step's is checked by its form's schema: staffStepForms). */
export interface StepInput {
  claim: Record<string, never>;
  reassign: { assigneeId: string; reason: string };
  requestInfo: { message: string };
  resubmit: Record<string, never>;
  recordInspection: { date: string; inspector: string; result: 'passed' | 'failed'; notes: string };
  approveStage: Record<string, never>;
  finalApprove: Record<string, never>;
  reject: { reason: string };
  issue: Record<string, never>;
  paymentReceived: Record<string, never>;
  revokeLicence: { reason: string };
  addNote: { text: string };
}

/** The application changed since the actor saw it (another tab, a double click, a colleague). */
export class StaleApplicationError extends Error {
  constructor() {
    super('The application changed since it was read');
  }
}

/** The step is not open to this actor now; callers answer "not found" or a form error. */
export class StepRefusedError extends Error {
  constructor(readonly reason: 'notAllowed' | 'inspectionNeeded' | 'notAClerk' | 'interestedAssignee') {
    super(`Workflow step refused: ${reason}`);
  }
}

/** What the machine needs to know of an application. */
export interface CaseFile {
  id: string;
  reference: string | null;
  applicantId: string;
  organisationId: string | null;
  status: ApplicationStatus;
  version: number;
  currentStageKey: string | null;
  currentDepartmentId: string | null;
  assigneeId: string | null;
  dueAt: Date | null;
  stageDueAt: Date | null;
  definition: ServiceDefinition;
  licence: { status: 'valid' | 'revoked' } | null;
  stages: readonly { id: string; stageKey: string; position: number; departmentId: string; status: StageStatus; pausedAt: Date | null; dueAt: Date | null }[];
}

function currentStage(file: CaseFile) {
  const row = file.stages.find((s) => s.stageKey === file.currentStageKey);
  const definition = file.definition.stages.find((s) => s.key === file.currentStageKey);
  return row && definition ? { row, definition } : null;
}

function takes(actor: Actor, file: CaseFile, by: Taker): boolean {
  const department = file.currentDepartmentId;
  // Nobody acts for the ministry on a file they have an interest in, whatever their roles.
  if (by !== 'applicant' && hasInterest(actor, file)) return false;
  switch (by) {
    case 'applicant':
      return actsForApplicant(actor, file);
    case 'bank':
      return false; // only through recordPaymentReceived
    case 'staff':
      return file.stages.some((s) => s.status !== 'pending' && canInDepartment(actor, 'file.note', s.departmentId));
    case 'caseworker':
      return canInDepartment(actor, 'file.work', department);
    case 'supervisor':
      return canInDepartment(actor, 'file.supervise', department);
    case 'issuer': {
      const last = file.stages.at(-1);
      return !!last && last.position === file.definition.stages.length - 1 && canInDepartment(actor, 'licence.revoke', last.departmentId);
    }
    case 'decider': {
      const stage = currentStage(file);
      return !!stage && canInDepartment(actor, stageDeciders[stage.definition.decidedBy], department);
    }
  }
}

/**
 * Decisions that end the current stage (and, the last one, may issue a document). The person
 * deciding holds the file: one a colleague has taken is not theirs to decide, and a free one is
 * taken with the decision, both on the audit trail. Pages ask to confirm them first.
 */
export function endsStage(name: StepName): boolean {
  const step: Step = steps[name];
  return step.stage === 'approved' || step.stage === 'rejected';
}

/** Whether `actor` may take `name` on the file as it stands: the one check pages and actions use. */
export function mayTake(actor: Actor, file: CaseFile, name: StepName): boolean {
  const step: Step = steps[name];
  if (!step.from.includes(file.status) || !takes(actor, file, step.by)) return false;
  if (endsStage(name) && file.assigneeId !== null && file.assigneeId !== actor.id) return false;
  const stage = currentStage(file);
  const last = stage !== null && stage.row.position === file.definition.stages.length - 1;
  switch (name) {
    case 'claim':
      // A file a colleague holds moves only by the supervisor's reassignment, with a reason.
      return file.assigneeId === null;
    case 'recordInspection':
      return stage?.definition.kind === 'inspection';
    case 'approveStage':
      return stage !== null && !last;
    case 'finalApprove':
      return last;
    case 'revokeLicence':
      return file.licence?.status === 'valid';
    case 'issue':
      return file.definition.issues !== null && file.licence === null;
    default:
      return true;
  }
}

/** What a decision will do, for the person to confirm before it is taken. */
export interface DecisionOutcome {
  /** The file is free: the decider takes it in the same step. */
  takesFile: boolean;
  /** For a stage approval: the stage the file moves to, and its department. */
  next: { stageKey: string; departmentId: string } | null;
  /** For a final approval: the document it issues, when the service issues one. */
  issues: ServiceDefinition['issues'];
}

export function decisionOutcome(actor: Actor, file: CaseFile, name: StepName): DecisionOutcome {
  const stage = currentStage(file);
  const next = name === 'approveStage' && stage ? file.stages.find((s) => s.position === stage.row.position + 1) : undefined;
  return {
    takesFile: file.assigneeId === null,
    next: next ? { stageKey: next.stageKey, departmentId: next.departmentId } : null,
    issues: name === 'finalApprove' && mayTake(actor, { ...file, status: 'approved' }, 'issue') ? file.definition.issues : null,
  };
}

/**
 * Refuses (StepRefusedError) what the actor may not do and (StaleApplicationError) a step from a
 * stale page, as `perform` would, without changing anything: a decision is checked before the
 * person is asked to confirm it.
 */
export function checkStep(actor: Actor, file: CaseFile, name: Exclude<StepName, 'submit'>, seenVersion: number): void {
  const step: Step = steps[name];
  // Interest before staleness: the answer to a stale page lists the file's internal history,
  // which an interested person (the applicant's side) does not read.
  if (step.by !== 'applicant' && hasInterest(actor, file)) throw new StepRefusedError('notAllowed');
  // Stale first: a step that was open on the page the actor saw, and is not now, is news to them.
  // (Callers only hand over files the actor may see.)
  if (step.guarded && seenVersion !== file.version) throw new StaleApplicationError();
  if (!mayTake(actor, file, name)) throw new StepRefusedError('notAllowed');
}

/** How the review page shows a field of a step's form; its words are review.steps.<step>.<label> (and <label>Hint). */
export interface StepField<I> {
  name: keyof I & string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'radios';
  label: string;
  hint?: boolean;
  /** The choices of radios (each one's words: review.steps.<step>.<value>); a select's come from the file. */
  options?: readonly string[];
  /** A date on or before today (Phnom Penh). */
  notAfterToday?: boolean;
}

export interface StaffStepForm<I> {
  /** What the server action accepts; its messages are keys the action translates. */
  input: z.ZodType<I>;
  fields: readonly StepField<I>[];
  /** An act against the applicant or a holder (rejecting, revoking): shown as such. */
  danger?: boolean;
}

/** The longest each written field may be, in characters (also named in its error message). */
export const stepTextLimits = { message: 2000, reason: 2000, text: 4000, inspector: 120, notes: 4000 } as const;

const written = (required: string, max: number) => z.string().trim().min(1, required).max(max, 'errors.staff.tooLong');
// Reasons are printed (the rejection letter, the public verification page): one plain line.
const printedLine = (required: string, max: number) => written(required, max).refine(isPlainLine, 'errors.staff.lineBreak');
const inspectionResults = ['passed', 'failed'] as const;

/**
 * Every staff step, in the order the review page offers them, with what it takes from the
 * person and how the page asks for it: the page and the server action read this one declaration.
 */
export const staffStepForms = {
  claim: { input: z.object({}), fields: [] },
  recordInspection: {
    input: z.object({
      date: z.iso.date('errors.staff.date').refine((day) => day <= phnomPenhDay(new Date()), 'errors.staff.future'),
      inspector: printedLine('errors.staff.inspector', stepTextLimits.inspector),
      result: z.enum(inspectionResults, 'errors.staff.result'),
      notes: z.string().trim().max(stepTextLimits.notes, 'errors.staff.tooLong'),
    }),
    fields: [
      { name: 'date', kind: 'date', label: 'date', notAfterToday: true },
      { name: 'inspector', kind: 'text', label: 'inspector' },
      { name: 'result', kind: 'radios', label: 'result', options: inspectionResults },
      { name: 'notes', kind: 'textarea', label: 'notes' },
    ],
  },
  approveStage: { input: z.object({}), fields: [] },
  finalApprove: { input: z.object({}), fields: [] },
  requestInfo: { input: z.object({ message: written('errors.staff.message', stepTextLimits.message) }), fields: [{ name: 'message', kind: 'textarea', label: 'message', hint: true }] },
  reject: { input: z.object({ reason: printedLine('errors.staff.reason', stepTextLimits.reason) }), fields: [{ name: 'reason', kind: 'textarea', label: 'reason', hint: true }], danger: true },
  reassign: {
    input: z.object({ assigneeId: z.uuid('errors.staff.assignee'), reason: written('errors.staff.reassignReason', stepTextLimits.reason) }),
    fields: [
      { name: 'assigneeId', kind: 'select', label: 'assignee' },
      { name: 'reason', kind: 'textarea', label: 'reason', hint: true },
    ],
  },
  revokeLicence: { input: z.object({ reason: printedLine('errors.staff.revokeReason', stepTextLimits.reason) }), fields: [{ name: 'reason', kind: 'textarea', label: 'reason', hint: true }], danger: true },
  addNote: { input: z.object({ text: written('errors.staff.text', stepTextLimits.text) }), fields: [{ name: 'text', kind: 'textarea', label: 'text', hint: true }] },
} satisfies { [S in StaffStep]: StaffStepForm<StepInput[S]> };

export const staffSteps = Object.keys(staffStepForms) as StaffStep[];

/** The staff steps open to `actor` now, in the order a review page offers them. */
export function staffStepsFor(actor: Actor, file: CaseFile): StaffStep[] {
  return staffSteps.filter((name) => mayTake(actor, file, name));
}

/** The department an actor acts for on this file: the applicant sees it on "who viewed my file". */
export function actingDepartment(actor: Actor, file: Pick<CaseFile, 'currentDepartmentId' | 'stages'>): string | null {
  const candidates = [file.currentDepartmentId, ...file.stages.map((s) => s.departmentId)].filter((d): d is string => !!d);
  return candidates.find((d) => actor.roles.some((r) => r.departmentId === d)) ?? null;
}

interface Effects {
  application: Omit<Prisma.ApplicationUncheckedUpdateManyInput, 'status' | 'version'>;
  stages: { id: string; data: Prisma.ApplicationStageUncheckedUpdateInput }[];
  data: Prisma.InputJsonObject;
}

/** What a staff or applicant step writes, beyond its status and its event. */
async function effectsOf<N extends Exclude<StepName, 'submit'>>(
  tx: Prisma.TransactionClient,
  actor: Actor,
  file: CaseFile,
  name: N,
  input: StepInput[N],
  now: Date,
): Promise<Effects> {
  const stage = currentStage(file);
  const stageName = stage?.definition.key ?? null;
  const none: Effects = { application: {}, stages: [], data: { stage: stageName } };
  switch (name) {
    case 'claim':
      return { ...none, application: { assigneeId: actor.id } };
    case 'reassign': {
      const { assigneeId, reason } = input as StepInput['reassign'];
      const clerk = await tx.roleAssignment.findFirst({ where: { userId: assigneeId, departmentId: file.currentDepartmentId, role: { in: rolesWith('file.work') }, user: { status: 'active' } } });
      if (!clerk) throw new StepRefusedError('notAClerk');
      const organisations = await tx.organisationMembership.findMany({ where: { userId: assigneeId }, select: { organisationId: true, role: true } });
      if (hasInterest({ id: assigneeId, organisations }, file)) throw new StepRefusedError('interestedAssignee');
      return { ...none, application: { assigneeId }, data: { stage: stageName, assigneeId, reason } };
    }
    case 'addNote':
      return { ...none, data: { stage: stageName, text: (input as StepInput['addNote']).text } };
    case 'recordInspection':
      return { ...none, data: { stage: stageName, ...(input as StepInput['recordInspection']) } };
    case 'requestInfo':
      // The clock stops; the file stays with the clerk who asked, who gets the answer.
      return {
        application: { assigneeId: file.assigneeId ?? actor.id },
        stages: [{ id: stage!.row.id, data: { status: 'info_requested', pausedAt: now } }],
        data: { stage: stageName, message: (input as StepInput['requestInfo']).message },
      };
    case 'resubmit': {
      const holidays = await loadHolidays();
      const paused = stage?.row.pausedAt ? workingDaysBetween(phnomPenhDay(stage.row.pausedAt), phnomPenhDay(now), holidays) : 0;
      const extend = (due: Date | null) => (due ? extendByWorkingDays(due, paused, holidays) : null);
      return {
        application: { stageDueAt: extend(file.stageDueAt), dueAt: extend(file.dueAt) },
        stages: stage ? [{ id: stage.row.id, data: { status: 'active', pausedAt: null, dueAt: extend(stage.row.dueAt) } }] : [],
        data: { stage: stageName, pausedWorkingDays: paused },
      };
    }
    case 'approveStage': {
      if (stage!.definition.kind === 'inspection' && !(await passedInspection(tx, file.id, stage!.definition.key))) {
        throw new StepRefusedError('inspectionNeeded');
      }
      const next = file.stages.find((s) => s.position === stage!.row.position + 1)!;
      const nextDefinition = file.definition.stages[next.position]!;
      const due = dueAfterWorkingDays(now, nextDefinition.deadlineWorkingDays, await loadHolidays());
      return {
        application: { currentStageKey: next.stageKey, currentDepartmentId: next.departmentId, stageDueAt: due, assigneeId: null },
        stages: [
          { id: stage!.row.id, data: { status: 'approved', completedAt: now } },
          { id: next.id, data: { status: 'active', startedAt: now, dueAt: due } },
        ],
        data: { stage: stageName, nextStage: next.stageKey },
      };
    }
    case 'revokeLicence': {
      const reason = (input as StepInput['revokeLicence']).reason;
      const revoked = await tx.licence.update({ where: { applicationId: file.id }, data: { status: 'revoked', revokedAt: now, revokedReason: reason }, select: { number: true } });
      await emitWebhookEvent(tx, 'licence.revoked', file, { number: revoked.number, service: file.definition.code }, now);
      return { ...none, data: { reason } };
    }
    case 'issue':
      throw new Error('issue is taken by issueLicence, with final approval');
    case 'paymentReceived':
      throw new Error('paymentReceived is recorded by recordPaymentReceived');
    case 'finalApprove':
    case 'reject': {
      const decided = name === 'reject' ? 'rejected' : 'approved';
      return {
        application: { currentDepartmentId: null, stageDueAt: null, assigneeId: null, decidedAt: now },
        stages: [{ id: stage!.row.id, data: { status: decided, completedAt: now } }],
        data: name === 'reject' ? { stage: stageName, reason: (input as StepInput['reject']).reason } : { stage: stageName },
      };
    }
  }
  throw new Error(`unknown step ${name satisfies never}`);
}

async function passedInspection(tx: Prisma.TransactionClient, applicationId: string, stageKey: string): Promise<boolean> {
  const last = await tx.applicationEvent.findFirst({
    where: { applicationId, type: steps.recordInspection.event, data: { path: ['stage'], equals: stageKey } },
    orderBy: { id: 'desc' },
    select: { data: true },
  });
  return (last?.data as { result?: string } | undefined)?.result === 'passed';
}

/**
 * Takes a step on a file the caller has read, as `actor`, naming the version they saw. Refuses
 * (StepRefusedError) what the actor may not do and (StaleApplicationError) a step from a stale
 * page; otherwise writes the change and its event in one transaction.
 */
export async function perform<N extends Exclude<StepName, 'submit'>>(
  actor: Actor,
  file: CaseFile,
  name: N,
  input: StepInput[N],
  seenVersion: number,
): Promise<void> {
  const step: Step = steps[name];
  checkStep(actor, file, name, seenVersion);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const effects = await effectsOf(tx, actor, file, name, input, now);
    if (step.guarded) {
      // Names the status and version that were read: a concurrent change matches nothing.
      const updated = await tx.application.updateMany({
        where: { id: file.id, status: file.status, version: seenVersion },
        data: { ...effects.application, ...(step.to ? { status: step.to } : {}), version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new StaleApplicationError();
    }
    for (const stage of effects.stages) await tx.applicationStage.update({ where: { id: stage.id }, data: stage.data });
    if (endsStage(name) && file.assigneeId === null) {
      // Taken with the decision: the trail shows the take, then the decision.
      await record(tx, file.id, actor, 'claim', steps.claim, actingDepartment(actor, file), file.status, { stage: currentStage(file)?.definition.key ?? null, withDecision: name });
    }
    await record(tx, file.id, actor, name, step, actingDepartment(actor, file), file.status, effects.data);
    const told = input as { message?: string; reason?: string };
    await tellApplicant(tx, file, step, file.reference ?? '', told.message ?? told.reason);
    if (step.to && step.to !== file.status) await tellClientsOfStatus(tx, file, file.status, step.to, now);
    if (name === 'finalApprove' && mayTake(actor, { ...file, status: 'approved' }, 'issue')) {
      const number = await issueLicence(tx, file, now);
      await tx.application.update({ where: { id: file.id }, data: { status: 'issued', version: { increment: 1 } } });
      await record(tx, file.id, actor, 'issue', steps.issue, actingDepartment(actor, file), 'approved', { number });
      await tellApplicant(tx, file, steps.issue, file.reference ?? '');
      await tellClientsOfStatus(tx, file, 'approved', 'issued', now);
      await emitWebhookEvent(tx, 'licence.issued', file, { number, service: file.definition.code }, now);
    }
  });
}

async function record(
  tx: Prisma.TransactionClient,
  applicationId: string,
  actor: Actor,
  name: StepName,
  step: Step,
  departmentId: string | null,
  from: ApplicationStatus,
  data: Prisma.InputJsonObject,
): Promise<void> {
  await tx.applicationEvent.create({
    data: {
      applicationId,
      actorId: actor.id,
      actorRole: step.by === 'applicant' ? null : (actor.roles.find((r) => r.departmentId === departmentId)?.role ?? null),
      departmentId,
      type: step.event,
      visibility: step.visibility,
      fromStatus: step.to ? from : null,
      toStatus: step.to ?? null,
      data: { step: name, ...data },
    },
  });
}

/** Tells the applicant of a step they must know of, in the step's transaction (the outbox). */
async function tellApplicant(
  tx: Prisma.TransactionClient,
  file: { id: string; applicantId: string; definition: Pick<ServiceDefinition, 'name'> },
  step: Step,
  reference: string,
  message?: string,
): Promise<void> {
  const kind = notifiedEvents[step.event as keyof typeof notifiedEvents];
  if (kind) await notify(tx, file.applicantId, file.id, kind, { reference, service: file.definition.name, ...(message ? { message } : {}) });
}

/** Tells subscribed clients (the company's own, by policy) that the file's status changed. */
async function tellClientsOfStatus(
  tx: Prisma.TransactionClient,
  file: { reference: string | null; organisationId: string | null },
  previousStatus: ApplicationStatus,
  status: ApplicationStatus,
  now: Date,
): Promise<void> {
  if (file.reference) await emitWebhookEvent(tx, 'application.status_changed', file, { reference: file.reference, status, previousStatus }, now);
}

export interface TransitionTarget {
  id: string;
  organisationId: string | null;
  status: ApplicationStatus;
  version: number;
  applicantId: string;
  definition: Pick<ServiceDefinition, 'name'>;
}

/**
 * Submits a draft inside the caller's transaction (which also numbers it and creates its
 * stages): the draft's status and version guard the update, so a double submit files once.
 */
export async function transition(
  tx: Prisma.TransactionClient,
  application: TransitionTarget,
  name: 'submit',
  actor: Actor,
  changes: Omit<Prisma.ApplicationUncheckedUpdateManyInput, 'status' | 'version'>,
  data: Prisma.InputJsonObject,
): Promise<void> {
  const step: Step = steps[name];
  if (!step.from.includes(application.status)) throw new StaleApplicationError();
  const updated = await tx.application.updateMany({
    where: { id: application.id, status: application.status, version: application.version },
    data: { ...changes, status: step.to, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new StaleApplicationError();
  await record(tx, application.id, actor, name, step, null, application.status, data);
  await tellApplicant(tx, application, step, String(changes.reference ?? ''));
  const reference = typeof changes.reference === 'string' ? changes.reference : null;
  await tellClientsOfStatus(tx, { reference, organisationId: application.organisationId }, application.status, 'submitted', new Date());
}

/**
 * Gives the most urgent unclaimed file of a department to `actor`. Rows another clerk is
 * claiming at this instant are skipped, not waited for, so two clerks never get the same one;
 * files the actor has an interest in are left for colleagues.
 * Returns the file's id, or null when nothing is waiting.
 */
export async function claimNext(actor: Actor, departmentId: string): Promise<string | null> {
  if (!canInDepartment(actor, 'file.work', departmentId)) throw new StepRefusedError('notAllowed');
  const { applicantIds, organisationIds } = interestsOf(actor);
  return db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string; status: ApplicationStatus; currentStageKey: string | null }[]>`
      update "Application" set "assigneeId" = ${actor.id}::uuid, version = version + 1, "updatedAt" = now()
      where id = (
        select id from "Application"
        where "currentDepartmentId" = ${departmentId}::uuid and "assigneeId" is null and status in ('submitted', 'in_review')
          and "applicantId" <> all(${applicantIds}::uuid[])
          and ("organisationId" is null or "organisationId" <> all(${organisationIds}::uuid[]))
        order by "stageDueAt", id
        limit 1
        for update skip locked
      )
      returning id, status, "currentStageKey"`;
    if (!claimed) return null;
    await record(tx, claimed.id, actor, 'claim', steps.claim, departmentId, claimed.status, { stage: claimed.currentStageKey, next: true });
    return claimed.id;
  });
}

/**
 * Puts back in their department's queue the files `assigneeId` holds outside `keepDepartmentIds`
 * (the departments where they still work files): an administrator deactivated them, took a role
 * or moved them. Each file records it on its internal timeline. Answers how many went back.
 */
export async function returnClaimedFiles(
  tx: Prisma.TransactionClient,
  administrator: Actor,
  assigneeId: string,
  keepDepartmentIds: readonly string[],
  reason: 'deactivated' | 'role_taken' | 'moved',
): Promise<number> {
  const files = await tx.application.findMany({
    where: { assigneeId, currentDepartmentId: { not: null, notIn: [...keepDepartmentIds] } },
    select: { id: true, currentDepartmentId: true, currentStageKey: true },
  });
  for (const file of files) {
    await tx.application.update({ where: { id: file.id }, data: { assigneeId: null, version: { increment: 1 } } });
    await tx.applicationStage.updateMany({ where: { applicationId: file.id, assigneeId }, data: { assigneeId: null } });
    await tx.applicationEvent.create({
      data: {
        applicationId: file.id,
        actorId: administrator.id,
        actorRole: 'administrator',
        departmentId: file.currentDepartmentId,
        type: 'returned_to_queue',
        visibility: 'internal',
        data: { stage: file.currentStageKey, assigneeId, reason },
      },
    });
  }
  return files.length;
}

/**
 * Records that someone other than the applicant's side (staff, an auditor) opened the
 * applicant's record or one of its documents. The applicant sees which department, and when.
 */
export async function recordView(
  actor: Actor,
  file: Pick<CaseFile, 'id' | 'applicantId' | 'organisationId' | 'currentDepartmentId' | 'stages'>,
  what: { documentId?: string; part?: 'licence' | 'receipt' } = {},
): Promise<void> {
  if (isApplicantSide(actor, file)) return;
  const departmentId = actingDepartment(actor, file);
  await db.applicationEvent.create({
    data: {
      applicationId: file.id,
      actorId: actor.id,
      actorRole: actor.roles.find((r) => r.departmentId === departmentId)?.role ?? actor.roles[0]?.role ?? null,
      departmentId,
      type: what.documentId ? 'document_viewed' : 'record_viewed',
      visibility: 'internal',
      data: what.documentId ? { documentId: what.documentId } : what.part ? { part: what.part } : {},
    },
  });
}

/**
 * Records that a registered system read these files (or their licences) through the API: the
 * applicant sees the institution's name under "Who opened your file", as for a department.
 */
export async function recordClientRead(client: ApiClientActor, applicationIds: readonly string[], part?: 'licence'): Promise<void> {
  if (applicationIds.length === 0) return;
  const data = { apiClient: client.clientId, institution: client.institution, ...(part ? { part } : {}) };
  // On every API read: one plain statement (the audit trigger chains each row as always).
  await query(
    `insert into "ApplicationEvent" ("applicationId", type, visibility, data) select unnest($1::uuid[]), 'record_viewed', 'internal', $2::jsonb`,
    [applicationIds, JSON.stringify(data)],
  );
}

/** Records the bank's confirmation of the fee on the timeline, and tells the applicant. */
export async function recordPaymentReceived(
  tx: Prisma.TransactionClient,
  file: { id: string; applicantId: string; reference: string | null; definition: Pick<ServiceDefinition, 'name'> },
  data: { receiptNumber: string; amountRiel: number; transactionId: string },
): Promise<void> {
  const step: Step = steps.paymentReceived;
  await tx.applicationEvent.create({
    data: { applicationId: file.id, type: step.event, visibility: step.visibility, data: { step: 'paymentReceived', ...data } },
  });
  await tellApplicant(tx, file, step, file.reference ?? '');
}
