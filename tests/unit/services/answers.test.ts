import { describe, expect, test } from 'vitest';
import { firstIncompletePage, pageSchema, parseAnswer, pruneAnswers, requiredDocuments, type Field } from '@/lib/services/answers';
import { vehicleRegistration } from '@/lib/services/definitions/vehicle-registration';
import { feeFor } from '@/lib/services/fees';

const field = (type: Field['type'], extra: Partial<Field> = {}): Field => ({ key: 'x', type, label: { km: 'x', en: 'X' }, required: true, ...extra }) as Field;

describe('parseAnswer', () => {
  test.each([
    ['vin', ' jtfss22p0k0123456 ', 'JTFSS22P0K0123456'],
    ['plate', '2ab 1234', '2AB-1234'],
    ['national-id', '010 234 567', '010234567'],
    ['mobile', '097 123 4567', '+855971234567'],
    ['date', '2026-02-28', '2026-02-28'],
  ] as const)('cleans a %s answer', (type, input, expected) => {
    expect(parseAnswer(field(type), input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['vin', 'JTFSS22P0K012345O', 'errors.answer.vin'],
    ['plate', 'ABC', 'errors.answer.plate'],
    ['national-id', '1234', 'errors.answer.nationalId'],
    ['mobile', '023 123 456', 'errors.answer.mobile'],
    ['date', '2026-02-30', 'errors.answer.date'],
    ['text', '', 'errors.answer.required'],
    ['text', 'a'.repeat(501), 'errors.answer.tooLong'],
  ] as const)('explains a wrong %s answer', (type, input, error) => {
    expect(parseAnswer(field(type), input)).toEqual({ ok: false, error });
  });

  test('numbers must be whole and within the range', () => {
    const floors = field('number', { min: 1, max: 80 });
    expect(parseAnswer(floors, '12')).toEqual({ ok: true, value: 12 });
    expect(parseAnswer(floors, '1.5')).toEqual({ ok: false, error: 'errors.answer.number' });
    expect(parseAnswer(floors, '81')).toEqual({ ok: false, error: 'errors.answer.range' });
  });

  test('a forged choice is refused, whatever the form was made to send', () => {
    const options = [{ value: 'car', label: { km: 'រថយន្ត', en: 'Car' } }];
    expect(parseAnswer(field('radios', { options }), 'tank')).toEqual({ ok: false, error: 'errors.answer.choice' });
    expect(parseAnswer(field('checkboxes', { options }), ['car', 'tank'])).toEqual({ ok: false, error: 'errors.answer.choice' });
    expect(parseAnswer(field('address'), { province: 'atlantis', district: 'x' })).toEqual({ ok: false, error: 'errors.answer.choice' });
  });

  test('an optional question may be left empty', () => {
    expect(parseAnswer(field('text', { required: false }), '  ')).toEqual({ ok: true, value: undefined });
  });
});

describe('conditional questions', () => {
  const acquisition = vehicleRegistration.pages[1]!;

  test('the customs number is asked only for an imported vehicle', () => {
    const dealer = pageSchema(acquisition, {}, { acquisition: 'dealer' }).safeParse({ acquisition: 'dealer', purchaseDate: '2026-10-30' });
    expect(dealer.success).toBe(true);
    const imported = pageSchema(acquisition, {}, { acquisition: 'imported' }).safeParse({ acquisition: 'imported', purchaseDate: '2026-10-30' });
    expect(imported.success).toBe(false);
  });

  test('changing to "dealer" drops the old customs answer and the customs document', () => {
    const answers = { acquisition: 'dealer', customsDeclarationNumber: 'KH-1' };
    expect(pruneAnswers(vehicleRegistration, answers)).toEqual({ acquisition: 'dealer' });
    expect(requiredDocuments(vehicleRegistration, answers).map((d) => d.key)).not.toContain('customs-clearance');
    expect(requiredDocuments(vehicleRegistration, { acquisition: 'imported' }).map((d) => d.key)).toContain('customs-clearance');
  });

  test('the first page still to answer is where the applicant resumes', () => {
    expect(firstIncompletePage(vehicleRegistration, {})?.key).toBe('vehicle');
  });
});

test('the fee follows the answers: a car costs the base fee plus its plates', () => {
  expect(feeFor(vehicleRegistration, { vehicleType: 'car' }).total).toBe(250_000);
  expect(feeFor(vehicleRegistration, { vehicleType: 'motorcycle' }).total).toBe(50_000);
});
