import 'server-only';
import { db } from '@/lib/db/client';
import { can, type Actor, type ApplicationScope, type ResourceAction } from '@/lib/policy/policy';
import { inspectorateCode } from '@/lib/services/departments';
import { serviceDefinition } from '@/lib/services/definition';
import type { Answers } from '@/lib/services/answers';
import { recordView } from '@/lib/workflow/machine';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An application the actor may act on, with what its pages need; null when it does not exist
 * or the actor may not: callers answer both with "Page not found". For server actions that act
 * on a file (the step records itself); whatever shows the file to a person goes through
 * `openApplication`, so that the reading is recorded.
 */
export async function findApplication(actor: Actor, id: string, action: ResourceAction) {
  if (!uuid.test(id)) return null;
  const application = await db.application.findUnique({
    where: { id },
    include: {
      service: { select: { code: true } },
      serviceVersion: { select: { version: true, definition: true } },
      stages: { orderBy: { position: 'asc' }, include: { department: true, escalations: { where: { level: 150 }, select: { level: true } } } },
      documents: { where: { removedAt: null }, orderBy: { createdAt: 'asc' } },
      currentDepartment: true,
      licence: true,
      payment: true,
    },
  });
  if (!application) return null;
  // A stage at 150 % of its deadline was escalated to the General Inspectorate: its staff may see the file.
  const inspectorateId = application.stages.some((s) => s.escalations.length > 0)
    ? ((await db.department.findUnique({ where: { code: inspectorateCode }, select: { id: true } }))?.id ?? null)
    : null;
  if (!can(actor, action, scopeOf(application, inspectorateId))) return null;
  return {
    ...application,
    inspectorateId,
    answers: application.answers as Answers,
    definition: serviceDefinition.parse(application.serviceVersion.definition),
  };
}

/** What of a file a reader opens, as the audit trail records it. */
export type Reading = { documentId?: string; part?: 'licence' | 'receipt' };

/**
 * The one door through which a page or a download shows an application's data to a person:
 * findApplication, then, when the reader is not on the applicant's side (staff of a department
 * that holds or held the file, an auditor), the reading goes on the audit trail before anything
 * is returned, and the applicant sees it under "Who opened your file". Every read is recorded,
 * a refresh too: the staff review page never de-duplicated, and a person counting openings must
 * be able to trust the count. With a `documentId` that is not one of the file's documents the
 * answer is null and nothing is recorded.
 *
 * The applicant-side pages (/applications/[id]…) stay open read-only to staff and auditors whom
 * policy lets view the file: they see what the applicant sees (help on the telephone, a
 * complaint), and the steps on those pages ask policy and the workflow again, so they can take
 * none. Opening them is a reading like any other, and is recorded here.
 */
export async function openApplication(actor: Actor, id: string, action: ResourceAction, reading: Reading = {}) {
  const application = await findApplication(actor, id, action);
  if (!application) return null;
  if (reading.documentId && !application.documents.some((d) => d.id === reading.documentId)) return null;
  await recordView(actor, application, reading);
  return application;
}

function scopeOf(
  application: {
    applicantId: string;
    organisationId: string | null;
    status: ApplicationScope['status'];
    stages: { departmentId: string; status: string }[];
  },
  inspectorateId: string | null,
): ApplicationScope {
  return {
    applicantId: application.applicantId,
    organisationId: application.organisationId,
    status: application.status,
    // A department sees a file once it reaches one of its stages, not before; the Inspectorate
    // once a stage was escalated to it.
    departmentIds: [...application.stages.filter((s) => s.status !== 'pending').map((s) => s.departmentId), ...(inspectorateId ? [inspectorateId] : [])],
  };
}

/** Whether the actor may also take another action on an application already found. */
export function allows(actor: Actor, application: FoundApplication, action: ResourceAction): boolean {
  return can(actor, action, scopeOf(application, application.inspectorateId));
}

export type FoundApplication = NonNullable<Awaited<ReturnType<typeof findApplication>>>;
