import { expect, test } from 'vitest';
import { constructionPermit } from '@/lib/services/definitions/construction-permit';
import { drivingLicenceRenewal } from '@/lib/services/definitions/driving-licence-renewal';
import { vehicleInspectionAppointment } from '@/lib/services/definitions/vehicle-inspection-appointment';
import { vehicleRegistration } from '@/lib/services/definitions/vehicle-registration';
import { publishedFee, refundStatement } from '@/lib/services/published-fee';

const text = (lines: ReturnType<typeof publishedFee>) =>
  lines.map((l) => `${l.label}: ${l.amounts.map((a) => [a.label, a.amount].filter(Boolean).join(' ')).join(', ')}`);

test('each line of a fee that depends on an answer is named, in the order the form offers the choices', () => {
  expect(text(publishedFee(vehicleRegistration, 'en'))).toEqual([
    'Base fee: 20,000 riel',
    'Plates and card for the vehicle type: Motorcycle 30,000 riel, Car 230,000 riel, Truck 380,000 riel',
  ]);
  expect(text(publishedFee(vehicleRegistration, 'km'))).toEqual([
    'តម្លៃមូលដ្ឋាន: 20,000៛',
    'ស្លាកលេខ និងប័ណ្ណតាមប្រភេទយានយន្ត: ម៉ូតូ 30,000៛, រថយន្ត 230,000៛, រថយន្តដឹកទំនិញ 380,000៛',
  ]);
});

test('a fee by the unit says what it multiplies, and a base of nothing is left out', () => {
  expect(text(publishedFee(constructionPermit, 'en'))[1]).toBe('By floor area (per square metre): 2,000 riel × total floor area (square metres)');
  expect(text(publishedFee(vehicleInspectionAppointment, 'en'))).toEqual([
    'Inspection fee for the vehicle type: Car 45,000 riel, Truck 70,000 riel, Bus 70,000 riel',
  ]);
});

test('each service says what happens to the fee if the application is refused', () => {
  expect(refundStatement(vehicleRegistration, 'en')).toBe(
    'Everything but the base fee (20,000 riel) is paid back to the account you paid from: the base fee pays for the review of your application.',
  );
  expect(refundStatement(drivingLicenceRenewal, 'km')).toBe('ថ្លៃសេវាទាំងមូលនឹងត្រូវបង្វិលសងទៅគណនីដែលអ្នកបានបង់ពី។');
  expect(refundStatement({ ...vehicleRegistration, refundIfRefused: undefined }, 'en')).toBeNull();
});
