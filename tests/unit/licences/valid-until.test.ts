import { expect, test } from 'vitest';
import { validUntil } from '@/lib/licences/issue';

test('a licence runs to the day before the same date, months later', () => {
  expect(validUntil('2026-11-25', 120)).toBe('2036-11-24');
  expect(validUntil('2026-11-25', 24)).toBe('2028-11-24');
  expect(validUntil('2026-03-01', 1)).toBe('2026-03-31');
});

test('when that month has no such date, to its last day', () => {
  expect(validUntil('2026-01-31', 1)).toBe('2026-02-28');
  expect(validUntil('2028-02-29', 12)).toBe('2029-02-28');
});
