import { expect, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { submitApplication } from '@/lib/applications/submit-application';
import { db } from '@/lib/db/client';
import { newCitizen, readyDraft } from './support/applicants';

test('submitting routes the application to its first stage with due dates and a timeline event', async () => {
  const actor = await newCitizen();
  const draft = await readyDraft(actor);
  const result = await submitApplication(draft, actor, draft.version, true);
  expect(result.ok && result.reference).toMatch(/^DL-\d{4}-\d{6}$/);

  const filed = await db.application.findUniqueOrThrow({ where: { id: draft.id }, include: { stages: true, events: true, currentDepartment: true } });
  expect(filed.status).toBe('submitted');
  expect(filed.feeRiel).toBe(28_000);
  expect(filed.currentDepartment?.code).toBe('land-transport');
  expect(filed.currentStageKey).toBe('review');
  expect(filed.stageDueAt!.getTime()).toBeGreaterThan(filed.submittedAt!.getTime());
  expect(filed.trackingCode).toMatch(/^[A-Z2-9]{8}$/);
  expect(filed.stages.map((s) => [s.stageKey, s.status])).toEqual([['review', 'active']]);
  expect(filed.events.map((e) => [e.type, e.visibility, e.toStatus])).toEqual([['submitted', 'public', 'submitted']]);
});

test('five simultaneous submits of one draft file it once, and all five get its reference', async () => {
  const actor = await newCitizen();
  const draft = await readyDraft(actor);
  const results = await Promise.all(Array.from({ length: 5 }, () => submitApplication(draft, actor, draft.version, true)));
  const references = new Set(results.map((r) => (r.ok ? r.reference : r.error)));
  expect(references.size).toBe(1);
  expect([...references][0]).toMatch(/^DL-/);
  expect(await db.applicationEvent.count({ where: { applicationId: draft.id, type: 'submitted' } })).toBe(1);
  expect(await db.applicationStage.count({ where: { applicationId: draft.id } })).toBe(1);
});

test('concurrent submissions of different drafts get distinct, consecutive reference numbers', async () => {
  const actor = await newCitizen();
  const drafts = await Promise.all(Array.from({ length: 20 }, () => readyDraft(actor)));
  const results = await Promise.all(drafts.map((d) => submitApplication(d, actor, d.version, true)));
  const numbers = results.map((r) => (r.ok ? Number(r.reference.slice(-6)) : NaN)).sort((a, b) => a - b);
  expect(new Set(numbers).size).toBe(20);
  expect(numbers.at(-1)! - numbers[0]!).toBe(19);
});

test('a submit from a page older than the answers is refused and files nothing', async () => {
  const actor = await newCitizen();
  const draft = await readyDraft(actor);
  await db.application.update({ where: { id: draft.id }, data: { version: { increment: 1 } } });
  const fresh = (await findApplication(actor, draft.id, 'application.edit'))!;
  expect(await submitApplication(fresh, actor, draft.version, true)).toEqual({ ok: false, error: 'changed' });
  expect((await db.application.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('draft');
});

test('missing documents, missing answers and an unticked declaration are each refused', async () => {
  const actor = await newCitizen();
  const draft = await readyDraft(actor);
  expect(await submitApplication(draft, actor, draft.version, false)).toEqual({ ok: false, error: 'declaration' });
  await db.document.updateMany({ where: { applicationId: draft.id, requirementKey: 'photo' }, data: { removedAt: new Date() } });
  const withoutPhoto = (await findApplication(actor, draft.id, 'application.edit'))!;
  expect(await submitApplication(withoutPhoto, actor, withoutPhoto.version, true)).toEqual({ ok: false, error: 'documentsMissing' });
  await db.application.update({ where: { id: draft.id }, data: { answers: { licenceNumber: 'X' } } });
  const incomplete = (await findApplication(actor, draft.id, 'application.edit'))!;
  expect(await submitApplication(incomplete, actor, incomplete.version, true)).toEqual({ ok: false, error: 'incomplete' });
});

test("another citizen cannot find, edit or view someone's application", async () => {
  const owner = await newCitizen();
  const stranger = await newCitizen();
  const draft = await readyDraft(owner);
  expect(await findApplication(stranger, draft.id, 'application.view')).toBeNull();
  expect(await findApplication(stranger, draft.id, 'application.edit')).toBeNull();
  expect(await findApplication(stranger, 'not-a-uuid', 'application.view')).toBeNull();
});
