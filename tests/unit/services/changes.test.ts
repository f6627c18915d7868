// The plain-words diff between two versions of a service (lib/services/changes.ts), in both languages.
import { expect, test } from 'vitest';
import { seedServices } from '@/lib/services/catalogue';
import { describeChanges, needsLegalInstrument } from '@/lib/services/changes';
import type { ServiceDefinition } from '@/lib/services/definition';

const permit = seedServices.find((s) => s.code === 'construction-permit')!;
const departments = new Map([
  ['construction', { nameKm: 'នាយកដ្ឋានគ្រប់គ្រងសំណង់', nameEn: 'Construction Management' }],
  ['public-works', { nameKm: 'នាយកដ្ឋានសាធារណការ', nameEn: 'Public Works' }],
]);
const english = (before: ServiceDefinition | null, after: ServiceDefinition) => describeChanges(before, after, departments).map((c) => c.en);

test('the first version says it was first published; the same definition has no change', () => {
  expect(english(null, permit)).toEqual(['First published']);
  expect(english(permit, structuredClone(permit))).toEqual([]);
});

test('stages moved to another department, validity, questions, documents and conditions are each said in both languages', () => {
  const [first, ...rest] = permit.stages;
  const firstQuestion = permit.pages[0]!.fields[0]!;
  const after: ServiceDefinition = {
    ...permit,
    validityMonths: null,
    stages: [{ ...first!, department: first!.department === 'public-works' ? 'construction' : 'public-works' }, ...rest],
    pages: [{ ...permit.pages[0]!, fields: [{ ...firstQuestion, hint: { km: 'ជំនួយ', en: 'A hint' } }, ...permit.pages[0]!.fields.slice(1), { key: 'extra', type: 'text', label: { km: 'បន្ថែម', en: 'Extra' }, required: false, grouping: true }] }, ...permit.pages.slice(1)],
    documents: permit.documents.slice(1),
    conditions: [...permit.conditions, { km: 'លក្ខខណ្ឌថ្មី', en: 'A new condition' }],
  };
  const changes = describeChanges(permit, after, departments);
  const from = departments.get(first!.department)!;
  const to = departments.get(after.stages[0]!.department)!;
  expect(changes.map((c) => c.en)).toEqual([
    `New question: “Extra”`,
    `Question changed: “${firstQuestion.label.en}”`,
    `Document no longer asked for: “${permit.documents[0]!.label.en}”`,
    `Stage “${first!.name.en}” moved from ${from.nameEn} to ${to.nameEn}`,
    `Validity changed from ${permit.validityMonths} months to no expiry`,
    'New condition on the licence: “A new condition”',
  ]);
  expect(changes[3]!.km).toBe(`ដំណាក់កាល «${first!.name.km}» បានផ្ទេរពី ${from.nameKm} ទៅ ${to.nameKm}`);
  expect(needsLegalInstrument(permit, after)).toBe(false);
  expect(needsLegalInstrument(permit, { ...permit, feeRiel: permit.feeRiel + 1 })).toBe(true);
  expect(needsLegalInstrument(null, permit)).toBe(false);
});
