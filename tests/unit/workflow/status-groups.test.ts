import { expect, test } from 'vitest';
import { ApplicationStatus } from '@/lib/db/generated/enums';
import { clockRunningStatuses, closedStatuses, decidedStatuses, grantedStatuses, inProgressStatuses, sqlStatusList } from '@/lib/workflow/status-groups';

test('the status groups hold the statuses they name', () => {
  expect(clockRunningStatuses).toEqual(['submitted', 'in_review']);
  expect(inProgressStatuses).toEqual(['submitted', 'in_review', 'info_requested']);
  expect(grantedStatuses).toEqual(['approved', 'issued']);
  expect(decidedStatuses).toEqual(['approved', 'issued', 'rejected']);
  expect(closedStatuses).toEqual(['approved', 'issued', 'rejected', 'withdrawn']);
});

test('every filed status is either in progress or closed, never both', () => {
  const filed = Object.values(ApplicationStatus).filter((s) => s !== 'draft');
  expect([...inProgressStatuses, ...closedStatuses].sort()).toEqual(filed.sort());
});

test('a group reads as an SQL list', () => {
  expect(sqlStatusList(clockRunningStatuses)).toBe("('submitted', 'in_review')");
});
