import { expect, test } from 'vitest';
import { splitAtNumbers } from '@/lib/numbering/reference-text';

test('the numbers the ministry issues are cut out of a sentence, whole, at odd positions', () => {
  expect(splitAtNumbers('Application VR-2026-000123')).toEqual(['Application ', 'VR-2026-000123', '']);
  expect(splitAtNumbers('ក្រសួងបានដកហូត DLL-2026-000045 នៅថ្ងៃទី 2 ធ្នូ 2026។')).toEqual(['ក្រសួងបានដកហូត ', 'DLL-2026-000045', ' នៅថ្ងៃទី 2 ធ្នូ 2026។']);
  expect(splitAtNumbers('Paid with receipt RC-2026-000001 for CP-2026-1000000.')).toEqual(['Paid with receipt ', 'RC-2026-000001', ' for ', 'CP-2026-1000000', '.']);
});

test('a text without such a number stays one piece; dates and phone numbers are not numbers of the ministry', () => {
  expect(splitAtNumbers('Submitted on 2026-12-02, call 012-345-678')).toEqual(['Submitted on 2026-12-02, call 012-345-678']);
  expect(splitAtNumbers('')).toEqual(['']);
});
