import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { db } from '@/lib/db/client';
import { escalateLateStages } from '@/lib/escalation/escalate-late-stages';
import { escalatedFiles } from '@/lib/escalation/escalated-files';
import { filedApplication, newCitizen, newStaff } from './support/applicants';

// The clock of these tests is March 2021: no holiday is on the calendar then (the seed holds the
// current and next years), so only weekends stop it. No other test's stage is due that early.
// A driving licence renewal's review stage has 5 working days. Started Monday 1 March 2021, it is
// due at the end of Monday 8 March in Phnom Penh (2, 3, 4, 5, 8 March), 16:59:59.999 UTC:
const startedAt = new Date('2021-03-01T03:00:00Z');
const dueAt = new Date('2021-03-08T16:59:59.999Z');
// 80 %: 4 of 5 working days used, at the end of Friday 5 March.
const at80 = new Date('2021-03-05T17:00:00Z');
// 150 %: 7.5 working days: the 6th and 7th are 9 and 10 March, half of Thursday 11 March is noon there.
const at150 = new Date('2021-03-11T05:00:00Z');
const minute = 60_000;

async function lateRenewal() {
  const id = await filedApplication(await newCitizen());
  const stage = await db.applicationStage.findFirstOrThrow({ where: { applicationId: id, status: 'active' } });
  await db.applicationStage.update({ where: { id: stage.id }, data: { startedAt, dueAt } });
  return { id, stageId: stage.id };
}

const levelsOf = async (stageId: string) =>
  (await db.stageEscalation.findMany({ where: { stageId }, orderBy: { level: 'asc' }, select: { level: true } })).map((e) => e.level);
const toldOf = (userId: string, applicationId: string) => db.notification.count({ where: { userId, applicationId, kind: 'stage_escalated' } });

test('a late stage is escalated at 80, 100 and 150 % of its deadline, each level once, with two passes running at once', async () => {
  const supervisor = await newStaff('supervisor', 'land-transport');
  const head = await newStaff('department_head', 'land-transport');
  const inspector = await newStaff('clerk', 'inspection');
  const { id, stageId } = await lateRenewal();

  await escalateLateStages({ now: new Date(at80.getTime() - minute) });
  expect(await levelsOf(stageId)).toEqual([]);

  await Promise.all([escalateLateStages({ now: at80 }), escalateLateStages({ now: at80 })]);
  expect(await levelsOf(stageId)).toEqual([80]);
  expect([await toldOf(supervisor.id, id), await toldOf(head.id, id), await toldOf(inspector.id, id)]).toEqual([1, 0, 0]);

  await escalateLateStages({ now: new Date(dueAt.getTime() - minute) });
  expect(await levelsOf(stageId)).toEqual([80]);
  await Promise.all([escalateLateStages({ now: new Date(dueAt.getTime() + 1) }), escalateLateStages({ now: new Date(dueAt.getTime() + 1) })]);
  expect(await levelsOf(stageId)).toEqual([80, 100]);
  expect([await toldOf(supervisor.id, id), await toldOf(head.id, id), await toldOf(inspector.id, id)]).toEqual([1, 1, 0]);

  await escalateLateStages({ now: new Date(at150.getTime() - minute) });
  expect(await levelsOf(stageId)).toEqual([80, 100]);
  // The Inspectorate does not see another department's file before it is escalated to it...
  expect(await findApplication(inspector, id, 'application.view')).toBeNull();
  await Promise.all([escalateLateStages({ now: at150 }), escalateLateStages({ now: at150 }), escalateLateStages({ now: at150 })]);
  await escalateLateStages({ now: new Date(at150.getTime() + 30 * 24 * 60 * minute) });
  expect(await levelsOf(stageId)).toEqual([80, 100, 150]);
  expect([await toldOf(supervisor.id, id), await toldOf(head.id, id), await toldOf(inspector.id, id)]).toEqual([1, 1, 1]);
  // ...and does from then on (to read it: no step of the department's is theirs).
  expect(await findApplication(inspector, id, 'application.view')).toMatchObject({ id });
  expect(await findApplication(await newStaff('clerk', 'logistics'), id, 'application.view')).toBeNull();

  // On the file's internal timeline, once per level, on the audit chain.
  const events = await db.applicationEvent.findMany({ where: { applicationId: id, type: 'escalated' }, orderBy: { id: 'asc' }, select: { visibility: true, data: true } });
  expect(events.map((e) => [e.visibility, (e.data as { level: number }).level])).toEqual([['internal', 80], ['internal', 100], ['internal', 150]]);
  expect(await verifyAuditChain()).toMatchObject({ ok: true });

  // The supervisor's page lists it at its highest level, since the moment it reached it.
  const department = await db.department.findUniqueOrThrow({ where: { code: 'land-transport' } });
  const listed = (await escalatedFiles(department.id, 10_000)).find((f) => f.applicationId === id);
  expect(listed).toMatchObject({ level: 150, since: at150, dueAt, paused: false });
});

// Two workers are two processes with pools of their own, as `npm start` runs them on two machines.
const workerPass = (at: Date) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/escalation-pass.ts'), at.toISOString()], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: process.env,
  });

test('two worker processes passing at the same instants write each level once and tell each person once', async () => {
  const supervisor = await newStaff('supervisor', 'land-transport');
  const head = await newStaff('department_head', 'land-transport');
  const inspector = await newStaff('clerk', 'inspection');
  const { id, stageId } = await lateRenewal();
  const told = async () => [await toldOf(supervisor.id, id), await toldOf(head.id, id), await toldOf(inspector.id, id)];

  await Promise.all([workerPass(at80), workerPass(at80)]);
  expect(await levelsOf(stageId)).toEqual([80]);
  expect(await told()).toEqual([1, 0, 0]);
  await Promise.all([workerPass(new Date(dueAt.getTime() + 1)), workerPass(new Date(dueAt.getTime() + 1))]);
  expect(await levelsOf(stageId)).toEqual([80, 100]);
  expect(await told()).toEqual([1, 1, 0]);
  await Promise.all([workerPass(at150), workerPass(at150)]);
  expect(await levelsOf(stageId)).toEqual([80, 100, 150]);
  expect(await told()).toEqual([1, 1, 1]);
  expect(await db.applicationEvent.count({ where: { applicationId: id, type: 'escalated' } })).toBe(3);
}, 60_000);

test('a pass that finds a stage already at 150 % tells all three levels, each its own people', async () => {
  const { id, stageId } = await lateRenewal();
  await escalateLateStages({ now: at150 });
  expect(await levelsOf(stageId)).toEqual([80, 100, 150]);
  const rows = await db.stageEscalation.findMany({ where: { stageId }, orderBy: { level: 'asc' }, select: { level: true, reachedAt: true, told: true } });
  expect(rows.map((r) => r.reachedAt)).toEqual([new Date('2021-03-05T16:59:59.999Z'), dueAt, at150]);
  expect(await db.notification.count({ where: { applicationId: id, kind: 'stage_escalated' } })).toBe(rows.reduce((sum, r) => sum + r.told, 0));
});

test('nothing is escalated for a stage paused for the applicant or already decided', async () => {
  const paused = await lateRenewal();
  await db.applicationStage.update({ where: { id: paused.stageId }, data: { status: 'info_requested', pausedAt: new Date('2021-03-04T03:00:00Z') } });
  const decided = await lateRenewal();
  await db.applicationStage.update({ where: { id: decided.stageId }, data: { status: 'approved', completedAt: new Date('2021-03-04T03:00:00Z') } });
  await escalateLateStages({ now: new Date('2021-06-01T00:00:00Z') });
  expect(await levelsOf(paused.stageId)).toEqual([]);
  expect(await levelsOf(decided.stageId)).toEqual([]);
});

test('a pause moves the levels later by the working days it lasted', async () => {
  const { stageId } = await lateRenewal();
  // Paused for three working days, then answered: the machine moves the due date to Thursday 11 March.
  await db.applicationStage.update({ where: { id: stageId }, data: { dueAt: new Date('2021-03-11T16:59:59.999Z') } });
  await escalateLateStages({ now: at80 });
  expect(await levelsOf(stageId)).toEqual([]);
  // 80 % is now the end of Wednesday 10 March.
  await escalateLateStages({ now: new Date('2021-03-10T17:00:00Z') });
  expect(await levelsOf(stageId)).toEqual([80]);
});

test('one pass reads on, a page at a time, until every stage that reached a level is escalated', async () => {
  const stages = await Promise.all([lateRenewal(), lateRenewal(), lateRenewal()]);
  await escalateLateStages({ now: at80, batch: 1 });
  for (const { stageId } of stages) expect(await levelsOf(stageId)).toEqual([80]);
});

test('a pause after the 80 % escalation moves the later levels, and 80 % is not told again', async () => {
  const supervisor = await newStaff('supervisor', 'land-transport');
  const { id, stageId } = await lateRenewal();
  await escalateLateStages({ now: at80 });
  expect(await levelsOf(stageId)).toEqual([80]);
  // Paused for three working days, then answered: due at the end of Thursday 11 March.
  const movedDue = new Date('2021-03-11T16:59:59.999Z');
  await db.applicationStage.update({ where: { id: stageId }, data: { dueAt: movedDue } });
  // The old due date and the new 80 % pass: nothing new.
  await escalateLateStages({ now: new Date(dueAt.getTime() + 1) });
  await escalateLateStages({ now: new Date('2021-03-10T17:00:00Z') });
  expect(await levelsOf(stageId)).toEqual([80]);
  expect(await toldOf(supervisor.id, id)).toBe(1);
  await escalateLateStages({ now: new Date(movedDue.getTime() + 1) });
  expect(await levelsOf(stageId)).toEqual([80, 100]);
  const reached = await db.stageEscalation.findFirstOrThrow({ where: { stageId, level: 100 }, select: { dueAt: true } });
  expect(reached.dueAt).toEqual(movedDue);
  expect(await toldOf(supervisor.id, id)).toBe(1);
});
