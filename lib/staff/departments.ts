// Departments, as administrators create and rename them. A department's code is its stable name
// in service definitions and the audit trail: it is set once and never changes.
import 'server-only';
import { z } from 'zod';
import { recordAdminAct } from '@/lib/administration/audit';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { can, type Actor } from '@/lib/policy/policy';

const khmerScript = /[\u1780-\u17FF]/;

const departmentNames = z.object({
  nameKm: z.string().trim().min(1, 'staffAdmin.errors.nameKmRequired').max(200, 'staffAdmin.errors.nameTooLong').regex(khmerScript, 'staffAdmin.errors.nameKmScript'),
  nameEn: z.string().trim().min(1, 'staffAdmin.errors.nameEnRequired').max(200, 'staffAdmin.errors.nameTooLong'),
});

export const renameDepartmentInput = departmentNames;
export const createDepartmentInput = departmentNames.extend({
  code: z.string().trim().min(1, 'staffAdmin.errors.codeRequired').regex(/^[a-z][a-z0-9-]{1,39}$/, 'staffAdmin.errors.codeFormat'),
});

export type DepartmentResult = { ok: true } | { ok: false; error: 'codeTaken' | 'notFound' };

/** Every department, with how many roles and services it has, by code. */
export async function listDepartments() {
  return db.department.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { roles: true, services: true } } } });
}

export async function findDepartment(id: string) {
  return db.department.findUnique({ where: { id } });
}

export async function findDepartmentByCode(code: string) {
  return db.department.findUnique({ where: { code } });
}

/** Every department's names, to name the department of a file's stages and events. */
export async function listDepartmentNames() {
  return db.department.findMany({ select: { id: true, nameKm: true, nameEn: true } });
}

export async function createDepartment(actor: Actor, input: z.infer<typeof createDepartmentInput>): Promise<DepartmentResult> {
  if (!can(actor, 'admin.staff')) return { ok: false, error: 'notFound' };
  try {
    await db.$transaction(async (tx) => {
      await tx.department.create({ data: input });
      await recordAdminAct(tx, { actorId: actor.id, type: 'department_created', subject: `department:${input.code}`, data: { nameKm: input.nameKm, nameEn: input.nameEn } });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'codeTaken' };
    throw error;
  }
}

export async function renameDepartment(actor: Actor, departmentId: string, input: z.infer<typeof renameDepartmentInput>): Promise<DepartmentResult> {
  if (!can(actor, 'admin.staff')) return { ok: false, error: 'notFound' };
  return db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id: departmentId } });
    if (!before) return { ok: false, error: 'notFound' } as const;
    await tx.department.update({ where: { id: departmentId }, data: input });
    await recordAdminAct(tx, {
      actorId: actor.id,
      type: 'department_renamed',
      subject: `department:${before.code}`,
      data: { from: { nameKm: before.nameKm, nameEn: before.nameEn }, to: input },
    });
    return { ok: true } as const;
  });
}
