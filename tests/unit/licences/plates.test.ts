import { expect, test } from 'vitest';
import { plateNumber } from '@/lib/licences/plates';

test('plates count 0001 to 9999 in each series, A to Z then AA to ZZ, never I or O', () => {
  expect(plateNumber('2', 1)).toBe('2A-0001');
  expect(plateNumber('2', 1234)).toBe('2A-1234');
  expect(plateNumber('2', 9_999)).toBe('2A-9999');
  expect(plateNumber('2', 10_000)).toBe('2B-0001');
  // H, then J: no I.
  expect(plateNumber('1', 7 * 9_999 + 1)).toBe('1H-0001');
  expect(plateNumber('1', 8 * 9_999 + 1)).toBe('1J-0001');
  expect(plateNumber('3', 24 * 9_999)).toBe('3Z-9999');
  expect(plateNumber('3', 24 * 9_999 + 1)).toBe('3AA-0001');
  expect(plateNumber('3', 25 * 9_999 + 1)).toBe('3AB-0001');
  expect(plateNumber('3', (24 + 24 * 24) * 9_999)).toBe('3ZZ-9999');
  expect(() => plateNumber('3', (24 + 24 * 24) * 9_999 + 1)).toThrow(/exhausted/);
  // The plate question of other services reads them back as they are.
  for (const n of [1, 10_000, 24 * 9_999 + 1]) expect(plateNumber('2', n)).toMatch(/^\d[A-HJ-NP-Z]{1,2}-\d{4}$/);
});
