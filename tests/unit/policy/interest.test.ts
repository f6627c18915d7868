import { describe, expect, test } from 'vitest';
import { hasInterest, type Actor } from '@/lib/policy/policy';
import { drivingLicenceRenewal } from '@/lib/services/definitions/driving-licence-renewal';
import { mayTake, staffStepsFor, type CaseFile } from '@/lib/workflow/machine';

// Members of staff of Land Transport who are also on the applicant's side of a file: the one
// who applied, and members of the company that applied (in each organisation role).
const landTransport = 'dept-land-transport';
const staff = (id: string, organisations: Actor['organisations'] = [], role: Actor['roles'][number]['role'] = 'clerk'): Actor => ({
  id,
  name: id,
  roles: [{ role, departmentId: landTransport }],
  organisations,
});
const applyingClerk = staff('applying-clerk');
const ownerClerk = staff('owner-clerk', [{ organisationId: 'angkor-build', role: 'owner' }]);
const managerClerk = staff('manager-clerk', [{ organisationId: 'angkor-build', role: 'manager' }]);
const viewerClerk = staff('viewer-clerk', [{ organisationId: 'angkor-build', role: 'viewer' }]);
const viewerHead = staff('viewer-head', [{ organisationId: 'angkor-build', role: 'viewer' }], 'department_head');
const colleague = staff('colleague', [{ organisationId: 'other-company', role: 'owner' }]);
const head = staff('head', [], 'department_head');

const file = (over: Partial<CaseFile> = {}): CaseFile => ({
  id: 'file',
  reference: 'DL-2026-000001',
  applicantId: 'applying-clerk',
  organisationId: 'angkor-build',
  status: 'in_review',
  version: 3,
  currentStageKey: 'review',
  currentDepartmentId: landTransport,
  assigneeId: null,
  dueAt: null,
  stageDueAt: null,
  definition: drivingLicenceRenewal,
  licence: null,
  stages: [{ id: 'stage', stageKey: 'review', position: 0, departmentId: landTransport, status: 'active', pausedAt: null, dueAt: null }],
  ...over,
});

describe('hasInterest', () => {
  test('the applicant has an interest in their file', () => {
    expect(hasInterest(applyingClerk, file())).toBe(true);
  });
  test('an owner of the applying organisation has an interest', () => {
    expect(hasInterest(ownerClerk, file())).toBe(true);
  });
  test('a manager of the applying organisation has an interest', () => {
    expect(hasInterest(managerClerk, file())).toBe(true);
  });
  test('a viewer of the applying organisation has an interest', () => {
    expect(hasInterest(viewerClerk, file())).toBe(true);
  });
  test('a colleague who belongs to another organisation has none', () => {
    expect(hasInterest(colleague, file())).toBe(false);
  });
  test('without an organisation on the file, only the applicant has an interest', () => {
    expect(hasInterest(ownerClerk, file({ organisationId: null }))).toBe(false);
    expect(hasInterest(applyingClerk, file({ organisationId: null }))).toBe(true);
  });
});

describe('the workflow asks policy: nobody takes a staff step on a file they have an interest in', () => {
  const decisions = ['claim', 'finalApprove', 'reject', 'requestInfo', 'reassign', 'addNote'] as const;

  test('the applicant, though a clerk of the department holding the file, takes no step', () => {
    for (const step of decisions) expect(mayTake(applyingClerk, file(), step), step).toBe(false);
    expect(staffStepsFor(applyingClerk, file())).toEqual([]);
  });
  test('an owner of the applying organisation takes no step', () => {
    for (const step of decisions) expect(mayTake(ownerClerk, file(), step), step).toBe(false);
  });
  test('a manager of the applying organisation takes no step', () => {
    for (const step of decisions) expect(mayTake(managerClerk, file(), step), step).toBe(false);
  });
  test('a viewer of the applying organisation takes no step, even as head of the department', () => {
    for (const step of decisions) expect(mayTake(viewerClerk, file(), step), step).toBe(false);
    for (const step of decisions) expect(mayTake(viewerHead, file(), step), step).toBe(false);
  });
  test('a viewer head of department does not revoke the licence issued to their company', () => {
    const issued = file({ status: 'issued', currentDepartmentId: null, currentStageKey: 'review', licence: { status: 'valid' } });
    expect(mayTake(viewerHead, issued, 'revokeLicence')).toBe(false);
    expect(mayTake(head, issued, 'revokeLicence')).toBe(true);
  });
  test('an uninterested colleague takes each step open at this stage', () => {
    expect(mayTake(colleague, file(), 'claim')).toBe(true);
    expect(mayTake(colleague, file(), 'finalApprove')).toBe(true);
    expect(mayTake(colleague, file(), 'reject')).toBe(true);
    expect(mayTake(colleague, file(), 'requestInfo')).toBe(true);
    expect(mayTake(colleague, file(), 'addNote')).toBe(true);
    expect(mayTake(head, file(), 'reassign')).toBe(true);
  });
  test('a file a colleague holds is not claimed: only the supervisor reassigns it', () => {
    expect(mayTake(colleague, file({ assigneeId: 'someone-else' }), 'claim')).toBe(false);
    expect(mayTake(head, file({ assigneeId: 'someone-else' }), 'reassign')).toBe(true);
  });
});
