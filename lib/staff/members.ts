// What an administrator does to a member of staff: give and take roles per department, move
// them between departments, deactivate and reactivate them. Nobody acts on their own account
// here (an administrator cannot raise or keep themselves), and every act is on the audit trail.
// Changes take effect on the person's next request: every request re-reads roles and status
// (lib/auth/session.ts); deactivation also ends their sessions.
import 'server-only';
import { z } from 'zod';
import { recordAdminAct } from '@/lib/administration/audit';
import { endAllSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import type { Prisma, Role } from '@/lib/db/generated/client';
import { can, rolesNeedingSecondFactor, rolesWith, staffRoles, type Actor } from '@/lib/policy/policy';
import { returnClaimedFiles } from '@/lib/workflow/machine';

/** The roles an administrator gives; the department roles are held in a department, the others in none. */
export const assignableRoles = rolesNeedingSecondFactor;
export type AssignableRole = (typeof assignableRoles)[number];
export const isDepartmentRole = (role: Role) => (staffRoles as readonly Role[]).includes(role);

/** A role and where it is held: a department for clerks, supervisors and heads, none otherwise. */
export const roleInput = z
  .object({
    role: z.enum(assignableRoles, 'staffAdmin.errors.roleRequired'),
    departmentId: z.string().trim().optional(),
  })
  .transform((value, context) => {
    if (!isDepartmentRole(value.role)) return { role: value.role, departmentId: null };
    if (!value.departmentId || !z.uuid().safeParse(value.departmentId).success) {
      context.addIssue({ code: 'custom', path: ['departmentId'], message: 'staffAdmin.errors.departmentRequired' });
      return z.NEVER;
    }
    return { role: value.role, departmentId: value.departmentId };
  });

export const moveInput = z.object({
  fromDepartmentId: z.uuid('staffAdmin.errors.fromRequired'),
  toDepartmentId: z.uuid('staffAdmin.errors.toRequired'),
});

export type StaffActResult = 'done' | 'self' | 'notFound' | 'already' | 'unknownDepartment' | 'sameDepartment';

// A staff account: one that holds no citizen's or investor's role (invited staff never do).
const staffAccount = { roles: { none: { role: { in: ['citizen', 'investor'] as Role[] } } } } satisfies Prisma.UserWhereInput;

/**
 * The administrator's list of staff: each role held (so a person with two shows twice), by name,
 * the first 200, narrowed to names and email addresses containing the search when there is one.
 */
export async function listStaffRoles(search: string) {
  return db.roleAssignment.findMany({
    where: {
      role: { notIn: ['citizen', 'investor'] },
      ...(search ? { user: { OR: [{ name: { contains: search, mode: 'insensitive' } }, { email: { contains: search, mode: 'insensitive' } }] } } : {}),
    },
    orderBy: [{ user: { name: 'asc' } }],
    take: 200,
    select: { id: true, role: true, department: true, user: { select: { id: true, name: true, email: true, status: true, secondFactor: { select: { confirmedAt: true } } } } },
  });
}

/** One member of staff, as the administrator's page shows them; null for anyone else. */
export async function findStaffMember(userId: string) {
  return db.user.findFirst({
    where: { id: userId, ...staffAccount },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      roles: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, department: { select: { id: true, code: true, nameKm: true, nameEn: true } } } },
      _count: { select: { assigned: true } },
    },
  });
}

/**
 * Runs an act on another member of staff, inside one transaction with the person's row locked
 * (two administrators acting at once take turns). Refuses acting on oneself and on anyone who is
 * not staff, whatever the page offered.
 */
async function actOnStaff(
  administrator: Actor,
  userId: string,
  act: (tx: Prisma.TransactionClient) => Promise<StaffActResult>,
): Promise<StaffActResult> {
  if (!can(administrator, 'admin.staff') || !z.uuid().safeParse(userId).success) return 'notFound';
  if (administrator.id === userId) return 'self';
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`select id from "User" where id = ${userId}::uuid for update`;
    if (!locked || !(await tx.user.findFirst({ where: { id: userId, ...staffAccount }, select: { id: true } }))) return 'notFound';
    return act(tx);
  });
}

/** The departments where the person still works files after a change: their files elsewhere go back. */
async function departmentsHoldingFiles(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { status: true, roles: { where: { role: { in: rolesWith('file.work') } }, select: { departmentId: true } } } });
  return user.status === 'active' ? user.roles.flatMap((r) => (r.departmentId ? [r.departmentId] : [])) : [];
}

async function departmentCode(tx: Prisma.TransactionClient, departmentId: string | null): Promise<string | null | undefined> {
  if (departmentId === null) return null;
  return (await tx.department.findUnique({ where: { id: departmentId }, select: { code: true } }))?.code;
}

export async function giveRole(administrator: Actor, userId: string, input: z.infer<typeof roleInput>): Promise<StaffActResult> {
  return actOnStaff(administrator, userId, async (tx) => {
    const department = await departmentCode(tx, input.departmentId);
    if (department === undefined) return 'unknownDepartment';
    if (await tx.roleAssignment.findFirst({ where: { userId, role: input.role, departmentId: input.departmentId } })) return 'already';
    await tx.roleAssignment.create({ data: { userId, role: input.role, departmentId: input.departmentId } });
    await recordAdminAct(tx, { actorId: administrator.id, type: 'role_given', subject: `user:${userId}`, data: { role: input.role, department } });
    return 'done';
  });
}

export async function takeRole(administrator: Actor, userId: string, assignmentId: string): Promise<StaffActResult> {
  if (!z.uuid().safeParse(assignmentId).success) return 'notFound';
  return actOnStaff(administrator, userId, async (tx) => {
    const assignment = await tx.roleAssignment.findFirst({ where: { id: assignmentId, userId }, select: { role: true, departmentId: true } });
    if (!assignment) return 'notFound';
    await tx.roleAssignment.delete({ where: { id: assignmentId } });
    const returned = await returnClaimedFiles(tx, administrator, userId, await departmentsHoldingFiles(tx, userId), 'role_taken');
    await recordAdminAct(tx, {
      actorId: administrator.id,
      type: 'role_taken',
      subject: `user:${userId}`,
      data: { role: assignment.role, department: (await departmentCode(tx, assignment.departmentId)) ?? null, filesReturned: returned },
    });
    return 'done';
  });
}

/** Moves every department role the person holds in one department to another. */
export async function moveToDepartment(administrator: Actor, userId: string, input: z.infer<typeof moveInput>): Promise<StaffActResult> {
  if (input.fromDepartmentId === input.toDepartmentId) return 'sameDepartment';
  return actOnStaff(administrator, userId, async (tx) => {
    const [from, to] = [await departmentCode(tx, input.fromDepartmentId), await departmentCode(tx, input.toDepartmentId)];
    if (!from || !to) return 'unknownDepartment';
    const held = await tx.roleAssignment.findMany({ where: { userId, departmentId: input.fromDepartmentId }, select: { id: true, role: true } });
    if (held.length === 0) return 'unknownDepartment';
    for (const { id, role } of held) {
      // A role they already hold in the new department stays one row.
      const there = await tx.roleAssignment.findFirst({ where: { userId, role, departmentId: input.toDepartmentId } });
      if (there) await tx.roleAssignment.delete({ where: { id } });
      else await tx.roleAssignment.update({ where: { id }, data: { departmentId: input.toDepartmentId } });
    }
    const returned = await returnClaimedFiles(tx, administrator, userId, await departmentsHoldingFiles(tx, userId), 'moved');
    await recordAdminAct(tx, { actorId: administrator.id, type: 'staff_moved', subject: `user:${userId}`, data: { from, to, roles: held.map((r) => r.role), filesReturned: returned } });
    return 'done';
  });
}

/** Deactivates the person: their next request is refused, their sessions end, their files go back. */
export async function deactivateStaff(administrator: Actor, userId: string): Promise<StaffActResult> {
  return actOnStaff(administrator, userId, async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, status: 'active' }, data: { status: 'disabled' } });
    if (updated.count === 0) return 'already';
    const sessionsEnded = await endAllSessions(userId, 'administrator', { tx });
    const returned = await returnClaimedFiles(tx, administrator, userId, [], 'deactivated');
    await recordAdminAct(tx, { actorId: administrator.id, type: 'staff_deactivated', subject: `user:${userId}`, data: { sessionsEnded, filesReturned: returned } });
    return 'done';
  });
}

export async function reactivateStaff(administrator: Actor, userId: string): Promise<StaffActResult> {
  return actOnStaff(administrator, userId, async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, status: 'disabled' }, data: { status: 'active' } });
    if (updated.count === 0) return 'already';
    await recordAdminAct(tx, { actorId: administrator.id, type: 'staff_reactivated', subject: `user:${userId}` });
    return 'done';
  });
}
