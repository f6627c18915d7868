import type { Browser, Page } from '@playwright/test';
import { formatDay } from '../../lib/i18n/format';
import { fileConstructionPermit, registerCitizen } from './support/apply';
import { decide } from './support/decisions';
import { expect, expectNoAxeViolations, signedInAs, sql, test } from './support/fixtures';
import { receivedMail } from './support/mail';
import { configuredUrl } from '../playwright.config';

async function staffBrowser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signedInAs(page, email);
  return page;
}

/** A member of staff opens the file, takes it when it is free, and approves their stage. */
async function approveStage(staff: Page, id: string, button = 'Approve the stage', done = 'Stage approved.') {
  await staff.goto(`/en/staff/applications/${id}`);
  const take = staff.getByRole('button', { name: 'Take this file' });
  if (await take.isVisible()) {
    await take.click();
    await expect(staff.locator('main').getByRole('status').first()).toContainText('The file is now yours.');
  }
  await decide(staff, button);
  await expect(staff.locator('main').getByRole('status').first()).toContainText(done);
}

test("an investor's company files a construction permit through a colleague invited by email, and the dashboard follows it through every department", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // The investor registers the company.
  await registerCitizen(page, 'en', 'Keo Ratana');
  await page.getByRole('link', { name: 'Register a company' }).click();
  const registration = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await page.getByLabel('Company name in Khmer').fill('ក្រុមហ៊ុន កែវ អភិវឌ្ឍន៍ ឯ.ក');
  await page.getByLabel('Company name in English').fill('Keo Development Co., Ltd.');
  await page.getByLabel('Ministry of Commerce registration number').fill(registration);
  await page.getByLabel('Tax identification number (TIN)').fill(`K00${Math.floor(Math.random() * 10)}-${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`);
  await page.getByLabel('Province or capital of the registered address').selectOption({ label: 'Phnom Penh' });
  await page.getByLabel('Registered address', { exact: true }).fill('No. 8, Street 271, Tuol Kouk');
  await page.getByRole('button', { name: 'Register the company' }).click();
  await expect(page.getByText('Your company is registered. You are its owner.')).toBeVisible();
  const [{ id: organisationId }] = (await sql<{ id: string }>(`select id from "Organisation" where "registrationNumber" = $1`, [registration])) as [{ id: string }];

  // The colleague has an account; the owner invites them as a manager.
  const colleague = await (await browser.newContext()).newPage();
  const colleagueEmail = await registerCitizen(colleague, 'en', 'Ouk Vanna');
  await page.getByRole('link', { name: /People and invitations/ }).click();
  await page.getByLabel('Their email address').fill(colleagueEmail);
  await page.getByLabel('Manager', { exact: true }).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText('The invitation was sent.')).toBeVisible();

  // The worker sends the email through the outbox to the SMTP server (after the colleague's own
  // registration link); its link is followed.
  const mail = await receivedMail(colleagueEmail, 30_000, (m) => /\/invitations\//.test(m.text ?? ''));
  expect(mail.subject).toContain('Keo Development Co., Ltd.');
  const link = /https?:\/\/\S+\/invitations\/[^\s)>"]+/.exec(mail.text ?? '')?.[0];
  expect(link, 'the invitation link in the email').toBeTruthy();
  // Emails carry the portal's configured address, whatever address the sender used. The
  // colleague is signed in on the address this suite browses by, so follows the link's path there.
  expect(new URL(link!).origin).toBe(configuredUrl);
  const { pathname, search } = new URL(link!);
  await colleague.goto(pathname + search);
  await colleague.getByRole('button', { name: 'Join the organisation' }).click();
  await expect(colleague.getByText('You have joined the organisation.')).toBeVisible();

  // The colleague files a construction permit in the company's name.
  const { id, reference } = await fileConstructionPermit(colleague, { for: 'Keo Development Co., Ltd.' });

  // The owner's dashboard: which department holds it now, and when that stage is due.
  const row = page.getByRole('table').getByRole('row').filter({ hasText: reference });
  const seen: string[] = [];
  const expectHeldBy = async (stage: string, department: string) => {
    const [due] = await sql<{ dueAt: Date }>(
      `select s."dueAt" from "ApplicationStage" s join "Application" a on a.id = s."applicationId" where a.id = $1 and s.status = 'active'`,
      [id],
    );
    await page.goto(`/en/organisations/${organisationId}/applications`);
    await expect(row).toContainText(stage);
    await expect(row).toContainText(department);
    await expect(row).toContainText(formatDay(due!.dueAt, 'en'));
    await expect(row).toContainText('Ouk Vanna');
    seen.push(formatDay(due!.dueAt, 'en'));
  };
  await expectHeldBy('Intake', 'General Department of Public Works');
  await expectNoAxeViolations(page);

  await approveStage(await staffBrowser(browser, 'clerk.works@demo.gov.kh'), id);
  await expectHeldBy('Technical review', 'Department of Construction Management');
  // Intake is due in 5 working days, technical review in 20: the date moved on.
  expect(seen[1]).not.toBe(seen[0]);

  await approveStage(await staffBrowser(browser, 'clerk.construction@demo.gov.kh'), id);
  await expectHeldBy('Site inspection', 'General Inspectorate');

  const inspector = await staffBrowser(browser, 'inspector@demo.gov.kh');
  await inspector.goto(`/en/staff/applications/${id}`);
  await inspector.getByLabel('Date of the inspection').fill('2026-11-20');
  await inspector.getByLabel('Inspector').fill('Mao Sophal');
  await inspector.getByLabel('Passed').check();
  await inspector.getByLabel('Findings').fill('Foundations and setbacks as drawn.');
  await inspector.getByRole('button', { name: 'Record the inspection' }).click();
  await expect(inspector.locator('main').getByRole('status').first()).toContainText('The inspection was recorded.');
  await approveStage(inspector, id);
  await expectHeldBy('Approval by the head of department', 'General Department of Public Works');

  await approveStage(await staffBrowser(browser, 'head.works@demo.gov.kh'), id, 'Approve the application', 'The application is approved.');
  await page.goto(`/en/organisations/${organisationId}/applications`);
  // Decided: the permit is issued, and its fee now waits for the company.
  await expect(row).toContainText('Issued');
  await expect(row).toContainText('Waiting for you');
  // The audit trail says which member of the company filed it.
  expect(await sql(`select u.name from "ApplicationEvent" e join "User" u on u.id = e."actorId" where e."applicationId" = $1 and e.type = 'submitted'`, [id])).toEqual([{ name: 'Ouk Vanna' }]);
});
