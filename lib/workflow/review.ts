// What a member of staff reviewing a file reads beside the file itself (openApplication, which
// records the opening): the applicant's contact, the whole timeline, who holds the file and who
// it may be reassigned to.
import 'server-only';
import { db } from '@/lib/db/client';
import { rolesWith } from '@/lib/policy/policy';

export async function applicantContact(applicantId: string) {
  return db.user.findUniqueOrThrow({ where: { id: applicantId }, select: { name: true, email: true, phone: true } });
}

/** Every event on the file, newest first, internal ones included. */
export async function fileTimeline(applicationId: string) {
  return db.applicationEvent.findMany({
    where: { applicationId },
    orderBy: { id: 'desc' },
    select: { id: true, type: true, createdAt: true, departmentId: true, data: true, actor: { select: { name: true } }, actorId: true },
  });
}

export async function findAssignee(file: { assigneeId: string | null }) {
  return file.assigneeId ? db.user.findUnique({ where: { id: file.assigneeId }, select: { name: true } }) : null;
}

/** Who may be given the file: active staff working files in its department, by name. */
export async function reassignCandidates(file: { currentDepartmentId: string | null; applicantId: string; organisationId: string | null }) {
  return db.user.findMany({
    // Not to anyone with an interest in the file: the machine would refuse them.
    where: {
      status: 'active',
      roles: { some: { departmentId: file.currentDepartmentId, role: { in: rolesWith('file.work') } } },
      id: { not: file.applicantId },
      ...(file.organisationId ? { memberships: { none: { organisationId: file.organisationId } } } : {}),
    },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}
