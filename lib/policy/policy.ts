// The one place access is decided. Pages, server actions and route handlers ask `can`; what an
// actor may not do answers as not found at the entry point.
import type { ApplicationStatus, OrganisationRole, Role } from '@/lib/db/generated/enums';

export interface Actor {
  id: string;
  name: string;
  roles: readonly { role: Role; departmentId: string | null }[];
  organisations: readonly { organisationId: string; role: OrganisationRole }[];
}

export const staffRoles = ['clerk', 'supervisor', 'department_head'] as const satisfies readonly Role[];

// Who may enter each area, by role. Resource checks below narrow further.
const areaPermissions = {
  'applicant.dashboard': ['citizen', 'investor'],
  'application.start': ['citizen', 'investor'],
  // A citizen who registers a company becomes its owner (and an investor).
  'organisation.register': ['citizen', 'investor'],
  'backoffice.enter': staffRoles,
  'audit.enter': ['auditor'],
  'admin.enter': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type AreaAction = keyof typeof areaPermissions;

/** What policy needs to know of an application: never more than these fields. */
export interface ApplicationScope {
  applicantId: string;
  organisationId: string | null;
  status: ApplicationStatus;
  /** Departments of the stages the file has reached: staff there may see it. */
  departmentIds: readonly string[];
}

export type ResourceAction = 'application.view' | 'application.edit' | 'application.report' | 'application.pay';

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((r) => r.role === role);
}

export function hasRoleIn(actor: Actor, role: Role, departmentId: string): boolean {
  return actor.roles.some((r) => r.role === role && r.departmentId === departmentId);
}

export function departmentsOf(actor: Actor): string[] {
  return actor.roles.filter((r) => (staffRoles as readonly Role[]).includes(r.role) && r.departmentId).map((r) => r.departmentId!);
}

export function can(actor: Actor | null, action: AreaAction): boolean;
export function can(actor: Actor | null, action: ResourceAction, application: ApplicationScope): boolean;
export function can(actor: Actor | null, action: AreaAction | ResourceAction, application?: ApplicationScope): boolean {
  if (!actor) return false;
  if (action in areaPermissions) {
    const allowed: readonly Role[] = areaPermissions[action as AreaAction];
    return actor.roles.some((r) => allowed.includes(r.role));
  }
  if (!application) return false;
  const ownsIt = application.applicantId === actor.id;
  const member = actor.organisations.find((m) => m.organisationId === application.organisationId);
  switch (action) {
    case 'application.view': {
      if (ownsIt || member) return true;
      if (application.status === 'draft') return false; // staff never see drafts
      if (hasRole(actor, 'auditor')) return true;
      const mine = departmentsOf(actor);
      return application.departmentIds.some((d) => mine.includes(d));
    }
    case 'application.pay':
      return application.status !== 'draft' && (ownsIt || member?.role === 'owner' || member?.role === 'manager');
    case 'application.report':
      // Only the applicant's side reports a request for extra money, about a filed application.
      return application.status !== 'draft' && (ownsIt || !!member);
    case 'application.edit': {
      const editable = application.status === 'draft' || application.status === 'info_requested';
      return editable && (ownsIt || member?.role === 'owner' || member?.role === 'manager');
    }
  }
  return false;
}

/** Where an actor lands after signing in: the area of their most specific role. */
export function homePath(actor: Actor): string {
  if (can(actor, 'admin.enter')) return '/admin';
  if (can(actor, 'audit.enter')) return '/audit';
  if (can(actor, 'backoffice.enter')) return '/staff';
  return '/account';
}
