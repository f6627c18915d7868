import { describe, expect, test } from 'vitest';
import { Role } from '@/lib/db/generated/enums';
import { canInDepartment, departmentsWhere, rolesWith, stageDeciders, staffCapabilities, type Actor, type StaffCapability } from '@/lib/policy/policy';

// What each role may do, written out by hand: a change to the policy's table must change this
// matrix too, on purpose. A role missing from a row may not do it anywhere.
const expected: Record<StaffCapability, readonly Role[]> = {
  'queue.view': ['clerk', 'supervisor', 'department_head'],
  'file.note': ['clerk', 'supervisor', 'department_head'],
  'file.work': ['clerk', 'department_head'],
  'file.supervise': ['supervisor', 'department_head'],
  'stage.decide': ['clerk', 'department_head'],
  'stage.decide-reserved': ['department_head'],
  'licence.revoke': ['department_head'],
  'complaint.work': ['clerk', 'supervisor', 'department_head'],
  'told.at-risk': ['supervisor'],
  'told.overdue': ['department_head'],
  'told.long-overdue': ['clerk', 'supervisor', 'department_head'],
};

const own = 'dept-own';
const other = 'dept-other';
const roles = Object.values(Role);
const capabilitiesInTable = [...new Set(Object.values(staffCapabilities).flat())].sort();
const holding = (role: Role, departmentId: string | null): Actor => ({ id: role, name: role, roles: [{ role, departmentId }], organisations: [] });

describe('the staff capability table', () => {
  test('names exactly the capabilities of the expected matrix', () => {
    expect(capabilitiesInTable).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.keys(expected) as StaffCapability[])('%s', (capability) => {
    test.each(roles)('%s: in its own department as expected, never in another, never without one', (role) => {
      const allowed = expected[capability].includes(role);
      expect(canInDepartment(holding(role, own), capability, own)).toBe(allowed);
      expect(canInDepartment(holding(role, own), capability, other)).toBe(false);
      expect(canInDepartment(holding(role, null), capability, own)).toBe(false);
      expect(canInDepartment(holding(role, own), capability, null)).toBe(false);
      expect(departmentsWhere(holding(role, own), capability)).toEqual(allowed ? [own] : []);
    });

    test('rolesWith lists the same roles (the queries that find who may act)', () => {
      expect([...rolesWith(capability)].sort()).toEqual([...expected[capability]].sort());
    });
  });

  test('roles held in two departments give each its own capabilities only', () => {
    const both: Actor = { id: 'x', name: 'x', organisations: [], roles: [{ role: 'clerk', departmentId: own }, { role: 'supervisor', departmentId: other }] };
    expect(canInDepartment(both, 'file.work', own)).toBe(true);
    expect(canInDepartment(both, 'file.work', other)).toBe(false);
    expect(canInDepartment(both, 'file.supervise', other)).toBe(true);
    expect(canInDepartment(both, 'file.supervise', own)).toBe(false);
  });

  test("a definition's decider maps to who may decide: a clerk's stage by a clerk or the head, a reserved one by the head only", () => {
    expect(Object.keys(stageDeciders).sort()).toEqual(['clerk', 'department_head']);
    expect(rolesWith(stageDeciders.clerk).sort()).toEqual(['clerk', 'department_head']);
    expect(rolesWith(stageDeciders.department_head)).toEqual(['department_head']);
  });
});
