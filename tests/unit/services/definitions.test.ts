import { describe, expect, test } from 'vitest';
import { seedServices } from '@/lib/services/catalogue';
import { defineService, type ServiceDefinitionInput } from '@/lib/services/definition';
import { departments } from '@/lib/services/departments';
import { minimumFee } from '@/lib/services/fees';
import { vehicleRegistration } from '@/lib/services/definitions/vehicle-registration';

describe('the seed catalogue', () => {
  test('has the six services of the brief, each with a unique code and reference prefix', () => {
    expect(seedServices.map((s) => s.code).sort()).toEqual([
      'construction-permit', 'driving-licence-renewal', 'road-excavation-permit',
      'transport-operator-licence', 'vehicle-inspection-appointment', 'vehicle-registration',
    ]);
    expect(new Set(seedServices.map((s) => s.referencePrefix)).size).toBe(6);
  });

  test('names only departments that exist', () => {
    const codes = new Set<string>(departments.map((d) => d.code));
    for (const s of seedServices) {
      expect(codes.has(s.department)).toBe(true);
      for (const stage of s.stages) expect(codes.has(stage.department)).toBe(true);
    }
  });

  test('sends the construction permit through four stages and three departments', () => {
    const permit = seedServices.find((s) => s.code === 'construction-permit')!;
    expect(permit.stages.map((s) => s.key)).toEqual(['intake', 'technical-review', 'site-inspection', 'approval']);
    expect(new Set(permit.stages.map((s) => s.department)).size).toBe(3);
    expect(permit.stages.at(-1)!.decidedBy).toBe('department_head');
  });

  test('publishes a fee, a deadline and a legal basis in both languages for every service', () => {
    for (const s of seedServices) {
      expect(s.legalBasis.km).toMatch(/[\u1780-\u17FF]/);
      expect(s.legalBasis.en).not.toBe('');
      expect(s.deadlineWorkingDays).toBeGreaterThan(0);
    }
  });
});

describe('defineService', () => {
  const base = JSON.parse(JSON.stringify(vehicleRegistration)) as ServiceDefinitionInput;

  test('refuses stage deadlines that do not add up to the service deadline', () => {
    expect(() => defineService({ ...base, deadlineWorkingDays: 11 })).toThrow(/add up to 10, not 11/);
  });

  test('refuses a question that depends on a field that does not exist', () => {
    const documents = [...base.documents, { key: 'extra', label: { km: 'ឯកសារ', en: 'Extra' }, showIf: { field: 'nope', equals: 'x' } }];
    expect(() => defineService({ ...base, documents })).toThrow(/unknown field nope/);
  });
});

test('the lowest fee adds the cheapest choice of each fee rule to the base fee', () => {
  expect(minimumFee(vehicleRegistration)).toBe(20_000 + 30_000);
});
