import { expect, test } from 'vitest';
import { createDraft } from '@/lib/applications/create-draft';
import { allows, findApplication } from '@/lib/applications/find-application';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { csvLine } from '@/lib/organisations/csv';
import { dashboardFilters, organisationApplications, organisationDashboard } from '@/lib/organisations/dashboard';
import { acceptInvitation } from '@/lib/organisations/invitations';
import { canInOrganisation } from '@/lib/policy/policy';
import { perform, StepRefusedError } from '@/lib/workflow/machine';
import { filedApplication, newCitizen, newStaff } from './support/applicants';
import { company, invited } from './support/organisations';

const noHolidays = new Set<string>();
const filters = (query: Record<string, string> = {}) => dashboardFilters.parse(query);

test("the dashboard shows every application of the organisation, where it is and when it is due, and what waits for it first", async () => {
  const { owner, organisationId } = await company();
  const renewal = await filedApplication(owner, 'driving-licence-renewal', organisationId);
  const permit = await filedApplication(owner, 'construction-permit', organisationId);
  const draft = (await createDraft(owner, 'driving-licence-renewal', organisationId))!;
  // The owner's own application is not the organisation's.
  const personal = await filedApplication(owner, 'driving-licence-renewal');

  const clerk = await newStaff('clerk', 'land-transport');
  const file = (await findApplication(clerk, renewal, 'application.view'))!;
  await perform(clerk, file, 'requestInfo', { message: 'Please upload a clearer photo.' }, file.version);

  const dashboard = await organisationDashboard(organisationId, filters(), noHolidays);
  expect(dashboard.total).toBe(3);
  expect(dashboard.items.map((a) => a.id)).not.toContain(personal);
  // Running files come first, soonest stage deadline first; the draft (no deadline) last.
  expect(dashboard.items.at(-1)!.id).toBe(draft.id);
  expect(dashboard.waiting.map((a) => a.id)).toEqual([renewal]);

  const permitRow = dashboard.items.find((a) => a.id === permit)!;
  expect(permitRow).toMatchObject({ status: 'submitted', waitingForYou: false, daysInStage: 0 });
  expect(permitRow.stage?.en).toBe('Intake');
  expect(permitRow.department?.en).toMatch(/Public Works/);
  expect(permitRow.stageDueAt).toBeInstanceOf(Date);
  expect(permitRow.expectedDecision!.getTime()).toBeGreaterThan(permitRow.stageDueAt!.getTime());
  const renewalRow = dashboard.items.find((a) => a.id === renewal)!;
  // The clock is paused while the organisation answers: no overdue or at-risk flag.
  expect(renewalRow).toMatchObject({ status: 'info_requested', waitingForYou: true, flag: null });

  const reference = (await db.application.findUniqueOrThrow({ where: { id: permit } })).reference!;
  expect((await organisationDashboard(organisationId, filters({ q: reference.slice(0, 9).toLowerCase() }), noHolidays)).items.map((a) => a.id)).toContain(permit);
  expect((await organisationDashboard(organisationId, filters({ q: reference }), noHolidays)).items.map((a) => a.id)).toEqual([permit]);
  expect((await organisationDashboard(organisationId, filters({ status: 'draft' }), noHolidays)).items.map((a) => a.id)).toEqual([draft.id]);
  expect((await organisationDashboard(organisationId, filters({ status: 'waiting' }), noHolidays)).items.map((a) => a.id)).toEqual([renewal]);
  expect((await organisationDashboard(organisationId, filters({ department: 'public-works' }), noHolidays)).items.map((a) => a.id)).toEqual([permit]);
  expect((await organisationDashboard(organisationId, filters({ service: 'construction-permit', status: 'inProgress' }), noHolidays)).total).toBe(1);
  // Made-up filter values are ignored rather than failing the page.
  expect(filters({ status: 'everything', page: '-3', due: '<script>' })).toMatchObject({ status: undefined, page: 1, due: undefined });

  const exported = [];
  for await (const row of organisationApplications(organisationId, filters(), noHolidays)) exported.push(row.id);
  expect(exported.sort()).toEqual([renewal, permit, draft.id].sort());
});

test('the CSV export cannot smuggle a formula into a spreadsheet', () => {
  expect(csvLine(['=HYPERLINK("http://x")', 'ស្រី សុខន្ធា', 'a,b', '+855', '@SUM(A1)', 'plain'])).toBe(
    `"'=HYPERLINK(""http://x"")",ស្រី សុខន្ធា,"a,b",'+855,'@SUM(A1),plain\r\n`,
  );
});

test('a viewer sees the dashboard but cannot act for the organisation; an outsider and a removed member see nothing', async () => {
  const { owner, organisationId } = await company();
  const viewer = await invited(owner, organisationId, 'viewer');
  await acceptInvitation(viewer.colleague, viewer.token);
  const asViewer = (await findActor(viewer.colleague.id))!;
  const renewal = await filedApplication(owner, 'driving-licence-renewal', organisationId);
  const clerk = await newStaff('clerk', 'land-transport');
  const seenByClerk = (await findApplication(clerk, renewal, 'application.view'))!;
  await perform(clerk, seenByClerk, 'requestInfo', { message: 'Add the medical certificate.' }, seenByClerk.version);

  expect(canInOrganisation(asViewer, 'organisation.view', organisationId)).toBe(true);
  expect(canInOrganisation(asViewer, 'organisation.apply', organisationId)).toBe(false);
  expect(canInOrganisation(asViewer, 'organisation.manage', organisationId)).toBe(false);
  const seen = (await findApplication(asViewer, renewal, 'application.view'))!;
  // What the viewer's server actions would do: answer the request, pay. Each is refused.
  await expect(perform(asViewer, seen, 'resubmit', {}, seen.version)).rejects.toThrow(StepRefusedError);
  expect(allows(asViewer, seen, 'application.pay')).toBe(false);
  expect(await findApplication(asViewer, renewal, 'application.edit')).toBeNull();
  expect((await db.application.findUniqueOrThrow({ where: { id: renewal } })).status).toBe('info_requested');

  const outsider = await newCitizen();
  expect(canInOrganisation(outsider, 'organisation.view', organisationId)).toBe(false);
  await db.organisationMembership.deleteMany({ where: { organisationId, userId: viewer.colleague.id } });
  expect(canInOrganisation((await findActor(viewer.colleague.id))!, 'organisation.view', organisationId)).toBe(false);
});
