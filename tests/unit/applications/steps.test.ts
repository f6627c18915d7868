import { expect, test } from 'vitest';
import { applicationSteps, stepAfter, stepPosition } from '@/lib/applications/steps';
import { vehicleRegistration } from '@/lib/services/definitions/vehicle-registration';

test('the steps are every page of questions, the documents and the check', () => {
  expect(applicationSteps(vehicleRegistration, {})).toEqual(['questions/vehicle', 'questions/acquisition', 'questions/owner', 'documents', 'check']);
  expect(stepPosition(vehicleRegistration, {}, 'questions/vehicle')).toEqual({ step: 1, total: 5 });
  expect(stepPosition(vehicleRegistration, {}, 'documents')).toEqual({ step: 4, total: 5 });
  expect(stepPosition(vehicleRegistration, {}, 'check')).toEqual({ step: 5, total: 5 });
});

test('a service that asks for no documents goes from its last questions to the check', () => {
  const noDocuments = { ...vehicleRegistration, documents: [] };
  expect(applicationSteps(noDocuments, {})).not.toContain('documents');
  expect(stepAfter(noDocuments, {}, 'owner')).toBe('check');
  expect(stepAfter(vehicleRegistration, {}, 'owner')).toBe('documents');
  expect(stepAfter(vehicleRegistration, {}, 'vehicle')).toBe('questions/acquisition');
});
