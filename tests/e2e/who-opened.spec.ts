import { fileVehicleRegistration, registerCitizen } from './support/apply';
import { expect, signedInAs, sql, test } from './support/fixtures';

test('a clerk who opens a file through the applicant\'s own page, and a document there, shows in "Who opened your file"', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await registerCitizen(page, 'en', 'Chan Sophea');
  const { id } = await fileVehicleRegistration(page);
  await page.goto(`/en/applications/${id}`);
  const opened = page.getByRole('heading', { name: 'Who opened your file' });
  await expect(opened).toBeVisible();
  await expect(page.getByText('Nobody at the ministry has opened your file yet.')).toBeVisible();

  // The clerk of the holding department goes through the applicant-side address, not the review page.
  const clerk = await (await browser.newContext()).newPage();
  await signedInAs(clerk, 'clerk.transport@demo.gov.kh');
  await clerk.goto(`/en/applications/${id}`);
  await expect(clerk.getByRole('heading', { level: 1, name: 'Your application: Register a new vehicle' })).toBeVisible();
  const invoice = clerk.getByRole('link', { name: /\.pdf$/ }).first();
  const download = await clerk.request.get(new URL((await invoice.getAttribute('href'))!, clerk.url()).toString());
  expect(download.status()).toBe(200);

  await page.reload();
  const list = page.locator('h2:has-text("Who opened your file") ~ ul').first();
  await expect(list).toContainText('Opened by General Department of Land Transport');
  await expect(list).toContainText('A document opened by General Department of Land Transport');
  // On the audit trail once each, under the clerk's own account (the applicant's visits leave nothing).
  const events = await sql<{ type: string; email: string }>(
    `select e.type, u.email from "ApplicationEvent" e join "User" u on u.id = e."actorId" where e."applicationId" = $1 and e.type in ('record_viewed', 'document_viewed') order by e.id`,
    [id],
  );
  expect(events.map((e) => e.type)).toEqual(['record_viewed', 'document_viewed']);
  expect(events.every((e) => e.email.startsWith('clerk.transport+'))).toBe(true);
});
