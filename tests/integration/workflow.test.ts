import { expect, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/policy/policy';
import { claimNext, perform, StaleApplicationError, StepRefusedError, staffStepsFor } from '@/lib/workflow/machine';
import { departmentQueue, queueFilters, type QueueFilters } from '@/lib/workflow/queue';
import { filedApplication, newCitizen, newStaff } from './support/applicants';

async function open(actor: Actor, id: string) {
  const file = await findApplication(actor, id, 'application.view');
  if (!file) throw new Error('not found');
  return file;
}

/** Takes a step as `actor` from a freshly read page. */
async function take<N extends Parameters<typeof perform>[2]>(actor: Actor, id: string, name: N, input: Parameters<typeof perform<N>>[3]) {
  const file = await open(actor, id);
  await perform(actor, file, name, input, file.version);
}

test('a construction permit passes every stage across departments, with one request for information', async () => {
  const citizen = await newCitizen();
  const id = await filedApplication(citizen, 'construction-permit');
  const worksClerk = await newStaff('clerk', 'public-works');
  const constructionClerk = await newStaff('clerk', 'construction');
  const inspector = await newStaff('clerk', 'inspection');
  const worksHead = await newStaff('department_head', 'public-works');

  // The construction department does not see the file before it reaches them.
  expect(await findApplication(constructionClerk, id, 'application.view')).toBeNull();
  expect(staffStepsFor(worksClerk, await open(worksClerk, id))).toEqual(['claim', 'approveStage', 'requestInfo', 'reject', 'addNote']);

  await take(worksClerk, id, 'claim', {});
  await take(worksClerk, id, 'requestInfo', { message: 'Please upload the signed site plan.' });
  let app = await db.application.findUniqueOrThrow({ where: { id }, include: { stages: { orderBy: { position: 'asc' } } } });
  expect(app.status).toBe('info_requested');
  expect(app.stages[0]!.status).toBe('info_requested');
  expect(app.stages[0]!.pausedAt).not.toBeNull();
  // While the applicant is asked, staff cannot decide.
  await expect(take(worksClerk, id, 'approveStage', {})).rejects.toThrow(StepRefusedError);

  // The clock stopped for the working days the applicant took.
  await db.applicationStage.update({ where: { id: app.stages[0]!.id }, data: { pausedAt: new Date(Date.now() - 7 * 86_400_000) } });
  await take(citizen, id, 'resubmit', {});
  const resumed = await db.application.findUniqueOrThrow({ where: { id } });
  expect(resumed.status).toBe('in_review');
  expect(resumed.assigneeId).toBe(worksClerk.id);
  expect(resumed.stageDueAt!.getTime()).toBeGreaterThan(app.stageDueAt!.getTime() + 4 * 86_400_000);

  await take(worksClerk, id, 'approveStage', {});
  const moved = await db.application.findUniqueOrThrow({ where: { id }, include: { stages: { orderBy: { position: 'asc' } }, currentDepartment: true } });
  expect([moved.status, moved.currentStageKey, moved.currentDepartment?.code, moved.assigneeId]).toEqual(['in_review', 'technical-review', 'construction', null]);
  expect(moved.stages.map((s) => s.status)).toEqual(['approved', 'active', 'pending', 'pending']);
  // Public works no longer holds it: its clerk sees it (an earlier stage was theirs) but cannot act.
  expect(staffStepsFor(worksClerk, await open(worksClerk, id))).toEqual(['addNote']);

  await take(constructionClerk, id, 'approveStage', {});
  // An inspection stage needs a passing inspection before it can be approved.
  await expect(take(inspector, id, 'approveStage', {})).rejects.toThrow(new StepRefusedError('inspectionNeeded'));
  await take(inspector, id, 'recordInspection', { date: '2026-11-20', inspector: 'Mao Sophal', result: 'passed', notes: 'Foundations as drawn.' });
  await take(inspector, id, 'approveStage', {});

  // The last stage is the head's: a clerk of the same department may not take it.
  expect(staffStepsFor(worksClerk, await open(worksClerk, id))).not.toContain('finalApprove');
  await expect(take(worksClerk, id, 'finalApprove', {})).rejects.toThrow(StepRefusedError);
  await take(worksHead, id, 'finalApprove', {});

  app = await db.application.findUniqueOrThrow({ where: { id }, include: { stages: { orderBy: { position: 'asc' } } } });
  // A construction permit issues a document: the final approval issues it at once.
  expect(app.status).toBe('issued');
  expect(app.currentDepartmentId).toBeNull();
  expect(app.stages.map((s) => s.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
  const events = await db.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.type)).toEqual([
    // Whoever decides a stage nobody had taken takes it in the same step, first.
    'submitted', 'assigned', 'info_requested', 'resubmitted', 'stage_approved', 'assigned', 'stage_approved', 'inspection_recorded', 'assigned', 'stage_approved', 'assigned', 'approved', 'issued',
  ]);
});

test('a clerk of another department cannot see or act on an application', async () => {
  const citizen = await newCitizen();
  const id = await filedApplication(citizen);
  const outsider = await newStaff('clerk', 'logistics');
  const insider = await newStaff('clerk', 'land-transport');
  expect(await findApplication(outsider, id, 'application.view')).toBeNull();
  // Even handed the file as it stands, the machine refuses every step.
  const file = await open(insider, id);
  for (const step of ['claim', 'approveStage', 'finalApprove', 'reject', 'requestInfo', 'addNote'] as const) {
    expect(() => staffStepsFor(outsider, file)).not.toThrow();
    await expect(perform(outsider, file, step, { reason: 'x', message: 'x', text: 'x' } as never, file.version)).rejects.toThrow(StepRefusedError);
  }
  expect((await db.application.findUniqueOrThrow({ where: { id } })).version).toBe(file.version);
});

test('a decision from a stale page is refused and overwrites nothing', async () => {
  const citizen = await newCitizen();
  const id = await filedApplication(citizen);
  const first = await newStaff('clerk', 'land-transport');
  const second = await newStaff('clerk', 'land-transport');
  const seenByFirst = await open(first, id);
  const seenBySecond = await open(second, id);
  await perform(first, seenByFirst, 'finalApprove', {}, seenByFirst.version);
  await expect(perform(second, seenBySecond, 'reject', { reason: 'Blurred photo' }, seenBySecond.version)).rejects.toThrow(StaleApplicationError);
  const app = await db.application.findUniqueOrThrow({ where: { id } });
  expect(app.status).toBe('issued');
  expect(await db.applicationEvent.count({ where: { applicationId: id, type: 'rejected' } })).toBe(0);
});

test('twenty clerks claiming at once take each of ten waiting files exactly once', async () => {
  const department = await db.department.create({ data: { code: `test-${Date.now()}`, nameKm: 'សាកល្បង', nameEn: 'Test' } });
  const citizen = await newCitizen();
  const ids = await Promise.all(Array.from({ length: 10 }, () => filedApplication(citizen)));
  await db.application.updateMany({ where: { id: { in: ids } }, data: { currentDepartmentId: department.id } });
  const clerks = await Promise.all(Array.from({ length: 20 }, async () => {
    const user = await db.user.create({ data: { name: 'Clerk', roles: { create: { role: 'clerk', departmentId: department.id } } } });
    return { id: user.id, name: user.name, roles: [{ role: 'clerk' as const, departmentId: department.id }], organisations: [] };
  }));
  const claimed = await Promise.all(clerks.map((clerk) => claimNext(clerk, department.id)));
  const taken = claimed.filter((c): c is string => c !== null);
  expect(taken.sort()).toEqual([...ids].sort());
  const rows = await db.application.findMany({ where: { id: { in: ids } }, select: { assigneeId: true } });
  expect(new Set(rows.map((r) => r.assigneeId)).size).toBe(10);
  expect(await db.applicationEvent.count({ where: { applicationId: { in: ids }, type: 'assigned' } })).toBe(10);
});

test("the queue orders a department's files by stage due date and filters them", async () => {
  const department = await db.department.create({ data: { code: `queue-${Date.now()}`, nameKm: 'សាកល្បង', nameEn: 'Queue test' } });
  const citizen = await newCitizen();
  const clerk = await newStaff('clerk', 'land-transport');
  const [late, soon, later] = await Promise.all([filedApplication(citizen), filedApplication(citizen), filedApplication(citizen)]);
  const now = new Date('2026-11-23T03:00:00Z');
  const due = { [late!]: '2026-11-18T16:59:59.999Z', [soon!]: '2026-11-24T16:59:59.999Z', [later!]: '2026-12-10T16:59:59.999Z' };
  for (const [id, at] of Object.entries(due)) {
    await db.application.update({ where: { id }, data: { currentDepartmentId: department.id, stageDueAt: new Date(at) } });
  }
  await db.application.update({ where: { id: soon! }, data: { assigneeId: clerk.id } });
  const holidays = new Set<string>();
  const ids = async (filters: Partial<QueueFilters>) =>
    (await departmentQueue(department.id, clerk, queueFilters.parse(filters), holidays, now)).items.map((i) => i.id);

  expect(await ids({})).toEqual([late, soon, later]);
  expect(await ids({ due: 'overdue' })).toEqual([late]);
  expect(await ids({ due: 'atRisk' })).toEqual([soon]);
  expect(await ids({ assigned: 'me' })).toEqual([soon]);
  expect(await ids({ assigned: 'none' })).toEqual([late, later]);
  expect(await ids({ service: 'vehicle-registration' })).toEqual([]);
  // Unknown filter values are ignored rather than failing the page.
  expect(await ids({ due: 'yesterday', page: -3 } as never)).toEqual([late, soon, later]);
});

test('a decision is taken by whoever holds the file: one a colleague took is not theirs, a free one is taken with it', async () => {
  const citizen = await newCitizen();
  const [held, free] = [await filedApplication(citizen), await filedApplication(citizen)];
  const holder = await newStaff('clerk', 'land-transport');
  const colleague = await newStaff('clerk', 'land-transport');
  const events = async (id: string) =>
    (await db.applicationEvent.findMany({ where: { applicationId: id, type: { not: 'record_viewed' } }, orderBy: { id: 'asc' }, select: { type: true, actorId: true, data: true } }));

  await take(holder, held, 'claim', {});
  const seen = await open(colleague, held);
  expect(staffStepsFor(colleague, seen)).not.toContain('finalApprove');
  expect(staffStepsFor(colleague, seen)).not.toContain('reject');
  for (const step of ['finalApprove', 'reject'] as const) {
    await expect(perform(colleague, seen, step, { reason: 'Blurred photo' } as never, seen.version)).rejects.toThrow(new StepRefusedError('notAllowed'));
  }
  expect((await db.application.findUniqueOrThrow({ where: { id: held } })).version).toBe(seen.version);
  await take(holder, held, 'finalApprove', {});
  expect((await events(held)).map((e) => [e.type, e.actorId])).toEqual([['submitted', citizen.id], ['assigned', holder.id], ['approved', holder.id], ['issued', holder.id]]);

  // Nobody had taken the other: the approval takes it, and the trail shows the take, then the decision.
  await take(colleague, free, 'finalApprove', {});
  expect((await events(free)).map((e) => [e.type, e.actorId, (e.data as { step: string }).step])).toEqual([
    ['submitted', citizen.id, 'submit'],
    ['assigned', colleague.id, 'claim'],
    ['approved', colleague.id, 'finalApprove'],
    ['issued', colleague.id, 'issue'],
  ]);
});

test('a search puts the exact reference first, then the mobile number, then names, then parts of references, within the queue the person may see', async () => {
  const department = await db.department.create({ data: { code: `search-${Date.now()}`, nameKm: 'សាកល្បង', nameEn: 'Search test' } });
  const clerk = await newStaff('clerk', 'land-transport');
  await db.roleAssignment.create({ data: { userId: clerk.id, role: 'clerk', departmentId: department.id } });
  const token = `Q${Date.now().toString().slice(-7)}`;
  const digits = Date.now().toString().slice(-6);
  const [dara, sophea] = [await newCitizen(), await newCitizen()];
  await db.user.update({ where: { id: dara.id }, data: { name: `Sok Dara ${token}`, phone: `+85512${digits}` } });
  await db.user.update({ where: { id: sophea.id }, data: { name: 'Chan Sophea' } });
  const file = async (applicant: Actor, reference: string, stageDueAt: string, departmentId = department.id) => {
    const id = await filedApplication(applicant);
    await db.application.update({ where: { id }, data: { reference, currentDepartmentId: departmentId, stageDueAt: new Date(stageDueAt) } });
    return id;
  };
  const exact = await file(sophea, `${token}-2026-000001`, '2026-12-20T00:00:00Z');
  const partOfReference = await file(sophea, `${token}-2026-0000010`, '2026-11-01T00:00:00Z');
  const daraLate = await file(dara, `${token}-2026-000300`, '2026-12-10T00:00:00Z');
  const daraSoon = await file(dara, `${token}-2026-000200`, '2026-11-20T00:00:00Z');
  // Another department's file of the same applicant is not in this queue.
  await file(dara, `${token}-2026-000400`, '2026-11-02T00:00:00Z', (await db.department.findUniqueOrThrow({ where: { code: 'logistics' } })).id);
  const search = async (q: string, actor: Actor = clerk, page = 1) =>
    (await departmentQueue(department.id, actor, queueFilters.parse({ q, page: String(page) }), new Set())).items.map((i) => i.id);

  // The reference typed in full (any case) comes first, though the part-match is due sooner.
  expect(await search(`${token.toLowerCase()}-2026-000001`)).toEqual([exact, partOfReference]);
  // The mobile number as people write it; part of a name, in any case.
  expect(await search(`012 ${digits.slice(0, 3)} ${digits.slice(3)}`)).toEqual([daraSoon, daraLate]);
  expect(await search(`sok dara ${token}`)).toEqual([daraSoon, daraLate]);
  // In a name and in references: the name first, then the references, each in queue order.
  expect(await search(token)).toEqual([daraSoon, daraLate, partOfReference, exact]);

  // The applicant, if they are staff of the department, does not find their own files.
  await db.roleAssignment.create({ data: { userId: dara.id, role: 'clerk', departmentId: department.id } });
  expect(await search(`sok dara ${token}`, dara)).toEqual([]);
  expect(await search(`${token}-2026-000001`, dara)).toEqual([exact, partOfReference]);
});
