// The one place access is decided. Pages, server actions and route handlers ask `can`; what an
// actor may not do answers as not found at the entry point.
import type { ApplicationStatus, OrganisationRole, Role } from '@/lib/db/generated/enums';

export interface Actor {
  id: string;
  name: string;
  roles: readonly { role: Role; departmentId: string | null }[];
  organisations: readonly { organisationId: string; role: OrganisationRole }[];
  /** Roles needing a second factor are held back until this session passes it (see sessionActor). */
  secondFactorDue?: boolean;
}

export const staffRoles = ['clerk', 'supervisor', 'department_head'] as const satisfies readonly Role[];

/** Every role that sees other people's files or runs the portal: it acts only after a second factor. */
export const rolesNeedingSecondFactor = [...staffRoles, 'auditor', 'administrator'] as const satisfies readonly Role[];

const needsSecondFactor = (role: Role) => (rolesNeedingSecondFactor as readonly Role[]).includes(role);

/**
 * The actor as one session may act. Until the session has passed the second factor, the staff
 * roles are simply absent: every back-office page, server action and route answers as it would
 * to a citizen (not found), and the guards send the person to the second-factor step.
 */
export function sessionActor(actor: Actor, secondFactorPassed: boolean): Actor {
  if (secondFactorPassed || !actor.roles.some((r) => needsSecondFactor(r.role))) return actor;
  return { ...actor, roles: actor.roles.filter((r) => !needsSecondFactor(r.role)), secondFactorDue: true };
}

// Who may enter each area, by role. Resource checks below narrow further.
const areaPermissions = {
  'applicant.dashboard': ['citizen', 'investor'],
  'application.start': ['citizen', 'investor'],
  // A citizen who registers a company becomes its owner (and an investor).
  'organisation.register': ['citizen', 'investor'],
  'backoffice.enter': staffRoles,
  'audit.enter': ['auditor'],
  'admin.enter': ['administrator'],
  // Everyone's own sign-in and contact details: password, addresses, sessions.
  'account.security': ['citizen', 'investor', ...rolesNeedingSecondFactor],
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

export type OrganisationAction = 'organisation.view' | 'organisation.manage' | 'organisation.apply';

/**
 * An organisation's own pages and its name on applications: members see (view), owners and
 * managers apply and answer (apply), owners invite and change roles (manage). Outsiders and
 * removed members get nothing: membership is read from the database on every request.
 */
export function canInOrganisation(actor: Actor | null, action: OrganisationAction, organisationId: string | null): boolean {
  const member = organisationId ? actor?.organisations.find((m) => m.organisationId === organisationId) : undefined;
  if (!member) return false;
  switch (action) {
    case 'organisation.view':
      return true;
    case 'organisation.apply':
      return member.role === 'owner' || member.role === 'manager';
    case 'organisation.manage':
      return member.role === 'owner';
  }
}

/** Whether the actor is on the applicant's side of a file: the applicant or a member of its organisation. */
export function isApplicantSide(actor: Actor, application: Pick<ApplicationScope, 'applicantId' | 'organisationId'>): boolean {
  return application.applicantId === actor.id || canInOrganisation(actor, 'organisation.view', application.organisationId);
}

/** Whether the actor acts for the applicant: the applicant, or an owner or manager of its organisation. */
export function actsForApplicant(actor: Actor, application: Pick<ApplicationScope, 'applicantId' | 'organisationId'>): boolean {
  return application.applicantId === actor.id || canInOrganisation(actor, 'organisation.apply', application.organisationId);
}

/**
 * What gives an actor an interest in a file, as the ids a file is matched on: the files they
 * applied for, and those of every organisation they belong to (in any role). The queue and
 * "take the next file" filter on these in the database; `hasInterest` is the same rule in memory.
 */
export function interestsOf(actor: Pick<Actor, 'id' | 'organisations'>): { applicantIds: string[]; organisationIds: string[] } {
  return { applicantIds: [actor.id], organisationIds: actor.organisations.map((m) => m.organisationId) };
}

/**
 * Whether the actor has an interest in the file. Nobody takes a staff step (claim, decide,
 * inspect, note, revoke, reassign, be assigned) on a file they have an interest in, whatever
 * their roles: it stays for colleagues.
 */
export function hasInterest(actor: Pick<Actor, 'id' | 'organisations'>, application: Pick<ApplicationScope, 'applicantId' | 'organisationId'>): boolean {
  const { applicantIds, organisationIds } = interestsOf(actor);
  return applicantIds.includes(application.applicantId) || (application.organisationId !== null && organisationIds.includes(application.organisationId));
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
  switch (action) {
    case 'application.view': {
      if (isApplicantSide(actor, application)) return true;
      if (application.status === 'draft') return false; // staff never see drafts
      if (hasRole(actor, 'auditor')) return true;
      const mine = departmentsOf(actor);
      return application.departmentIds.some((d) => mine.includes(d));
    }
    case 'application.pay':
      return application.status !== 'draft' && actsForApplicant(actor, application);
    case 'application.report':
      // Only the applicant's side reports a request for extra money, about a filed application.
      return application.status !== 'draft' && isApplicantSide(actor, application);
    case 'application.edit': {
      const editable = application.status === 'draft' || application.status === 'info_requested';
      return editable && actsForApplicant(actor, application);
    }
  }
  return false;
}

/** The actor's own account page: a citizen's (applications too), or staff's (sign-in and contact details). */
export function accountPath(actor: Actor): string {
  return can(actor, 'applicant.dashboard') ? '/account' : '/account/security';
}

/** Where an actor lands after signing in: the area of their most specific role. */
export function homePath(actor: Actor): string {
  if (actor.secondFactorDue) return '/two-factor';
  if (can(actor, 'admin.enter')) return '/admin';
  if (can(actor, 'audit.enter')) return '/audit';
  if (can(actor, 'backoffice.enter')) return '/staff';
  return '/account';
}

// Registered systems (lib/api/clients.ts) read through /api/v1 with an access token. What a
// missing scope or another company's record looks like to them is "not found", as for people.

export const apiScopes = ['licences:read', 'applications:read', 'payments:read'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** A registered system, as one access token lets it act. */
export interface ApiClientActor {
  clientId: string;
  /** Who its reads are shown as to the people whose files it opens. */
  institution: { km: string; en: string };
  /** A company's own client: it reads that company's records only. */
  organisationId: string | null;
  scopes: readonly ApiScope[];
}

/**
 * What each read needs, one row each. Another institution's client (the traffic police, the
 * Ministry of Economy and Finance) reads every licence or receipt its scope names; application
 * files are read only by a company's own client, for that company.
 */
const clientCapabilities = {
  'licence.read': { scope: 'licences:read', institutions: true },
  'application.read': { scope: 'applications:read', institutions: false },
  'receipt.read': { scope: 'payments:read', institutions: true },
} as const satisfies Record<string, { scope: ApiScope; institutions: boolean }>;

export type ClientAction = keyof typeof clientCapabilities;

/** Which records of a kind a client may read: none, all, or one organisation's (for queries). */
export function clientReach(client: ApiClientActor | null, action: ClientAction): 'none' | 'all' | { organisationId: string } {
  const { scope, institutions } = clientCapabilities[action];
  if (!client || !client.scopes.includes(scope)) return 'none';
  if (client.organisationId !== null) return { organisationId: client.organisationId };
  return institutions ? 'all' : 'none';
}

/** Whether a client may read one record, by the organisation it belongs to (null: a person's own). */
export function clientCan(client: ApiClientActor | null, action: ClientAction, record: { organisationId: string | null }): boolean {
  const reach = clientReach(client, action);
  return reach === 'all' || (reach !== 'none' && record.organisationId === reach.organisationId);
}
