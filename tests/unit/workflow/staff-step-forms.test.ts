import { expect, test } from 'vitest';
import { z } from 'zod';
import { staffStepForms, staffSteps, type StaffStepForm, type StepField } from '@/lib/workflow/machine';

const forms = staffStepForms as Record<string, StaffStepForm<Record<string, unknown>>>;

test('the review page offers the staff steps in the declared order', () => {
  expect(staffSteps).toEqual(['claim', 'recordInspection', 'approveStage', 'finalApprove', 'requestInfo', 'reject', 'reassign', 'revokeLicence', 'addNote']);
});

test.each(staffSteps)('%s: the page asks for exactly what the action accepts', (step) => {
  const { input, fields } = forms[step]!;
  const shape = (input as z.ZodObject).shape;
  expect(fields.map((f: StepField<Record<string, unknown>>) => f.name).sort()).toEqual(Object.keys(shape).sort());
  for (const field of fields.filter((f) => f.kind === 'radios')) expect(field.options).toEqual((shape[field.name] as z.ZodEnum).options);
});

test('a written field left empty is refused with its own message; a reason keeps to one line', () => {
  const refused = (step: keyof typeof staffStepForms, data: object) => forms[step]!.input.safeParse(data).error?.issues.map((i) => i.message);
  expect(refused('requestInfo', { message: '  ' })).toEqual(['errors.staff.message']);
  expect(refused('reject', { reason: 'first\nsecond' })).toEqual(['errors.staff.lineBreak']);
  expect(refused('addNote', { text: 'x'.repeat(4001) })).toEqual(['errors.staff.tooLong']);
  expect(refused('claim', {})).toBeUndefined();
});
