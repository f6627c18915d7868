import { fileVehicleRegistration, registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signedInAs, signOut, sql, test } from './support/fixtures';

test('anyone checks the official fee of a reference; the applicant reports a request for extra money to the Inspectorate, not the department', async ({ page, browser }) => {
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

  // The applicant reports it: a complaint of kind "request for money" to the General Inspectorate.
  await page.goto(`/en/applications/${id}`);
  await page.getByRole('link', { name: 'Someone asked me for extra money' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Make a complaint' })).toBeVisible();
  await expect(page.getByLabel('Someone asked me for money beyond the official fee')).toBeChecked();
  await expect(page.locator('main')).toContainText(`The official fee for ${reference} is 250,000 riel`);
  await page.getByRole('button', { name: 'Send the complaint' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Write what happened' })).toBeVisible();
  await page.getByRole('textbox', { name: 'What happened' }).fill('A man outside the Land Transport office said he could get my plate in two days for 200,000 riel more.');
  await page.getByLabel(/how much, in riel/).fill('200,000');
  await page.getByRole('button', { name: 'Send the complaint' }).click();
  await expect(page.getByText('Complaint sent')).toBeVisible();
  expect(await sql(`select kind, "amountRiel" from "Complaint" where "applicationId" = $1`, [id])).toEqual([{ kind: 'money', amountRiel: 200000 }]);
  const complaintId = new URL(page.url()).pathname.split('/').pop()!;

  // The department holding the file does not see it; the Inspectorate does.
  const clerk = await (await browser.newContext()).newPage();
  await signedInAs(clerk, 'clerk.transport@demo.gov.kh');
  await clerk.goto(`/en/staff/applications/${id}`);
  await expect(clerk.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  await expect(clerk.locator('main')).not.toContainText('200,000 riel more');
  const inspector = await (await browser.newContext()).newPage();
  await signedInAs(inspector, 'inspector@demo.gov.kh');
  await inspector.goto(`/en/staff/complaints/${complaintId}`);
  await expect(inspector.locator('main')).toContainText('200,000 riel more');
  await expect(inspector.locator('main')).toContainText('Request for money');
  await expect(inspector.locator('main')).toContainText('200,000 riel');

  // Another citizen cannot complain about someone else's application.
  await signOut(page, 'en');
  await registerCitizen(page, 'en');
  const response = await page.goto(`/en/complaints/new?application=${id}`);
  expect(response?.status()).toBe(404);
});
