import 'server-only';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import type { ComplaintKind } from '@/lib/db/generated/enums';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { dueAfterWorkingDays } from '@/lib/deadlines/working-days';
import { publicUrl } from '@/lib/http/public-address';
import type { Locale } from '@/lib/i18n/routing';
import { notify } from '@/lib/notifications/notify';
import { nextNumber } from '@/lib/numbering/next-number';
import { can, canInOrganisation, type Actor } from '@/lib/policy/policy';
import { complaintPrefix, complaintResponseWorkingDays, inspectorateId } from './complaint';

export interface FileComplaintOptions {
  kind: ComplaintKind;
  description: string;
  amountRiel: number | null;
  /** About one of the complainant's applications; its department is the one complained about. */
  applicationId: string | null;
  /** Without an application: the department complained about, if the complainant names one. */
  departmentId: string | null;
  /** Without an application: the company the complainant files for (they must act for it). */
  organisationId?: string | null;
  locale: Locale;
  /** The moment of filing (tests pass a controlled clock). */
  at?: Date;
}

/** Whether someone is told about a complaint: the in-app notice, email and SMS link to its page. */
export const complaintLink = (locale: Locale, id: string) => publicUrl(`/${locale}/account/complaints/${id}`);

/** No service: a complaint's notifications carry its reference and its own link. */
const noService = { km: '', en: '' };

/**
 * Files a complaint to the General Inspectorate: numbered, due in 15 working days, and told to
 * the complainant through the outbox in the same transaction. Null when the actor may not file it
 * (not a citizen or investor, an application not theirs, a department that does not exist or is
 * the Inspectorate itself): the caller answers "Page not found" and nothing is written.
 */
export async function fileComplaint(actor: Actor, options: FileComplaintOptions): Promise<{ id: string; reference: string } | null> {
  if (!can(actor, 'complaint.file')) return null;
  const at = options.at ?? new Date();
  const inspectorate = await inspectorateId();
  let departmentId = options.departmentId;
  let organisationId: string | null = null;
  if (options.applicationId) {
    const application = await findApplication(actor, options.applicationId, 'application.complain');
    if (!application) return null;
    organisationId = application.organisationId;
    // The department holding the file, or for a decided one the last that worked on it.
    const lastStage = [...application.stages].reverse().find((s) => s.startedAt);
    departmentId = application.currentDepartmentId ?? lastStage?.departmentId ?? null;
  } else {
    if (departmentId !== null && (departmentId === inspectorate || !(await db.department.findUnique({ where: { id: departmentId }, select: { id: true } })))) return null;
    // A company's complaint: its owners and managers file it, and all its members follow it.
    if (options.organisationId) {
      if (!canInOrganisation(actor, 'organisation.apply', options.organisationId)) return null;
      organisationId = options.organisationId;
    }
  }
  const holidays = await loadHolidays();
  return db.$transaction(async (tx) => {
    const reference = await nextNumber(tx, complaintPrefix, at);
    const complaint = await tx.complaint.create({
      data: {
        reference,
        complainantId: actor.id,
        organisationId,
        applicationId: options.applicationId,
        departmentId,
        kind: options.kind,
        description: options.description,
        amountRiel: options.amountRiel,
        locale: options.locale,
        createdAt: at,
        dueAt: dueAfterWorkingDays(at, complaintResponseWorkingDays, holidays),
      },
      select: { id: true, reference: true },
    });
    await notify(tx, actor.id, null, 'complaint_received', { reference, service: noService, link: complaintLink(options.locale, complaint.id) });
    return complaint;
  });
}
