import { expect, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import type { Actor } from '@/lib/policy/policy';
import { claimNext, perform, StepRefusedError, staffStepsFor, type StepInput } from '@/lib/workflow/machine';
import { departmentQueue, queueFilters } from '@/lib/workflow/queue';
import { filedApplication, newStaff } from './support/applicants';
import { company } from './support/organisations';

// Staff who are also on the applicant's side of a file: they may apply like anyone, but take
// no step on their own file or their organisation's, on any path.

/** A member of staff who is also a citizen, so that they can apply. */
async function staffWhoApplies(role: Role, departmentCode: string): Promise<Actor> {
  const staff = await newStaff(role, departmentCode);
  await db.roleAssignment.create({ data: { userId: staff.id, role: 'citizen' } });
  return (await findActor(staff.id))!;
}

async function joins(actor: Actor, organisationId: string, role: 'owner' | 'manager' | 'viewer'): Promise<Actor> {
  await db.organisationMembership.create({ data: { organisationId, userId: actor.id, role } });
  return (await findActor(actor.id))!;
}

async function open(actor: Actor, id: string) {
  const file = await findApplication(actor, id, 'application.view');
  if (!file) throw new Error('not found');
  return file;
}

/** Everything a step could change, to prove a refused one changed nothing. */
async function snapshot(id: string) {
  const [application, events, licences] = await Promise.all([
    db.application.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, assigneeId: true, currentStageKey: true } }),
    db.applicationEvent.count({ where: { applicationId: id, type: { notIn: ['record_viewed', 'document_viewed'] } } }),
    db.licence.count({ where: { applicationId: id } }),
  ]);
  return { application, events, licences };
}

const inputs: { [S in 'claim' | 'finalApprove' | 'reject' | 'requestInfo' | 'recordInspection' | 'addNote' | 'reassign']: StepInput[S] } = {
  claim: {},
  finalApprove: {},
  reject: { reason: 'Incomplete.' },
  requestInfo: { message: 'Upload a clearer photo.' },
  recordInspection: { date: '2026-11-20', inspector: 'Mao Sophal', result: 'passed', notes: '' },
  addNote: { text: 'Looks fine to me.' },
  reassign: { assigneeId: '00000000-0000-4000-8000-000000000000', reason: 'Balancing the load.' },
};

test('a clerk who applied for their company takes no step on the file, whatever the step', async () => {
  const { owner, organisationId } = await company();
  const clerk = await joins(await staffWhoApplies('clerk', 'land-transport'), organisationId, 'manager');
  const id = await filedApplication(clerk, 'driving-licence-renewal', organisationId);
  const before = await snapshot(id);

  const file = await open(clerk, id);
  expect(staffStepsFor(clerk, file)).toEqual([]);
  for (const [step, input] of Object.entries(inputs)) {
    await expect(perform(clerk, file, step as keyof typeof inputs, input as never, file.version), step).rejects.toThrow(new StepRefusedError('notAllowed'));
  }
  // A stale version is refused as not allowed too: the stale answer lists the internal history.
  await expect(perform(clerk, file, 'finalApprove', {}, file.version - 1)).rejects.toThrow(new StepRefusedError('notAllowed'));
  expect(await snapshot(id)).toEqual(before);

  // The company's owner is not staff; a colleague with no interest decides.
  expect(staffStepsFor(owner, file)).toEqual([]);
  const colleague = await newStaff('clerk', 'land-transport');
  expect(staffStepsFor(colleague, await open(colleague, id))).toContain('finalApprove');
});

test("members of the applying organisation, in every role, take no step on its file; nor does the head who applied", async () => {
  const { owner, organisationId } = await company();
  const id = await filedApplication(owner, 'driving-licence-renewal', organisationId);
  const before = await snapshot(id);
  const members = [
    await joins(await newStaff('clerk', 'land-transport'), organisationId, 'owner'),
    await joins(await newStaff('department_head', 'land-transport'), organisationId, 'manager'),
    await joins(await newStaff('supervisor', 'land-transport'), organisationId, 'viewer'),
    await joins(await newStaff('department_head', 'land-transport'), organisationId, 'viewer'),
  ];
  for (const member of members) {
    const file = await open(member, id);
    expect(staffStepsFor(member, file)).toEqual([]);
    for (const [step, input] of Object.entries(inputs)) {
      await expect(perform(member, file, step as keyof typeof inputs, input as never, file.version), step).rejects.toThrow(StepRefusedError);
    }
  }
  expect(await snapshot(id)).toEqual(before);

  // The head who applied for themselves does not revoke their own licence either.
  const head = await staffWhoApplies('department_head', 'land-transport');
  const own = await filedApplication(head, 'driving-licence-renewal');
  const colleague = await newStaff('clerk', 'land-transport');
  const seen = await open(colleague, own);
  await perform(colleague, seen, 'finalApprove', {}, seen.version);
  const issued = await open(head, own);
  expect(issued.status).toBe('issued');
  await expect(perform(head, issued, 'revokeLicence', { reason: 'Mine.' }, issued.version)).rejects.toThrow(StepRefusedError);
  expect((await db.licence.findUniqueOrThrow({ where: { applicationId: own } })).status).toBe('valid');
});

test("take-the-next-file and the queue leave a person's own file for colleagues", async () => {
  const department = await db.department.create({ data: { code: `interest-${Date.now()}`, nameKm: 'សាកល្បង', nameEn: 'Interest test' } });
  const clerkIn = async (organisations: string[] = []) => {
    const user = await db.user.create({
      data: { name: 'Clerk', roles: { create: [{ role: 'clerk', departmentId: department.id }, { role: 'citizen' }] } },
    });
    for (const organisationId of organisations) await db.organisationMembership.create({ data: { organisationId, userId: user.id, role: 'viewer' } });
    return (await findActor(user.id))!;
  };
  const { owner, organisationId } = await company();
  const applying = await clerkIn();
  const member = await clerkIn([organisationId]);
  const colleague = await clerkIn();
  const own = await filedApplication(applying, 'driving-licence-renewal');
  const companys = await filedApplication(owner, 'driving-licence-renewal', organisationId);
  // Their own files are the most urgent in the department.
  await db.application.updateMany({ where: { id: { in: [own, companys] } }, data: { currentDepartmentId: department.id, stageDueAt: new Date('2026-01-01') } });

  const everything = queueFilters.parse({});
  const queued = async (actor: Actor) => (await departmentQueue(department.id, actor, everything, new Set())).items.map((i) => i.id);
  expect(await queued(applying)).toEqual([companys]);
  expect(await queued(member)).toEqual([own]);
  expect((await queued(colleague)).sort()).toEqual([own, companys].sort());

  // Each gets the other's file, never their own; then nothing is left for them.
  expect(await claimNext(applying, department.id)).toBe(companys);
  expect(await claimNext(member, department.id)).toBe(own);
  expect(await claimNext(colleague, department.id)).toBeNull();

  await db.application.updateMany({ where: { id: { in: [own, companys] } }, data: { assigneeId: null } });
  expect(await claimNext(member, department.id)).toBe(own);
  expect(await claimNext(member, department.id)).toBeNull();
  expect(await claimNext(colleague, department.id)).toBe(companys);
});

test("a clerk cannot take a file a colleague holds; the supervisor's reassignment moves it, with a reason", async () => {
  const { owner, organisationId } = await company();
  const id = await filedApplication(owner, 'driving-licence-renewal', organisationId);
  const first = await newStaff('clerk', 'land-transport');
  const second = await newStaff('clerk', 'land-transport');
  const supervisor = await newStaff('supervisor', 'land-transport');

  let file = await open(first, id);
  await perform(first, file, 'claim', {}, file.version);
  file = await open(second, id);
  expect(staffStepsFor(second, file)).not.toContain('claim');
  await expect(perform(second, file, 'claim', {}, file.version)).rejects.toThrow(new StepRefusedError('notAllowed'));
  expect((await db.application.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(first.id);

  // Not to a member of the applying organisation, nor to the applicant.
  const member = await joins(await newStaff('clerk', 'land-transport'), organisationId, 'viewer');
  file = await open(supervisor, id);
  await expect(perform(supervisor, file, 'reassign', { assigneeId: member.id, reason: 'Balancing the load.' }, file.version)).rejects.toThrow(
    new StepRefusedError('interestedAssignee'),
  );
  // A supervisor with an interest does not reassign at all.
  const interestedSupervisor = await joins(await newStaff('supervisor', 'land-transport'), organisationId, 'viewer');
  await expect(perform(interestedSupervisor, file, 'reassign', { assigneeId: second.id, reason: 'Mine to move.' }, file.version)).rejects.toThrow(
    new StepRefusedError('notAllowed'),
  );
  expect((await db.application.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(first.id);

  await perform(supervisor, file, 'reassign', { assigneeId: second.id, reason: 'Sok is on leave this week.' }, file.version);
  expect((await db.application.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(second.id);
  const event = await db.applicationEvent.findFirstOrThrow({ where: { applicationId: id, type: 'reassigned' } });
  expect(event.actorId).toBe(supervisor.id);
  expect(event.data).toMatchObject({ step: 'reassign', assigneeId: second.id, reason: 'Sok is on leave this week.' });
});
