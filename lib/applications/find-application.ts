import 'server-only';
import { db } from '@/lib/db/client';
import { can, type Actor, type ApplicationScope, type ResourceAction } from '@/lib/policy/policy';
import { serviceDefinition } from '@/lib/services/definition';
import type { Answers } from '@/lib/services/answers';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An application the actor may act on, with what its pages need; null when it does not exist
 * or the actor may not: callers answer both with "Page not found".
 */
export async function findApplication(actor: Actor, id: string, action: ResourceAction) {
  if (!uuid.test(id)) return null;
  const application = await db.application.findUnique({
    where: { id },
    include: {
      service: { select: { code: true } },
      serviceVersion: { select: { version: true, definition: true } },
      stages: { orderBy: { position: 'asc' }, include: { department: true } },
      documents: { where: { removedAt: null }, orderBy: { createdAt: 'asc' } },
      currentDepartment: true,
      licence: true,
      payment: true,
    },
  });
  if (!application) return null;
  if (!can(actor, action, scopeOf(application))) return null;
  return {
    ...application,
    answers: application.answers as Answers,
    definition: serviceDefinition.parse(application.serviceVersion.definition),
  };
}

function scopeOf(application: {
  applicantId: string;
  organisationId: string | null;
  status: ApplicationScope['status'];
  stages: { departmentId: string; status: string }[];
}): ApplicationScope {
  return {
    applicantId: application.applicantId,
    organisationId: application.organisationId,
    status: application.status,
    // A department sees a file once it reaches one of its stages, not before.
    departmentIds: application.stages.filter((s) => s.status !== 'pending').map((s) => s.departmentId),
  };
}

/** Whether the actor may also take another action on an application already found. */
export function allows(actor: Actor, application: FoundApplication, action: ResourceAction): boolean {
  return can(actor, action, scopeOf(application));
}

export type FoundApplication = NonNullable<Awaited<ReturnType<typeof findApplication>>>;
