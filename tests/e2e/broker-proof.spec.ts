import { fileVehicleRegistration, registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signedInAs, signOut, sql, test } from './support/fixtures';

test('anyone checks the official fee of a reference; the applicant reports a request for extra money to the auditors only', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await registerCitizen(page, 'en', 'Keo Sreymom');
  const { id, reference } = await fileVehicleRegistration(page, 'JTFSS22P0K0000009');

  // The public page, signed out, in Khmer: the amount and what it is for.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/km');
  await visitor.getByRole('link', { name: /តើខ្ញុំត្រូវបង់ប៉ុន្មាន/ }).click();
  await visitor.getByLabel('លេខយោង').fill(reference.toLowerCase());
  await visitor.getByRole('button', { name: 'បង្ហាញថ្លៃសេវាផ្លូវការ' }).click();
  const result = visitor.getByRole('region', { name: `ថ្លៃសេវាផ្លូវការសម្រាប់ ${reference}` });
  await expect(result).toContainText('ការចុះបញ្ជីយានយន្តថ្មី');
  await expect(result.getByRole('row', { name: /ថ្លៃសេវាផ្លូវការសរុប/ })).toContainText('250,000៛');
  await expect(result).not.toContainText('Keo Sreymom');
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel('លេខយោង').fill('VR-1999-000001');
  await visitor.getByRole('button', { name: 'បង្ហាញថ្លៃសេវាផ្លូវការ' }).click();
  await expect(visitor.locator('main')).toContainText('យើងរកមិនឃើញពាក្យស្នើសុំដែលបានដាក់ស្នើ ដែលមានលេខយោងនេះទេ');

  // The applicant reports; an empty report is refused first.
  await page.goto(`/en/applications/${id}`);
  await page.getByRole('link', { name: 'Someone asked me for extra money' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Someone asked me for extra money' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Write what happened' })).toBeVisible();
  await page.getByRole('textbox', { name: 'What happened' }).fill('A man outside the Land Transport office said he could get my plate in two days for 200,000 riel more.');
  await page.getByLabel(/How much were you asked for/).fill('200,000');
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByText('Your report went to the ministry\'s auditors')).toBeVisible();
  expect(await sql(`select "amountRiel" from "ExtraPaymentReport" where "applicationId" = $1`, [id])).toEqual([{ amountRiel: 200000 }]);

  // The department holding the file does not see it; the auditors do, and close it.
  const clerk = await (await browser.newContext()).newPage();
  await signedInAs(clerk, 'clerk.transport@demo.gov.kh');
  await clerk.goto(`/en/staff/applications/${id}`);
  await expect(clerk.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  await expect(clerk.locator('main')).not.toContainText('200,000 riel more');
  const auditor = await (await browser.newContext()).newPage();
  await signedInAs(auditor, 'auditor@demo.gov.kh');
  await auditor.goto('/en/audit');
  const reports = auditor.getByRole('list', { name: 'Reports of requests for extra money' });
  const report = reports.getByRole('listitem').filter({ hasText: reference });
  await expect(report).toContainText('200,000 riel more');
  await expect(report).toContainText('asked for 200,000 riel');
  await report.getByRole('button', { name: /Mark as handled/ }).click();
  await expect(auditor.getByText('No open reports.')).toBeVisible();
  expect(await sql(`select "handledAt" is not null as handled from "ExtraPaymentReport" where "applicationId" = $1`, [id])).toEqual([{ handled: true }]);

  // Another citizen cannot report on someone else's application.
  await signOut(page, 'en');
  await registerCitizen(page, 'en');
  const response = await page.goto(`/en/applications/${id}/report`);
  expect(response?.status()).toBe(404);
});
