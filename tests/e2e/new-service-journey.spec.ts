// Issue 14's whole promise, end to end and without a line of code: an administrator designs a new
// service in the browser and previews it, cannot publish it; a second administrator publishes it; a citizen finds
// it by a Khmer search, applies in Khmer and pays; staff of its two departments approve; the
// citizen downloads the licence and its verification page says valid.
import type { Browser, Page } from '@playwright/test';
import { files, fillDate, registerCitizen, upload } from './support/apply';
import { decide } from './support/decisions';
import { box, designOversizeLoadPermit } from './support/designer';
import { expect, signIn, sql, test } from './support/fixtures';

async function browserOf(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('a service designed from nothing is published by a second administrator, found in Khmer, applied for, paid, approved by two departments and issued', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const code = `oversize-load-${run}`;
  const name = { km: `លិខិតអនុញ្ញាតដឹកបន្ទុកធំលើសកំណត់ ${run}`, en: `Permit to carry an oversize load ${run}` };

  // The first administrator designs it (people may apply too) and saves the draft.
  const designer = await browserOf(browser, 'admin@demo.gov.kh');
  await designOversizeLoadPermit(designer, 'en', code, 8);
  await box(designer, 'name.km').fill(name.km);
  await box(designer, 'name.en').fill(name.en);
  await box(designer, 'applicants-person').check();
  await designer.getByRole('button', { name: 'Save the draft' }).click();
  await expect(designer.getByText('The draft is saved. Nothing is published yet.')).toBeVisible();
  await designer.getByRole('link', { name: "Preview the citizen's pages" }).click();
  await expect(designer.getByRole('heading', { level: 1, name: `Preview of ${name.en}` })).toBeVisible();
  await expect(designer.getByLabel('Width of the load in metres')).toBeVisible();
  // Its own author may review it but not publish it.
  await designer.goto(`/en/admin/services/${code}/review`);
  await expect(designer.locator('main')).toContainText('You edited this draft, so another administrator must review and publish it.');
  await expect(designer.getByRole('button', { name: 'Publish this version' })).toHaveCount(0);
  // Unpublished, it is nowhere in the catalogue.
  await page.goto(`/en/services?q=${encodeURIComponent(run)}`);
  await expect(page.getByRole('link', { name: name.en })).toHaveCount(0);

  // A second administrator publishes it, naming its prakas.
  const publisher = await browserOf(browser, 'admin@demo.gov.kh');
  await publisher.goto('/en/admin/services');
  await expect(publisher.getByRole('link', { name: 'Design a new service' })).toBeVisible();
  await publisher.getByRole('link', { name: name.en, exact: true }).click();
  await publisher.getByRole('link', { name: 'Review the draft' }).click();
  await publisher.getByLabel('Legal instrument in Khmer').fill('ប្រកាសលេខ ៤៥៦ ចុះថ្ងៃទី ២ ខែធ្នូ ឆ្នាំ២០២៦');
  await publisher.getByLabel('Legal instrument in English').fill('Prakas No. 456 of 2 December 2026');
  await publisher.getByRole('button', { name: 'Publish this version' }).click();
  await expect(publisher.locator('main')).toContainText('Version 1 is published.');

  // A citizen finds it by a Khmer word of its name and applies in Khmer.
  await registerCitizen(page, 'km', 'សុខ វណ្ណា');
  await page.goto(`/km/services?q=${encodeURIComponent('បន្ទុកធំ')}`);
  await page.getByRole('link', { name: name.km }).click();
  await expect(page.getByRole('heading', { level: 1, name: name.km })).toBeVisible();
  await page.getByRole('button', { name: 'ចាប់ផ្តើមឥឡូវនេះ' }).click();
  await page.getByLabel('ទទឹងបន្ទុកគិតជាម៉ែត្រ').fill('4');
  await fillDate(page, 'កាលបរិច្ឆេទធ្វើដំណើរ', ['15', '1', '2027'], 'km');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();
  await page.getByLabel('ប្រភេទបន្ទុក').selectOption({ label: 'គ្រឿងចក្រ' });
  await page.getByLabel('ទម្ងន់គ្រឿងចក្រគិតជាតោន').fill('30');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'បញ្ចូលឯកសាររបស់អ្នក' })).toBeVisible();
  for (const document of ['កាតចុះបញ្ជីយានយន្ត', 'វិញ្ញាបនបត្រគ្រឿងចក្រ']) {
    await upload(page, document, files.pdf());
    await expect(page.getByText(`${document} ត្រូវបានបញ្ចូលហើយ។`)).toBeVisible();
  }
  await page.getByRole('link', { name: 'បន្ត', exact: true }).click();
  // 100,000 riel and 20,000 for each of the 4 metres of width.
  await expect(page.getByText('180,000៛')).toBeVisible();
  await page.getByLabel(/ខ្ញុំសូមបញ្ជាក់ថា/).check();
  await page.getByRole('button', { name: 'ដាក់ស្នើពាក្យ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ពាក្យស្នើសុំត្រូវបានដាក់ស្នើហើយ' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  expect(reference).toMatch(/^OLP-\d{4}-\d{6}$/);
  const [{ id }] = (await sql<{ id: string }>(`select id from "Application" where reference = $1`, [reference])) as [{ id: string }];

  // Land transport's clerk approves the review; public works' head approves the application.
  const clerk = await browserOf(browser, 'clerk.transport@demo.gov.kh');
  await clerk.goto(`/en/staff/applications/${id}`);
  await expect(clerk.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  await decide(clerk, 'Approve the stage');
  await expect(clerk.locator('main').getByRole('status').first()).toContainText('Stage approved.');
  const head = await browserOf(browser, 'head.works@demo.gov.kh');
  await head.goto(`/en/staff/applications/${id}`);
  await decide(head, 'Approve the application');
  await expect(head.locator('main').getByRole('status').first()).toContainText('The application is approved.');

  // The citizen pays by KHQR (the sandbox bank confirms) and downloads the licence.
  await page.goto(`/en/applications/${id}`);
  await page.getByRole('link', { name: 'Pay with KHQR' }).click();
  await expect(page.getByRole('img', { name: `KHQR code to pay 180,000 riel for ${reference}` })).toBeVisible();
  await page.getByRole('link', { name: 'Open the sandbox bank' }).click();
  await page.getByRole('button', { name: 'Confirm the payment' }).click();
  await expect(page.getByText('Thank you: your payment has been received.')).toBeVisible();
  const download = await page.request.get(`/en/applications/${id}/licence`);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Anyone checking its number is told it is valid, and what it certifies.
  const [licence] = await sql<{ number: string }>(`select number from "Licence" where "applicationId" = $1`, [id]);
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(`/en/verify/${licence!.number}`);
  await expect(checker.locator('#verdict')).toHaveText('Valid');
  await expect(checker.locator('main')).toContainText('Oversize load permit');
  await expect(checker.locator('main')).toContainText('Width of the load in metres');
});
