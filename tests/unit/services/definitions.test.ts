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

describe('what each issued document certifies', () => {
  const printed = (code: string) => seedServices.find((s) => s.code === code)!.printedAnswers.map((a) => a.field);
  const shown = (code: string) => seedServices.find((s) => s.code === code)!.printedAnswers.filter((a) => a.public).map((a) => a.field);

  test('every printed answer is a question of its own service, once; a service that issues nothing prints nothing', () => {
    for (const service of seedServices) {
      const questions = new Set(service.pages.flatMap((p) => p.fields.map((f) => f.key)));
      for (const { field } of service.printedAnswers) expect(questions, `${service.code} prints ${field}`).toContain(field);
      expect(new Set(printed(service.code)).size).toBe(service.printedAnswers.length);
      if (!service.issues) expect(service.printedAnswers).toEqual([]);
      else expect(service.printedAnswers.length, service.code).toBeGreaterThan(0);
    }
  });

  test('a vehicle card prints the vehicle and gets a plate in the owner\'s province; VIN and engine number are not public', () => {
    expect(printed('vehicle-registration')).toEqual(['vehicleType', 'make', 'model', 'colour', 'yearOfManufacture', 'vin', 'engineNumber']);
    expect(shown('vehicle-registration')).not.toContain('vin');
    expect(vehicleRegistration.plate).toMatchObject({ provinceFrom: 'ownerAddress', classFrom: 'vehicleType' });
    expect(seedServices.filter((s) => s.plate).map((s) => s.code)).toEqual(['vehicle-registration']);
  });

  test('a construction permit prints its site, land title, floor area and storeys; a driving licence its categories and number', () => {
    expect(printed('construction-permit')).toEqual(expect.arrayContaining(['siteAddress', 'landTitleNumber', 'floorArea', 'floors']));
    expect(printed('driving-licence-renewal')).toEqual(['licenceNumber', 'categories']);
    expect(shown('driving-licence-renewal')).toEqual(['categories']);
  });
});

describe('defineService', () => {
  const base = JSON.parse(JSON.stringify(vehicleRegistration)) as ServiceDefinitionInput;

  test('refuses stage deadlines that do not add up to the service deadline', () => {
    expect(() => defineService({ ...base, deadlineWorkingDays: 11 })).toThrow(/deadlineWorkingDays: deadlinesDontAddUp \{"stages":10,"service":11\}/);
  });

  test('refuses a printed answer or a plate that names no question of the service, also to tsc', () => {
    expect(() => defineService({ ...base, printedAnswers: [{ field: 'nope', public: true }] })).toThrow(/printedAnswers.0.field: unknownField \{"field":"nope"\}/);
    expect(() => defineService({ ...base, printedAnswers: [{ field: 'vin', public: true }, { field: 'vin', public: false }] })).toThrow(/printedAnswers.1.field: duplicateKey/);
    expect(() => defineService({ ...base, plate: { provinceFrom: 'make', classFrom: 'vehicleType', classDigits: { motorcycle: '1', car: '2', truck: '3' } } })).toThrow(/plateProvinceNotAddress/);
    expect(() => defineService({ ...base, plate: { provinceFrom: 'ownerAddress', classFrom: 'vehicleType', classDigits: { car: '2' } } })).toThrow(/plateClassIncomplete/);
    expect(() => defineService({ ...base, issues: null, validityMonths: null })).toThrow(/printsWithoutDocument/);
    const literal = () =>
      defineService({
        code: 'typo-check', referencePrefix: 'TC', department: 'land-transport',
        name: { km: 'ក', en: 'A' }, summary: { km: 'ក', en: 'A' }, whoCanApply: { km: 'ក', en: 'A' }, legalBasis: { km: 'ក', en: 'A' },
        feeRiel: 0, refundIfRefused: 'full', deadlineWorkingDays: 1, issues: { km: 'ក', en: 'A' }, validityMonths: null,
        pages: [{ key: 'one', title: { km: 'ក', en: 'A' }, fields: [{ key: 'colour', type: 'text', label: { km: 'ពណ៌', en: 'Colour' } }] }],
        documents: [],
        stages: [{ key: 'review', name: { km: 'ក', en: 'A' }, department: 'land-transport', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 1 }],
        // @ts-expect-error: "color" is not a question of this service.
        printedAnswers: [{ field: 'color', public: true }],
      });
    expect(literal).toThrow(/unknownField \{"field":"color"\}/);
  });

  test('refuses a question that depends on a field that does not exist', () => {
    const documents = [...base.documents, { key: 'extra', label: { km: 'ឯកសារ', en: 'Extra' }, showIf: { field: 'nope', equals: 'x' } }];
    expect(() => defineService({ ...base, documents })).toThrow(/documents.\d+.showIf.field: unknownField/);
  });
});

test('the lowest fee adds the cheapest choice of each fee rule to the base fee', () => {
  expect(minimumFee(vehicleRegistration)).toBe(20_000 + 30_000);
});
