import { expect, test } from 'vitest';
import { numberFromAddress, readLicenceNumber } from '@/lib/licences/licence-number';

test('a number typed from paper is read as printed, forgiving case, spaces and other dashes', () => {
  expect(readLicenceNumber('CPL-2026-000045')).toEqual({ ok: true, number: 'CPL-2026-000045' });
  expect(readLicenceNumber('  vrl-2026-000123 ')).toEqual({ ok: true, number: 'VRL-2026-000123' });
  expect(readLicenceNumber('DLL 2026 000007')).toEqual({ ok: true, number: 'DLL-2026-000007' });
  expect(readLicenceNumber('DLL – 2026 – 000007')).toEqual({ ok: true, number: 'DLL-2026-000007' });
  expect(readLicenceNumber('DLL-2026-1000000')).toEqual({ ok: true, number: 'DLL-2026-1000000' });
});

test('nothing typed and shapes no licence has are told apart', () => {
  expect(readLicenceNumber('   ')).toEqual({ ok: false, error: 'required' });
  for (const typed of ['CPL-2026-45', 'CPL2026000045', '2026-000045', 'CPL-2026-000045/../x', "CPL-2026-000045' or 1=1", 'ឡាន-2026-000045']) {
    expect(readLicenceNumber(typed)).toEqual({ ok: false, error: 'format' });
  }
});

test('the number in an address is unescaped, and a broken escape is read as written rather than failing the page', () => {
  expect(numberFromAddress('CPL-2026-000045')).toBe('CPL-2026-000045');
  expect(numberFromAddress('CPL%202026%20000045')).toBe('CPL 2026 000045');
  expect(numberFromAddress('CPL-2026-%')).toBe('CPL-2026-%');
  expect(numberFromAddress('%FF')).toBe('%FF');
});
