import 'server-only';
import { randomInt } from 'node:crypto';
import { db } from '@/lib/db/client';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { dueAfterWorkingDays } from '@/lib/deadlines/working-days';
import { nextNumber } from '@/lib/numbering/next-number';
import { expectedDay, serviceOutlook } from '@/lib/performance/forecast';
import type { Actor } from '@/lib/policy/policy';
import { firstIncompletePage, requiredDocuments } from '@/lib/services/answers';
import { feeFor } from '@/lib/services/fees';
import { transition, StaleApplicationError } from '@/lib/workflow/machine';
import type { FoundApplication } from './find-application';

export type SubmitResult =
  | { ok: true; reference: string }
  | { ok: false; error: 'incomplete' | 'documentsMissing' | 'declaration' | 'changed' };

// No 0/O, 1/I/L: read aloud or typed from a phone without mistakes.
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function trackingCode(): string {
  return Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
}

/**
 * Files a draft. `version` is the draft version the applicant checked: if the answers changed
 * since (another tab), nothing is filed and they check again. Filing an application twice (a
 * double click, a re-posted form) finds it already filed and answers with its reference.
 */
export async function submitApplication(
  application: FoundApplication,
  actor: Actor,
  version: number,
  declared: boolean,
  now = new Date(),
): Promise<SubmitResult> {
  if (application.status !== 'draft') {
    return application.reference ? { ok: true, reference: application.reference } : { ok: false, error: 'changed' };
  }
  if (!declared) return { ok: false, error: 'declaration' };
  if (application.version !== version) return { ok: false, error: 'changed' };
  const { definition, answers } = application;
  if (firstIncompletePage(definition, answers)) return { ok: false, error: 'incomplete' };
  const uploaded = new Set(application.documents.map((d) => d.requirementKey));
  if (requiredDocuments(definition, answers).some((d) => d.required && !uploaded.has(d.key))) {
    return { ok: false, error: 'documentsMissing' };
  }

  const holidays = await loadHolidays();
  const departments = new Map((await db.department.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  const [first] = definition.stages;
  const stageDueAt = dueAfterWorkingDays(now, first!.deadlineWorkingDays, holidays);
  // What the applicant is told to expect, kept so the performance page can say how often it came true.
  const outlook = await serviceOutlook(application.serviceId, definition.deadlineWorkingDays);

  try {
    const reference = await db.$transaction(async (tx) => {
      const reference = await nextNumber(tx, definition.referencePrefix, now);
      const fee = feeFor(definition, answers).total;
      await transition(
        tx,
        application,
        'submit',
        actor,
        {
          reference,
          trackingCode: trackingCode(),
          feeRiel: fee,
          submittedAt: now,
          dueAt: dueAfterWorkingDays(now, definition.deadlineWorkingDays, holidays),
          stageDueAt,
          currentStageKey: first!.key,
          currentDepartmentId: departments.get(first!.department)!,
        },
        { reference, feeRiel: fee, serviceVersion: application.serviceVersion.version },
      );
      await tx.applicationStage.createMany({
        data: definition.stages.map((stage, position) => ({
          applicationId: application.id,
          stageKey: stage.key,
          position,
          departmentId: departments.get(stage.department)!,
          status: position === 0 ? 'active' : 'pending',
          startedAt: position === 0 ? now : null,
          dueAt: position === 0 ? stageDueAt : null,
          deadlineWorkingDays: stage.deadlineWorkingDays,
        })),
      });
      await tx.applicationForecast.create({
        data: { applicationId: application.id, expectedDay: new Date(`${expectedDay(outlook, now, holidays)}T00:00:00Z`), basis: outlook.basis },
      });
      return reference;
    });
    return { ok: true, reference };
  } catch (error) {
    if (!(error instanceof StaleApplicationError)) throw error;
    // Lost a race with another submit of the same draft: that one filed it.
    const filed = await db.application.findUnique({ where: { id: application.id }, select: { reference: true } });
    return filed?.reference ? { ok: true, reference: filed.reference } : { ok: false, error: 'changed' };
  }
}
