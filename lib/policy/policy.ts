// The one place access is decided. Pages, server actions and route handlers ask `can`; what an
// actor may not do answers as not found at the entry point.
import type { ApplicationStatus, OrganisationRole, Role } from '@/lib/db/generated/enums';
import { decidedStatuses, isIn } from '@/lib/workflow/status-groups';

export interface Actor {
  id: string;
  name: string;
  roles: readonly { role: Role; departmentId: string | null }[];
  organisations: readonly { organisationId: string; role: OrganisationRole }[];
  /** Roles needing a second factor are held back until this session passes it (see sessionActor). */
  secondFactorDue?: boolean;
}

/**
 * What each staff role may do, in each department where the person holds it (a role is held per
 * department). One row per role: a new staff role (added to the Role enum) is one row here, and
 * every page, query and workflow step that asks `canInDepartment` or `rolesWith` follows.
 * - queue.view: the department's queue, and every file that has reached the department;
 * - file.note: internal notes on those files;
 * - file.work: take a file (or the next one), be given one, ask the applicant for more, record an inspection;
 * - file.supervise: the department's workload, and moving a file from one person to another;
 * - stage.decide: decide a stage its definition leaves to a clerk (decidedBy 'clerk');
 * - stage.decide-reserved: decide a stage its definition reserves for the head (decidedBy 'department_head');
 * - licence.revoke: withdraw a licence issued by the department of the service's last stage;
 * - complaint.work: in the General Inspectorate, work the complaints;
 * - told.at-risk / told.overdue / told.long-overdue: told when a stage of the department reaches
 *   80 %, 100 % and 150 % of its deadline (at 150 %, the Inspectorate's staff too: lib/escalation).
 */
export const staffCapabilities = {
  clerk: ['queue.view', 'file.note', 'file.work', 'stage.decide', 'complaint.work', 'told.long-overdue'],
  supervisor: ['queue.view', 'file.note', 'file.supervise', 'complaint.work', 'told.at-risk', 'told.long-overdue'],
  department_head: [
    'queue.view', 'file.note', 'file.work', 'file.supervise', 'stage.decide', 'stage.decide-reserved', 'licence.revoke', 'complaint.work', 'told.overdue', 'told.long-overdue',
  ],
} as const satisfies Partial<Record<Role, readonly string[]>>;

export type StaffRole = keyof typeof staffCapabilities;
export type StaffCapability = (typeof staffCapabilities)[StaffRole][number];

export const staffRoles = Object.keys(staffCapabilities) as StaffRole[];

const isStaffRole = (role: Role): role is StaffRole => role in staffCapabilities;

/** Whether holding `role` (in some department) gives `capability` there. */
export function roleCan(role: Role, capability: StaffCapability): boolean {
  return isStaffRole(role) && (staffCapabilities[role] as readonly StaffCapability[]).includes(capability);
}

/** The roles that give `capability`: for queries that find the people who may act (assignees, those told). */
export function rolesWith(capability: StaffCapability): StaffRole[] {
  return staffRoles.filter((role) => roleCan(role, capability));
}

/** Whether the actor may do `capability` in the department: a role held there gives it. */
export function canInDepartment(actor: Actor, capability: StaffCapability, departmentId: string | null): boolean {
  return departmentId !== null && actor.roles.some((r) => r.departmentId === departmentId && roleCan(r.role, capability));
}

/** The departments where the actor may do `capability`. */
export function departmentsWhere(actor: Actor, capability: StaffCapability): string[] {
  return [...new Set(actor.roles.filter((r) => r.departmentId && roleCan(r.role, capability)).map((r) => r.departmentId!))];
}

/** Who a service definition may name to decide a stage, and the capability each decision takes. */
export const stageDeciders = {
  clerk: 'stage.decide',
  department_head: 'stage.decide-reserved',
} as const satisfies Partial<Record<StaffRole, StaffCapability>>;

export type StageDecider = keyof typeof stageDeciders;
export const stageDeciderNames = Object.keys(stageDeciders) as [StageDecider, ...StageDecider[]];

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
  // A complaint to the General Inspectorate, about an application or a department (lib/complaints).
  'complaint.file': ['citizen', 'investor'],
  'backoffice.enter': staffRoles,
  'audit.enter': ['auditor'],
  'admin.enter': ['administrator'],
  // Issue 14: running the portal from screens. Who may do what to whom (never to oneself, never
  // publish one's own draft) is checked by the module that acts (lib/staff, lib/services/drafts).
  'admin.staff': ['administrator'],
  'admin.services': ['administrator'],
  'admin.holidays': ['administrator'],
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

export type ResourceAction = 'application.view' | 'application.edit' | 'application.complain' | 'application.pay' | 'application.rate';

/** Statuses after which the applicant rates the service: the file has been decided. */
export const ratableStatuses = decidedStatuses;

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((r) => r.role === role);
}

export function hasRoleIn(actor: Actor, role: Role, departmentId: string): boolean {
  return actor.roles.some((r) => r.role === role && r.departmentId === departmentId);
}

/** The departments where the actor holds any staff role: they work there. */
export function departmentsOf(actor: Actor): string[] {
  return [...new Set(actor.roles.filter((r) => isStaffRole(r.role) && r.departmentId).map((r) => r.departmentId!))];
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
      return application.departmentIds.some((d) => canInDepartment(actor, 'queue.view', d));
    }
    case 'application.pay':
      return application.status !== 'draft' && actsForApplicant(actor, application);
    case 'application.complain':
      // Only the applicant's side complains about a filed application (delay, a request for money, ...).
      return application.status !== 'draft' && isApplicantSide(actor, application);
    case 'application.rate':
      // Whoever acts for the applicant rates the service once the file is decided.
      return isIn(ratableStatuses, application.status) && actsForApplicant(actor, application);
    case 'application.edit': {
      const editable = application.status === 'draft' || application.status === 'info_requested';
      return editable && actsForApplicant(actor, application);
    }
  }
  return false;
}

/** What policy needs to know of a complaint. */
export interface ComplaintScope {
  complainantId: string;
  organisationId: string | null;
  /** The department complained about: its staff never see the complaint. */
  departmentId: string | null;
}

export type ComplaintAction = 'complaint.view-own' | 'complaint.work';

/**
 * Whether the actor works complaints: a staff role in the General Inspectorate (its department
 * id, looked up from `inspectorateCode` by the caller). Other departments' staff never do.
 */
export function worksComplaints(actor: Actor | null, inspectorateId: string): boolean {
  return !!actor && canInDepartment(actor, 'complaint.work', inspectorateId);
}

/**
 * A complaint: the complainant and the members of the organisation it was filed for follow it
 * (view-own); the Inspectorate works it (complaint.work), except an inspector who also works in
 * the department complained about, or who is the complainant's side: those answer as not found.
 */
export function canOnComplaint(actor: Actor | null, action: ComplaintAction, complaint: ComplaintScope, inspectorateId: string): boolean {
  if (!actor) return false;
  const complainantSide = complaint.complainantId === actor.id || canInOrganisation(actor, 'organisation.view', complaint.organisationId);
  switch (action) {
    case 'complaint.view-own':
      return complainantSide;
    case 'complaint.work':
      return worksComplaints(actor, inspectorateId) && !complainantSide && !(complaint.departmentId !== null && departmentsOf(actor).includes(complaint.departmentId));
  }
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

/**
 * Who registers, rotates and revokes a client and reads its webhook deliveries: administrators,
 * any client; a company's owner, the company's own clients only (never an institution's).
 */
export function canManageApiClient(actor: Actor | null, client: { organisationId: string | null }): boolean {
  if (!actor) return false;
  if (hasRole(actor, 'administrator')) return true;
  return client.organisationId !== null && canInOrganisation(actor, 'organisation.manage', client.organisationId);
}
