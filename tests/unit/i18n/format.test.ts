import { expect, test } from 'vitest';
import { formatBytes, formatDateTime, formatDay, formatNumber, formatRiel } from '@/lib/i18n/format';
import { renderNotification } from '@/lib/notifications/messages';

// 08:43 UTC is 15:43 in Phnom Penh; 20:00 UTC is already the next day there.
const afternoon = new Date('2026-12-02T08:43:00Z');
const lateEvening = new Date('2026-12-02T20:00:00Z');

test('a day is written in words, in Phnom Penh, from a Date or an ISO day', () => {
  expect(formatDay('2026-12-02', 'en')).toBe('2 December 2026');
  expect(formatDay('2026-12-02', 'km')).toBe('2 ធ្នូ 2026');
  expect(formatDay(lateEvening, 'en')).toBe('3 December 2026');
});

test('a moment is the same day in words, then the 24-hour time, in both languages', () => {
  expect(formatDateTime(afternoon, 'en')).toBe('2 December 2026, 15:43');
  expect(formatDateTime(afternoon, 'km')).toBe('2 ធ្នូ 2026, 15:43');
});

test('numbers and money are grouped the same way in both languages', () => {
  expect(formatRiel(230_000, 'en')).toBe('230,000 riel');
  expect(formatRiel(230_000, 'km')).toBe('230,000៛');
  expect(formatNumber(1200, 'km')).toBe('1,200');
  expect(formatNumber(2026, 'en', { grouping: false })).toBe('2026');
  expect(formatBytes(1536, 'en')).toBe('1.5 KB');
  expect(formatBytes(2.5 * 1024 * 1024, 'km')).toBe('2.5 MB');
});

test('emails write dates as the pages do, in the recipient\'s language', () => {
  const data = {
    reference: '',
    service: { km: '', en: '' },
    invitation: { inviter: 'Sok Dara', organisation: { km: 'ក្រុមហ៊ុន', en: 'Angkor Build' }, role: 'manager' as const, expires: '2026-12-09', link: 'https://portal.example/i/x' },
  };
  expect(renderNotification('invitation', data, { name: 'Chan Sophea', locale: 'en' }, '').text).toContain('until 9 December 2026');
  expect(renderNotification('invitation', data, { name: 'ចាន់ សុភា', locale: 'km' }, '').text).toContain('9 ធ្នូ 2026');
  const expiring = { reference: 'DL-2026-000001', service: { km: 'ប័ណ្ណបើកបរ', en: 'Driving licence' }, message: 'DLL-2026-000001', validUntil: '2027-01-05' };
  expect(renderNotification('permit_expiring', expiring, { name: 'Sok Dara', locale: 'en' }, 'https://portal.example').text).toContain('DLL-2026-000001: 5 January 2027');
});
