// Complaints to the General Inspectorate (issue 15): what a complaint is, where it goes, and who
// reads it. A complaint never goes to the department it is about: policy (canOnComplaint) keeps
// that department's staff out, and every query below asks it.
import 'server-only';
import { db } from '@/lib/db/client';
import type { ComplaintKind } from '@/lib/db/generated/enums';
import { canOnComplaint, departmentsOf, worksComplaints, type Actor, type ComplaintAction } from '@/lib/policy/policy';
import { inspectorateCode } from '@/lib/services/departments';

/** Every kind, in the order the form offers them. */
export const complaintKinds = ['delay', 'money', 'conduct', 'wrong_decision'] as const satisfies readonly ComplaintKind[];

/** Working days the Inspectorate has to answer, on the same clock as applications (lib/deadlines). */
export const complaintResponseWorkingDays = 15;

/** The numbering prefix (lib/numbering): CMP-2026-000001. */
export const complaintPrefix = 'CMP';

/** The departments a complaint may be about, by code: every one but the Inspectorate, which answers them. */
export function departmentsComplainedOf() {
  return db.department.findMany({ where: { code: { not: inspectorateCode } }, orderBy: { code: 'asc' }, select: { code: true, nameKm: true, nameEn: true } });
}

/** The General Inspectorate's department id (null only before the seed has run). */
export async function inspectorateId(): Promise<string | null> {
  const department = await db.department.findUnique({ where: { code: inspectorateCode }, select: { id: true } });
  return department?.id ?? null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const complaintDetail = {
  id: true,
  reference: true,
  complainantId: true,
  organisationId: true,
  applicationId: true,
  departmentId: true,
  kind: true,
  description: true,
  amountRiel: true,
  locale: true,
  createdAt: true,
  dueAt: true,
  answer: true,
  answeredAt: true,
  complainant: { select: { name: true } },
  organisation: { select: { nameKm: true, nameEn: true } },
  application: { select: { reference: true, serviceVersion: { select: { nameKm: true, nameEn: true } } } },
  department: { select: { nameKm: true, nameEn: true } },
  answeredBy: { select: { name: true } },
} as const;

/**
 * A complaint the actor may see for `action`, with what its page shows; null when it does not
 * exist or the actor may not (both answer "Page not found").
 */
export async function findComplaint(actor: Actor, id: string, action: ComplaintAction) {
  if (!uuid.test(id)) return null;
  const [complaint, inspectorate] = await Promise.all([db.complaint.findUnique({ where: { id }, select: complaintDetail }), inspectorateId()]);
  if (!complaint || !inspectorate) return null;
  return canOnComplaint(actor, action, complaint, inspectorate) ? complaint : null;
}

export type ComplaintDetail = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** The complainant's complaints and their organisations', newest first. */
export async function ownComplaints(actor: Actor) {
  return db.complaint.findMany({
    where: { OR: [{ complainantId: actor.id }, { organisationId: { in: actor.organisations.map((m) => m.organisationId) } }] },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, reference: true, kind: true, createdAt: true, dueAt: true, answeredAt: true },
  });
}

/**
 * The Inspectorate's queue: open complaints, the one due soonest first (the oldest filed, as all
 * have the same allowance). The same rule as canOnComplaint, in the query: an inspector never
 * sees a complaint about a department they also work in, nor their own side's.
 */
export async function inspectorateQueue(actor: Actor) {
  const inspectorate = await inspectorateId();
  if (!inspectorate || !worksComplaints(actor, inspectorate)) return null;
  const ownDepartments = departmentsOf(actor);
  const organisations = actor.organisations.map((m) => m.organisationId);
  return db.complaint.findMany({
    where: {
      answeredAt: null,
      complainantId: { not: actor.id },
      AND: [
        { OR: [{ departmentId: null }, { departmentId: { notIn: ownDepartments } }] },
        { OR: [{ organisationId: null }, { organisationId: { notIn: organisations } }] },
      ],
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: 200,
    select: { id: true, reference: true, kind: true, createdAt: true, dueAt: true, department: { select: { nameKm: true, nameEn: true } } },
  });
}
