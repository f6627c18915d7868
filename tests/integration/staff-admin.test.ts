// Staff and departments from the administrator's screens (lib/staff): an invitation's link works
// once and expires; nobody acts on their own account, also by replaying the server action with
// forged arguments; deactivating, moving or taking a role puts claimed files back in the queue;
// every act is on the audit trail; a taken department code changes nothing.
import { randomUUID } from 'node:crypto';
import { expect, test, vi } from 'vitest';
import { createSession, findLiveSession } from '@/lib/auth/sessions';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { renderNotification } from '@/lib/notifications/messages';
import type { NotificationData } from '@/lib/notifications/notify';
import type { Actor } from '@/lib/policy/policy';
import { createDepartment, createDepartmentInput, renameDepartment } from '@/lib/staff/departments';
import { acceptStaffInvitation, findStaffInvitation, inviteStaff } from '@/lib/staff/invitations';
import { deactivateStaff, giveRole, moveToDepartment, reactivateStaff, takeRole } from '@/lib/staff/members';
import { claimNext } from '@/lib/workflow/machine';
import { filedApplication, newCitizen, newStaff } from './support/applicants';

// The server actions run here as Next.js runs them, with the signed-in person chosen by the test
// and the framework's redirect and "not found" as the errors they are.
let signedIn: Actor | null = null;
vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<typeof import('@/lib/auth/session')>()), currentActor: async () => signedIn }));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('not found');
  },
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));

const password = 'a river at morning light';
const departmentId = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
const adminActs = (subject: string) => db.adminEvent.findMany({ where: { subject }, orderBy: { id: 'asc' }, select: { type: true, actorId: true, data: true } });

/** The link of the invitation email to `email`, as the outbox holds it. */
async function invitationToken(email: string): Promise<string> {
  const notification = await db.notification.findFirstOrThrow({ where: { kind: 'staff_invitation', deliveries: { some: { address: email } } }, orderBy: { createdAt: 'desc' } });
  return (notification.data as unknown as NotificationData).link!.split('/join-staff/')[1]!;
}

/** A claimed file: filed by a citizen, taken by `clerk` from land transport's queue. */
async function claimedBy(clerk: Actor): Promise<string> {
  await filedApplication(await newCitizen());
  const id = await claimNext(clerk, await departmentId('land-transport'));
  expect(id).not.toBeNull();
  return id!;
}

async function expectBackInQueue(applicationId: string, clerk: Actor, reason: string) {
  const file = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { assigneeId: true, currentDepartmentId: true } });
  expect(file).toEqual({ assigneeId: null, currentDepartmentId: await departmentId('land-transport') });
  const [event] = await db.applicationEvent.findMany({ where: { applicationId }, orderBy: { id: 'desc' }, take: 1 });
  expect(event).toMatchObject({ type: 'returned_to_queue', visibility: 'internal', actorRole: 'administrator', data: { assigneeId: clerk.id, reason } });
}

test('an invitation goes out through the outbox; its link creates the account with the role once, and an expired one is refused', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const email = `new-clerk-${randomUUID()}@example.com`;
  const landTransport = await departmentId('land-transport');
  expect(await inviteStaff(administrator, { name: 'Sok Dara', email, role: 'clerk', departmentId: landTransport }, { locale: 'en', portalUrl: 'https://portal.example' })).toEqual({ ok: true });
  const token = await invitationToken(email);
  const notification = await db.notification.findFirstOrThrow({ where: { kind: 'staff_invitation', deliveries: { some: { address: email } } } });
  const mail = renderNotification('staff_invitation', notification.data as unknown as NotificationData, { name: 'Sok Dara', locale: 'en' }, '');
  expect(mail.subject).toBe('You are invited to join the staff of MPWT e-Services');
  expect(mail.text).toContain('General Department of Land Transport');
  expect(mail.text).toContain(`https://portal.example/en/join-staff/${token}`);
  expect((await findStaffInvitation(token))!.state).toBe('open');

  expect(await acceptStaffInvitation(token, 'cambodia2026', 'en')).toEqual({ ok: false, error: 'guessable' });
  expect(await acceptStaffInvitation(token, password, 'en')).toEqual({ ok: true });
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect((await findActor(user.id))!.roles).toEqual([{ role: 'clerk', departmentId: landTransport }]);
  expect(await acceptStaffInvitation(token, 'another long password', 'en')).toEqual({ ok: false, error: 'used' });
  expect(await db.user.count({ where: { email } })).toBe(1);
  expect(await adminActs(`user:${user.id}`)).toMatchObject([{ type: 'staff_joined', data: { role: 'clerk', invitedBy: administrator.id } }]);
  // The address now has an account: a second invitation is refused.
  expect(await inviteStaff(administrator, { name: 'Sok Dara', email, role: 'clerk', departmentId: landTransport }, { locale: 'en', portalUrl: '' })).toEqual({ ok: false, error: 'emailTaken' });

  const late = `late-${randomUUID()}@example.com`;
  const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
  await inviteStaff(administrator, { name: 'Late', email: late, role: 'auditor', departmentId: null }, { locale: 'km', portalUrl: '', now: eightDaysAgo });
  expect(await acceptStaffInvitation(await invitationToken(late), password, 'km')).toEqual({ ok: false, error: 'expired' });
  expect(await acceptStaffInvitation('forged-token-forged-token', password, 'km')).toEqual({ ok: false, error: 'notFound' });
  expect(await db.user.count({ where: { email: late } })).toBe(0);
});

test('an administrator sends at most 30 invitations an hour: the next is refused with the wait, and nothing of it is sent', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const landTransport = await departmentId('land-transport');
  const now = new Date();
  for (let n = 1; n <= 30; n++) {
    const result = await inviteStaff(administrator, { name: `Clerk ${n}`, email: `batch-${n}-${randomUUID()}@example.com`, role: 'clerk', departmentId: landTransport }, { locale: 'en', portalUrl: '', now });
    expect(result).toEqual({ ok: true });
  }
  const sent = () => db.staffInvitation.count({ where: { invitedById: administrator.id } });
  expect(await sent()).toBe(30);

  const { inviteStaffAction } = await import('@/app/[locale]/(staff)/admin/staff/invite/actions');
  signedIn = administrator;
  const form = new FormData();
  const email = `one-too-many-${randomUUID()}@example.com`;
  for (const [name, value] of Object.entries({ name: 'One too many', email, role: 'clerk', departmentId: landTransport })) form.set(name, value);
  expect(await inviteStaffAction('en', {}, form)).toMatchObject({ formError: 'errors.invitation.limited', values: { email } });
  signedIn = null;
  expect(await sent()).toBe(30);
  expect(await db.notification.count({ where: { kind: 'staff_invitation', deliveries: { some: { address: email } } } })).toBe(0);
  // Another administrator is not held back by this one's hour; this one is, an hour later, no more.
  const other = await newStaff('administrator', 'land-transport');
  expect(await inviteStaff(other, { name: 'Next', email: `other-${randomUUID()}@example.com`, role: 'clerk', departmentId: landTransport }, { locale: 'en', portalUrl: '', now })).toEqual({ ok: true });
  const inAnHour = new Date(now.getTime() + 61 * 60_000);
  expect(await inviteStaff(administrator, { name: 'Later', email: `later-${randomUUID()}@example.com`, role: 'clerk', departmentId: landTransport }, { locale: 'en', portalUrl: '', now: inAnHour })).toEqual({ ok: true });
});

test('no administrator gives themselves a role or deactivates themselves, through lib or by replaying the action with forged arguments', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const landTransport = await departmentId('land-transport');
  expect(await giveRole(administrator, administrator.id, { role: 'department_head', departmentId: landTransport })).toBe('self');
  expect(await deactivateStaff(administrator, administrator.id)).toBe('self');

  const { giveRoleAction, deactivateStaffAction, takeRoleAction } = await import('@/app/[locale]/(staff)/admin/staff/[userId]/actions');
  signedIn = administrator;
  const form = new FormData();
  form.set('role', 'department_head');
  form.set('departmentId', landTransport);
  expect(await giveRoleAction('en', administrator.id, {}, form)).toMatchObject({ formError: 'staffAdmin.errors.self' });
  await expect(deactivateStaffAction('en', administrator.id)).rejects.toThrow(`redirect /en/admin/staff/${administrator.id}?refused=self`);
  const [own] = await db.roleAssignment.findMany({ where: { userId: administrator.id } });
  await expect(takeRoleAction('en', administrator.id, own!.id)).rejects.toThrow('refused=self');
  // A clerk replaying the administrator's action on themselves finds nothing.
  const clerk = await newStaff('clerk', 'land-transport');
  signedIn = clerk;
  await expect(giveRoleAction('en', clerk.id, {}, form)).rejects.toThrow('not found');
  signedIn = null;

  expect((await findActor(administrator.id))!.roles).toEqual([{ role: 'administrator', departmentId: landTransport }]);
  expect((await findActor(clerk.id))!.roles).toEqual([{ role: 'clerk', departmentId: landTransport }]);
  expect(await db.user.findUniqueOrThrow({ where: { id: administrator.id }, select: { status: true } })).toEqual({ status: 'active' });
  expect(await adminActs(`user:${administrator.id}`)).toEqual([]);
  expect(await adminActs(`user:${clerk.id}`)).toEqual([]);
});

test("deactivation puts the person's claimed files back in the queue, ends their sessions and refuses their next request", async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const clerk = await newStaff('clerk', 'land-transport');
  const applicationId = await claimedBy(clerk);
  const session = await createSession({ userId: clerk.id, kind: 'password', secondFactorAt: new Date() });

  expect(await deactivateStaff(administrator, clerk.id)).toBe('done');
  await expectBackInQueue(applicationId, clerk, 'deactivated');
  expect(await findActor(clerk.id)).toBeNull();
  expect(await findLiveSession(session.id)).toBeNull();
  expect(await deactivateStaff(administrator, clerk.id)).toBe('already');
  expect(await adminActs(`user:${clerk.id}`)).toMatchObject([{ type: 'staff_deactivated', actorId: administrator.id, data: { filesReturned: 1, sessionsEnded: 1 } }]);

  expect(await reactivateStaff(administrator, clerk.id)).toBe('done');
  expect((await findActor(clerk.id))!.roles).toHaveLength(1);
});

test('roles given and taken are on the audit trail; taking the role puts that department\'s claimed files back; a citizen is no one to give a role', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const clerk = await newStaff('clerk', 'land-transport');
  const landTransport = await departmentId('land-transport');
  const publicWorks = await departmentId('public-works');
  const applicationId = await claimedBy(clerk);

  expect(await giveRole(administrator, clerk.id, { role: 'supervisor', departmentId: publicWorks })).toBe('done');
  expect(await giveRole(administrator, clerk.id, { role: 'supervisor', departmentId: publicWorks })).toBe('already');
  expect(await giveRole(administrator, clerk.id, { role: 'supervisor', departmentId: randomUUID() })).toBe('unknownDepartment');
  const clerkRole = await db.roleAssignment.findFirstOrThrow({ where: { userId: clerk.id, role: 'clerk' } });
  expect(await takeRole(administrator, clerk.id, clerkRole.id)).toBe('done');
  await expectBackInQueue(applicationId, clerk, 'role_taken');
  expect((await findActor(clerk.id))!.roles).toEqual([{ role: 'supervisor', departmentId: publicWorks }]);
  expect(await adminActs(`user:${clerk.id}`)).toMatchObject([
    { type: 'role_given', actorId: administrator.id, data: { role: 'supervisor', department: 'public-works' } },
    { type: 'role_taken', actorId: administrator.id, data: { role: 'clerk', department: 'land-transport', filesReturned: 1 } },
  ]);

  const citizen = await newCitizen();
  expect(await giveRole(administrator, citizen.id, { role: 'administrator', departmentId: null })).toBe('notFound');
  expect(await giveRole(clerk, administrator.id, { role: 'clerk', departmentId: landTransport })).toBe('notFound');
  expect((await findActor(citizen.id))!.roles).toEqual([{ role: 'citizen', departmentId: null }]);
});

test('moving a clerk to another department moves their roles and puts the files they held back in the old queue', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const clerk = await newStaff('clerk', 'land-transport');
  const [landTransport, publicWorks] = [await departmentId('land-transport'), await departmentId('public-works')];
  const applicationId = await claimedBy(clerk);
  expect(await moveToDepartment(administrator, clerk.id, { fromDepartmentId: landTransport, toDepartmentId: landTransport })).toBe('sameDepartment');
  expect(await moveToDepartment(administrator, clerk.id, { fromDepartmentId: landTransport, toDepartmentId: publicWorks })).toBe('done');
  await expectBackInQueue(applicationId, clerk, 'moved');
  expect((await findActor(clerk.id))!.roles).toEqual([{ role: 'clerk', departmentId: publicWorks }]);
  expect(await adminActs(`user:${clerk.id}`)).toMatchObject([{ type: 'staff_moved', data: { from: 'land-transport', to: 'public-works', roles: ['clerk'] } }]);
});

test('a department is created and renamed on the record; a taken or malformed code is refused and changes nothing', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const code = `roads-${randomUUID().slice(0, 8)}`;
  const names = { nameKm: 'នាយកដ្ឋានផ្លូវ', nameEn: 'Department of Roads' };
  expect(await createDepartment(administrator, { code, ...names })).toEqual({ ok: true });
  const before = await db.department.findUniqueOrThrow({ where: { code } });
  expect(await createDepartment(administrator, { code, nameKm: 'ផ្សេង', nameEn: 'Other' })).toEqual({ ok: false, error: 'codeTaken' });
  expect(await db.department.findUniqueOrThrow({ where: { code } })).toEqual(before);
  expect(await adminActs(`department:${code}`)).toMatchObject([{ type: 'department_created', actorId: administrator.id }]);

  const malformed = createDepartmentInput.safeParse({ code: 'Roads Dept', nameKm: 'Roads', nameEn: '' });
  expect(malformed.success ? [] : malformed.error.issues.map((i) => [i.path[0], i.message])).toEqual([
    ['nameKm', 'staffAdmin.errors.nameKmScript'],
    ['nameEn', 'staffAdmin.errors.nameEnRequired'],
    ['code', 'staffAdmin.errors.codeFormat'],
  ]);

  expect(await renameDepartment(administrator, before.id, { nameKm: 'នាយកដ្ឋានផ្លូវថ្នល់', nameEn: 'Department of Roads and Bridges' })).toEqual({ ok: true });
  expect(await adminActs(`department:${code}`)).toMatchObject([{ type: 'department_created' }, { type: 'department_renamed', data: { from: names } }]);
  const clerk = await newStaff('clerk', 'land-transport');
  expect(await renameDepartment(clerk, before.id, names)).toEqual({ ok: false, error: 'notFound' });
  expect(await createDepartment(clerk, { code: `${code}-x`, ...names })).toEqual({ ok: false, error: 'notFound' });
  expect(await db.department.count({ where: { code: `${code}-x` } })).toBe(0);
});
