import { describe, expect, test } from 'vitest';
import { accountPath, can, canOnComplaint, homePath, worksComplaints, type Actor, type ApplicationScope, type ComplaintScope } from '@/lib/policy/policy';

const landTransport = 'dept-land-transport';
const publicWorks = 'dept-public-works';

const actor = (id: string, roles: Actor['roles'], organisations: Actor['organisations'] = []): Actor => ({ id, name: id, roles, organisations });
const citizen = actor('citizen', [{ role: 'citizen', departmentId: null }]);
const otherCitizen = actor('other', [{ role: 'citizen', departmentId: null }]);
const clerk = actor('clerk', [{ role: 'clerk', departmentId: landTransport }]);
const worksClerk = actor('works-clerk', [{ role: 'clerk', departmentId: publicWorks }]);
const head = actor('head', [{ role: 'department_head', departmentId: publicWorks }]);
const auditor = actor('auditor', [{ role: 'auditor', departmentId: null }]);
const admin = actor('admin', [{ role: 'administrator', departmentId: null }]);
const manager = actor('manager', [{ role: 'investor', departmentId: null }], [{ organisationId: 'org', role: 'manager' }]);
const viewer = actor('viewer', [{ role: 'investor', departmentId: null }], [{ organisationId: 'org', role: 'viewer' }]);

const application = (over: Partial<ApplicationScope> = {}): ApplicationScope => ({
  applicantId: 'citizen',
  organisationId: null,
  status: 'in_review',
  departmentIds: [landTransport],
  ...over,
});

describe('areas', () => {
  test('citizens and investors have the applicant dashboard, staff do not', () => {
    expect(can(citizen, 'applicant.dashboard')).toBe(true);
    expect(can(manager, 'applicant.dashboard')).toBe(true);
    expect(can(clerk, 'applicant.dashboard')).toBe(false);
  });
  test('only department staff enter the back office', () => {
    expect(can(clerk, 'backoffice.enter')).toBe(true);
    expect(can(head, 'backoffice.enter')).toBe(true);
    expect(can(citizen, 'backoffice.enter')).toBe(false);
    expect(can(auditor, 'backoffice.enter')).toBe(false);
    expect(can(admin, 'backoffice.enter')).toBe(false);
  });
  test('only auditors audit and only administrators administer', () => {
    expect(can(auditor, 'audit.enter')).toBe(true);
    expect(can(admin, 'audit.enter')).toBe(false);
    expect(can(admin, 'admin.enter')).toBe(true);
    expect(can(clerk, 'admin.enter')).toBe(false);
  });
  test("everyone signed in keeps their own account: citizens on their applications page, staff on one of its own", () => {
    for (const someone of [citizen, manager, clerk, head, auditor, admin]) expect(can(someone, 'account.security')).toBe(true);
    expect(can(null, 'account.security')).toBe(false);
    // Staff whose session has not passed the second factor hold no staff role yet.
    expect(can({ ...clerk, roles: [], secondFactorDue: true }, 'account.security')).toBe(false);
    expect(accountPath(citizen)).toBe('/account');
    expect(accountPath(clerk)).toBe('/account/security');
    expect(accountPath(auditor)).toBe('/account/security');
  });
  test('nobody signed out may do anything', () => {
    expect(can(null, 'applicant.dashboard')).toBe(false);
    expect(can(null, 'application.view', application())).toBe(false);
  });
});

describe('application.view', () => {
  test('the applicant sees their own application', () => {
    expect(can(citizen, 'application.view', application())).toBe(true);
  });
  test('another citizen does not', () => {
    expect(can(otherCitizen, 'application.view', application())).toBe(false);
  });
  test('staff of a department the application passes through see it', () => {
    expect(can(clerk, 'application.view', application())).toBe(true);
  });
  test('staff of another department do not', () => {
    expect(can(worksClerk, 'application.view', application())).toBe(false);
  });
  test('staff never see a draft, even in their department', () => {
    expect(can(clerk, 'application.view', application({ status: 'draft' }))).toBe(false);
  });
  test('auditors see submitted applications but not drafts', () => {
    expect(can(auditor, 'application.view', application())).toBe(true);
    expect(can(auditor, 'application.view', application({ status: 'draft' }))).toBe(false);
  });
  test("an organisation's members see its applications", () => {
    expect(can(viewer, 'application.view', application({ applicantId: 'someone', organisationId: 'org' }))).toBe(true);
    expect(can(viewer, 'application.view', application({ applicantId: 'someone', organisationId: 'other-org' }))).toBe(false);
  });
});

describe('application.edit', () => {
  test('the applicant edits a draft and an application waiting for information', () => {
    expect(can(citizen, 'application.edit', application({ status: 'draft' }))).toBe(true);
    expect(can(citizen, 'application.edit', application({ status: 'info_requested' }))).toBe(true);
  });
  test('nobody edits an application under review', () => {
    expect(can(citizen, 'application.edit', application({ status: 'in_review' }))).toBe(false);
  });
  test("an organisation's manager edits, its viewer does not", () => {
    const orgDraft = application({ applicantId: 'someone', organisationId: 'org', status: 'draft' });
    expect(can(manager, 'application.edit', orgDraft)).toBe(true);
    expect(can(viewer, 'application.edit', orgDraft)).toBe(false);
  });
  test('staff do not edit applicants\' answers', () => {
    expect(can(clerk, 'application.edit', application({ status: 'info_requested' }))).toBe(false);
  });
});

test('each role lands on its own page', () => {
  expect(homePath(citizen)).toBe('/account');
  expect(homePath(manager)).toBe('/account');
  expect(homePath(clerk)).toBe('/staff');
  expect(homePath(head)).toBe('/staff');
  expect(homePath(auditor)).toBe('/audit');
  expect(homePath(admin)).toBe('/admin');
});

describe('paying and reporting', () => {
  test("the applicant and the organisation's owners and managers pay; viewers and staff do not", () => {
    expect(can(citizen, 'application.pay', application())).toBe(true);
    const forOrg = application({ applicantId: 'someone', organisationId: 'org' });
    expect(can(manager, 'application.pay', forOrg)).toBe(true);
    expect(can(viewer, 'application.pay', forOrg)).toBe(false);
    expect(can(clerk, 'application.pay', application())).toBe(false);
    expect(can(citizen, 'application.pay', application({ status: 'draft' }))).toBe(false);
  });
  test("only the applicant's side complains about a filed application (a request for money among others)", () => {
    expect(can(citizen, 'application.complain', application())).toBe(true);
    expect(can(viewer, 'application.complain', application({ applicantId: 'someone', organisationId: 'org' }))).toBe(true);
    expect(can(otherCitizen, 'application.complain', application())).toBe(false);
    expect(can(clerk, 'application.complain', application())).toBe(false);
    expect(can(citizen, 'application.complain', application({ status: 'draft' }))).toBe(false);
  });
});

describe('satisfaction ratings', () => {
  test('whoever acts for the applicant rates a decided application; nobody rates one still open', () => {
    for (const status of ['approved', 'issued', 'rejected'] as const) expect(can(citizen, 'application.rate', application({ status }))).toBe(true);
    for (const status of ['draft', 'submitted', 'in_review', 'info_requested', 'withdrawn'] as const) expect(can(citizen, 'application.rate', application({ status }))).toBe(false);
    const decidedForOrg = application({ applicantId: 'someone', organisationId: 'org', status: 'approved' });
    expect(can(manager, 'application.rate', decidedForOrg)).toBe(true);
    expect(can(viewer, 'application.rate', decidedForOrg)).toBe(false);
    expect(can(otherCitizen, 'application.rate', application({ status: 'approved' }))).toBe(false);
    expect(can(clerk, 'application.rate', application({ status: 'approved' }))).toBe(false);
  });
});

describe('complaints', () => {
  const inspectorate = 'dept-inspection';
  const inspector = actor('inspector', [{ role: 'clerk', departmentId: inspectorate }]);
  const complaint = (over: Partial<ComplaintScope> = {}): ComplaintScope => ({ complainantId: 'citizen', organisationId: null, departmentId: landTransport, ...over });

  test('citizens and investors file complaints; staff and people signed out do not', () => {
    expect(can(citizen, 'complaint.file')).toBe(true);
    expect(can(manager, 'complaint.file')).toBe(true);
    expect(can(clerk, 'complaint.file')).toBe(false);
    expect(can(null, 'complaint.file')).toBe(false);
  });
  test("the complainant and their organisation's members follow a complaint; nobody else does", () => {
    expect(canOnComplaint(citizen, 'complaint.view-own', complaint(), inspectorate)).toBe(true);
    expect(canOnComplaint(viewer, 'complaint.view-own', complaint({ complainantId: 'someone', organisationId: 'org' }), inspectorate)).toBe(true);
    expect(canOnComplaint(otherCitizen, 'complaint.view-own', complaint(), inspectorate)).toBe(false);
    expect(canOnComplaint(inspector, 'complaint.view-own', complaint(), inspectorate)).toBe(false);
    expect(canOnComplaint(null, 'complaint.view-own', complaint(), inspectorate)).toBe(false);
  });
  test('only the Inspectorate works complaints, never the department complained about', () => {
    expect(worksComplaints(inspector, inspectorate)).toBe(true);
    expect(worksComplaints(clerk, inspectorate)).toBe(false);
    expect(worksComplaints(auditor, inspectorate)).toBe(false);
    expect(canOnComplaint(inspector, 'complaint.work', complaint(), inspectorate)).toBe(true);
    expect(canOnComplaint(clerk, 'complaint.work', complaint(), inspectorate)).toBe(false);
    expect(canOnComplaint(head, 'complaint.work', complaint({ departmentId: publicWorks }), inspectorate)).toBe(false);
    expect(canOnComplaint(citizen, 'complaint.work', complaint(), inspectorate)).toBe(false);
    // An inspector who also works in the department complained about leaves it to colleagues.
    const twoHats = actor('two-hats', [{ role: 'clerk', departmentId: inspectorate }, { role: 'clerk', departmentId: landTransport }]);
    expect(canOnComplaint(twoHats, 'complaint.work', complaint(), inspectorate)).toBe(false);
    expect(canOnComplaint(twoHats, 'complaint.work', complaint({ departmentId: publicWorks }), inspectorate)).toBe(true);
    // Nor one who complained, or whose organisation did.
    expect(canOnComplaint(inspector, 'complaint.work', complaint({ complainantId: 'inspector' }), inspectorate)).toBe(false);
    // An inspector whose session has not passed the second factor holds no staff role yet.
    expect(worksComplaints({ ...inspector, roles: [], secondFactorDue: true }, inspectorate)).toBe(false);
  });
});
