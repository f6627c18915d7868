import { expect, test } from 'vitest';
import { renderNotification } from '@/lib/notifications/messages';

const data = {
  reference: 'DLR-2021-000042',
  service: { km: 'ការបន្តសុពលភាពប័ណ្ណបើកបរ', en: 'Driving licence renewal' },
  escalation: { level: 100 as const, stage: { km: 'ការពិនិត្យ និងការអនុម័ត', en: 'Review and approval' }, due: '2021-03-08' },
};

test('a head of department is told which file reached which share of its deadline, and the link opens it on the staff side', () => {
  const link = 'https://portal.example/en/staff/applications/abc';
  const en = renderNotification('stage_escalated', data, { name: 'Pen Sothary', locale: 'en' }, link);
  expect(en.subject).toBe('DLR-2021-000042: 100 % of the deadline reached');
  expect(en.text).toContain('The stage "Review and approval" of application DLR-2021-000042 (Driving licence renewal) has reached 100 % of its deadline.');
  expect(en.text).toContain(`Open the file: ${link}`);
  expect(en.text).not.toContain('See your application');
  expect(en.sms).toContain('DLR-2021-000042');
});

test('in Khmer, with the stage named in Khmer', () => {
  const km = renderNotification('stage_escalated', data, { name: 'ប៉ែន សុធារី', locale: 'km' }, 'https://portal.example/km/staff/applications/abc');
  expect(km.subject).toContain('បានឈានដល់ 100 %');
  expect(km.text).toContain('«ការពិនិត្យ និងការអនុម័ត»');
  expect(km.text).toContain('បើកឯកសារ៖ https://portal.example/km/staff/applications/abc');
});
