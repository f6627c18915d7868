// Publishing a service's draft (lib/services/drafts.ts, publishing.ts): four eyes, the legal
// instrument a fee, deadline or legal-basis change must name, a future effective day, imports
// that are refused whole, retiring, and a citizen's draft moving to the new version. Each test
// works on a service of its own, a copy of vehicle registration under a fresh code, so that the
// seeded services other tests file under never change.
import { randomUUID } from 'node:crypto';
import { expect, test, vi } from 'vitest';
import { createDraft } from '@/lib/applications/create-draft';
import { changesSince, confirmsTheSame, moveDraftToCurrentVersion } from '@/lib/applications/move-draft';
import { currentActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/policy/policy';
import { seedServices } from '@/lib/services/catalogue';
import type { ServiceDefinition } from '@/lib/services/definition';
import { exportVersion, importDraftFile, publishServiceDraft, retireService, type PublishInput } from '@/lib/services/drafts';
import { changelog } from '@/lib/services/changelog';
import { draftAgainstLive } from '@/lib/services/publishing';
import { findPublishedService, listPublishedServices } from '@/lib/services/queries';
import { publishReviewedDraft } from '@/app/[locale]/(staff)/admin/services/[code]/review/actions';
import { newCitizen, newStaff } from './support/applicants';

vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<typeof import('@/lib/auth/session')>()), currentActor: vi.fn() }));
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));

const vehicle = seedServices.find((s) => s.code === 'vehicle-registration')!;
const copy = (changes: Partial<ServiceDefinition> = {}): ServiceDefinition => ({ ...structuredClone(vehicle), code: `it-${randomUUID().slice(0, 8)}`, ...changes });
const prakas = { instrumentKm: 'ប្រកាសលេខ ១២៣', instrumentEn: 'Prakas No. 123 of 1 December 2026' };

async function twoAdministrators() {
  return [await newStaff('administrator', 'land-transport'), await newStaff('administrator', 'land-transport')] as const;
}

/** What the reviewer has read: the draft's fingerprint. */
async function reviewed(code: string) {
  return (await db.$transaction((tx) => draftAgainstLive(tx, code)))!.draft.fingerprint;
}

async function imported(actor: Actor, definition: ServiceDefinition) {
  const result = await importDraftFile(actor, JSON.stringify(definition));
  if (!result.ok) throw new Error(`not imported: ${JSON.stringify(result)}`);
  return result;
}

async function published(editor: Actor, publisher: Actor, definition: ServiceDefinition, input: Partial<PublishInput> = {}) {
  await imported(editor, definition);
  const result = await publishServiceDraft(publisher, definition.code, { reviewed: await reviewed(definition.code), instrumentKm: '', instrumentEn: '', effectiveFrom: '', ...input });
  if (!result.ok) throw new Error(`not published: ${JSON.stringify(result)}`);
  return result;
}

const versions = (code: string) => db.serviceVersion.findMany({ where: { service: { code } }, orderBy: { version: 'asc' }, select: { version: true, publishedAt: true, publishedById: true, feeRiel: true } });

test('the administrator who edited a draft cannot publish it, through the function or by replaying the action; another can', async () => {
  const [editor, reviewer] = await twoAdministrators();
  const definition = copy();
  await imported(editor, definition);
  const fingerprint = await reviewed(definition.code);

  expect(await publishServiceDraft(editor, definition.code, { reviewed: fingerprint, ...prakas, effectiveFrom: '' })).toEqual({ ok: false, reason: 'ownDraft' });
  vi.mocked(currentActor).mockResolvedValue(editor);
  const form = new FormData();
  for (const [name, value] of Object.entries({ reviewed: fingerprint, ...prakas, effectiveFrom: '' })) form.set(name, value);
  expect(await publishReviewedDraft('en', definition.code, {}, form)).toMatchObject({ formError: 'ownDraft' });
  // A citizen replaying it finds nothing.
  vi.mocked(currentActor).mockResolvedValue(await newCitizen());
  await expect(publishReviewedDraft('en', definition.code, {}, form)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  expect((await versions(definition.code)).map((v) => v.publishedAt)).toEqual([null]);

  const result = await publishServiceDraft(reviewer, definition.code, { reviewed: fingerprint, instrumentKm: '', instrumentEn: '', effectiveFrom: '' });
  expect(result).toMatchObject({ ok: true, version: 1, changes: [{ en: 'First published' }] });
  expect((await versions(definition.code))[0]!.publishedById).toBe(reviewer.id);
  expect(await db.adminEvent.findMany({ where: { subject: `service:${definition.code}` }, orderBy: { id: 'asc' }, select: { type: true, actorId: true } })).toEqual([
    { type: 'service_draft_imported', actorId: editor.id },
    { type: 'service_published', actorId: reviewer.id },
  ]);
});

test('a change to the fee, a deadline or the legal basis names its legal instrument; other changes need none', async () => {
  const [editor, reviewer] = await twoAdministrators();
  const definition = copy();
  await published(editor, reviewer, definition);
  const stages = definition.stages.map((s, i) => (i === 0 ? { ...s, deadlineWorkingDays: s.deadlineWorkingDays + 2 } : s));
  const changed: Partial<ServiceDefinition>[] = [
    { feeRiel: 25_000 },
    { feeRules: [{ ...definition.feeRules[0]!, amounts: { motorcycle: 35_000, car: 230_000, truck: 380_000 } } as ServiceDefinition['feeRules'][number]] },
    { stages, deadlineWorkingDays: definition.deadlineWorkingDays + 2 },
    { legalBasis: { km: 'ច្បាប់ថ្មី', en: 'A new law' } },
  ];
  for (const change of changed) {
    await imported(editor, { ...definition, ...change });
    const fingerprint = await reviewed(definition.code);
    expect(await publishServiceDraft(reviewer, definition.code, { reviewed: fingerprint, instrumentKm: '', instrumentEn: '', effectiveFrom: '' })).toEqual({ ok: false, reason: 'instrumentRequired' });
    expect(await publishServiceDraft(reviewer, definition.code, { reviewed: fingerprint, instrumentKm: '', instrumentEn: prakas.instrumentEn, effectiveFrom: '' })).toEqual({ ok: false, reason: 'instrumentIncomplete' });
    expect(await publishServiceDraft(reviewer, definition.code, { reviewed: fingerprint, ...prakas, effectiveFrom: '' })).toMatchObject({ ok: true });
    Object.assign(definition, change);
  }
  const stored = await db.serviceVersion.findMany({ where: { service: { code: definition.code }, version: { gt: 1 } }, orderBy: { version: 'asc' }, select: { changes: true, legalInstrument: true } });
  expect(stored.map((v) => (v.changes as { en: string }[]).map((c) => c.en))).toEqual([
    ['Fee changed from 20,000 riel to 25,000 riel'],
    ['Fee for “Motorcycle” (Plates and card for the vehicle type) changed from 30,000 riel to 35,000 riel'],
    ['Time allowed changed from 10 to 12 working days', 'Stage “Document review”: time allowed changed from 7 to 9 working days'],
    ['Legal basis changed to “A new law”'],
  ]);
  expect((stored[0]!.changes as { km: string }[])[0]!.km).toBe('កម្រៃសេវាបានផ្លាស់ប្តូរពី 20,000៛ ទៅ 25,000៛');
  expect(stored[0]!.legalInstrument).toEqual({ km: prakas.instrumentKm, en: prakas.instrumentEn });

  // A new name needs no instrument.
  await imported(editor, { ...definition, name: { km: 'ឈ្មោះថ្មី', en: 'A new name' } });
  expect(await publishServiceDraft(reviewer, definition.code, { reviewed: await reviewed(definition.code), instrumentKm: '', instrumentEn: '', effectiveFrom: '' })).toMatchObject({ ok: true, version: 6 });
});

test('a draft changed after it was reviewed is not published', async () => {
  const [editor, reviewer] = await twoAdministrators();
  const definition = copy();
  await imported(editor, definition);
  const fingerprint = await reviewed(definition.code);
  await imported(editor, { ...definition, name: { km: 'ឈ្មោះផ្សេង', en: 'Another name' } });
  expect(await publishServiceDraft(reviewer, definition.code, { reviewed: fingerprint, instrumentKm: '', instrumentEn: '', effectiveFrom: '' })).toEqual({ ok: false, reason: 'draftChanged' });
});

test('a version effective from a later day leaves new applications on the version before until then', async () => {
  const [editor, reviewer] = await twoAdministrators();
  const citizen = await newCitizen();
  const definition = copy();
  await published(editor, reviewer, definition);
  const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
  expect(await publishServiceDraft(reviewer, definition.code, { reviewed: '', ...prakas, effectiveFrom: '2020-01-01' })).toEqual({ ok: false, reason: 'effectiveFromPast' });
  await published(editor, reviewer, { ...definition, feeRiel: 60_000 }, { ...prakas, effectiveFrom: tomorrow });

  expect((await findPublishedService(definition.code))!.definition.feeRiel).toBe(20_000);
  const before = await createDraft(citizen, definition.code);
  expect((await db.application.findUniqueOrThrow({ where: { id: before!.id }, select: { serviceVersion: { select: { version: true } } } })).serviceVersion.version).toBe(1);

  // The day comes.
  await db.serviceVersion.updateMany({ where: { service: { code: definition.code }, version: 2 }, data: { effectiveFrom: new Date(Date.now() - 1000) } });
  expect((await findPublishedService(definition.code))!.definition.feeRiel).toBe(60_000);
  const after = await createDraft(citizen, definition.code);
  expect((await db.application.findUniqueOrThrow({ where: { id: after!.id }, select: { serviceVersion: { select: { version: true } } } })).serviceVersion.version).toBe(2);
});

test("a citizen's draft moves to the new version at its next save, keeps the answers whose questions remain, and is told what changed", async () => {
  const [editor, reviewer] = await twoAdministrators();
  const citizen = await newCitizen();
  const definition = copy();
  await published(editor, reviewer, definition);
  const draft = (await createDraft(citizen, definition.code))!;
  await db.application.update({ where: { id: draft.id }, data: { answers: { make: 'Toyota', colour: 'Red' } } });
  const withoutColour = {
    ...definition,
    pages: definition.pages.map((p) => ({ ...p, fields: p.fields.filter((f) => f.key !== 'colour') })),
    printedAnswers: definition.printedAnswers.filter((a) => a.field !== 'colour'),
  };
  await published(editor, reviewer, withoutColour);

  const application = await db.application.findUniqueOrThrow({ where: { id: draft.id }, select: { id: true, serviceId: true, serviceVersion: { select: { version: true } } } });
  expect(await moveDraftToCurrentVersion(application)).toBe(1);
  const moved = await db.application.findUniqueOrThrow({ where: { id: draft.id }, select: { answers: true, serviceVersion: { select: { version: true } } } });
  expect(moved).toEqual({ answers: { make: 'Toyota' }, serviceVersion: { version: 2 } });
  expect((await changesSince(application.serviceId, 1)).map((c) => c.en)).toEqual(['Question removed: “Colour”', 'What the issued document prints changed']);
});

test('a moved draft is filed at once unless what its applicant confirmed (answers, documents, fee) changed', () => {
  const rule = vehicle.feeRules[0]! as Extract<ServiceDefinition['feeRules'][number], { kind: 'by-answer' }>;
  const dearerMotorcycles = { ...vehicle, feeRules: [{ ...rule, amounts: { ...rule.amounts, motorcycle: 35_000 } }] };
  const renamed = { ...vehicle, name: { km: 'ឈ្មោះថ្មី', en: 'A new name' } };
  const motorcycle = { vehicleType: 'motorcycle', make: 'Honda' };
  const car = { vehicleType: 'car', make: 'Toyota' };
  expect(confirmsTheSame({ definition: vehicle, answers: motorcycle }, { definition: renamed, answers: motorcycle })).toBe(true);
  expect(confirmsTheSame({ definition: vehicle, answers: motorcycle }, { definition: dearerMotorcycles, answers: motorcycle })).toBe(false);
  expect(confirmsTheSame({ definition: vehicle, answers: car }, { definition: dearerMotorcycles, answers: car })).toBe(true);
  expect(confirmsTheSame({ definition: vehicle, answers: { ...car, colour: 'Red' } }, { definition: vehicle, answers: car })).toBe(false);
});

test('a retired service takes no new applications and leaves the catalogue; its files stay', async () => {
  const [editor, reviewer] = await twoAdministrators();
  const citizen = await newCitizen();
  const definition = copy();
  await published(editor, reviewer, definition);
  const started = (await createDraft(citizen, definition.code))!;
  expect(await retireService(citizen, definition.code)).toBe(false);
  expect(await retireService(reviewer, definition.code)).toBe(true);
  expect(await createDraft(citizen, definition.code)).toBeNull();
  expect((await listPublishedServices()).some((s) => s.code === definition.code)).toBe(false);
  expect(await db.application.count({ where: { id: started.id } })).toBe(1);
  expect(await db.adminEvent.count({ where: { subject: `service:${definition.code}`, type: 'service_retired', actorId: reviewer.id } })).toBe(1);
  // The public changelog says so, newest first, in both languages.
  const [latest] = await changelog(definition.code);
  expect(latest).toMatchObject({ version: 1, legalInstrument: null });
  expect(latest!.changes).toEqual([
    { en: 'Closed to new applications; applications already made are finished under their version', km: 'បិទមិនទទួលពាក្យស្នើសុំថ្មីទៀតទេ ពាក្យស្នើសុំដែលបានដាក់រួច នឹងត្រូវបញ្ចប់តាមកំណែរបស់វា' },
  ]);
});

test('an exported version imports as a draft unchanged; only administrators export', async () => {
  const [editor, reviewer] = await twoAdministrators();
  const definition = copy();
  await published(editor, reviewer, definition);
  expect(await exportVersion(await newCitizen(), definition.code, 1)).toBeNull();
  const exported = await exportVersion(reviewer, definition.code, 1);
  expect(exported).toMatchObject({ code: definition.code, feeRiel: 20_000 });
  expect(await importDraftFile(reviewer, JSON.stringify(exported))).toMatchObject({ ok: true, version: 2 });
});

test('a malformed or invalid file is refused with each problem named, and nothing changes', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const definition = copy();
  const counts = () => Promise.all([db.service.count(), db.serviceVersion.count(), db.adminEvent.count({ where: { actorId: administrator.id } })]);
  const before = await counts();
  const stages = definition.stages.map((s, i) => (i === 1 ? { ...s, department: 'no-such-department' } : s));
  const fields = definition.pages[0]!.fields;
  const pages = [{ ...definition.pages[0]!, fields: [...fields, { ...fields[1]!, showIf: { field: 'nothing', equals: 'x' } }] }, ...definition.pages.slice(1)];
  const invalid: [unknown, string, (string | number)[]][] = [
    [{ ...definition, deadlineWorkingDays: 99 }, 'deadlinesDontAddUp', ['deadlineWorkingDays']],
    [{ ...definition, documents: [{ ...definition.documents[0]!, showIf: { field: 'nothing', equals: 'x' } }] }, 'unknownField', ['documents', 0, 'showIf', 'field']],
    [{ ...definition, feeRules: [{ kind: 'per-unit', field: 'make', rielPerUnit: 100, label: { km: 'ក', en: 'A' } }] }, 'feeRuleNotNumber', ['feeRules', 0, 'field']],
    [{ ...definition, stages }, 'unknownDepartment', ['stages', 1, 'department']],
    [{ ...definition, pages }, 'duplicateKey', ['pages', 0, 'fields', fields.length, 'key']],
  ];
  for (const [file, key, path] of invalid) {
    const result = await importDraftFile(administrator, JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && result.reason === 'invalid' && result.problems).toContainEqual(expect.objectContaining({ message: key, path }));
  }
  expect(await importDraftFile(administrator, '{"code": "vehicle-registration", ')).toEqual({ ok: false, reason: 'notJson' });
  expect(await importDraftFile(administrator, '[]')).toMatchObject({ ok: false, reason: 'invalid' });
  expect(await importDraftFile(await newCitizen(), JSON.stringify(definition))).toEqual({ ok: false, reason: 'notFound' });
  expect(await counts()).toEqual(before);
});
