import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { files, fillDate, registerCitizen, startService, upload } from './support/apply';
import { decide } from './support/decisions';
import { expect, expectNoAxeViolations, hydrated, pageAlert, signedInAs, signOut, sql, test } from './support/fixtures';

test('a citizen registers a new vehicle: apply, leave and resume, upload, check, submit, track; the card certifies the vehicle and its plate', async ({ page, browser }) => {
  await registerCitizen(page, 'en');
  await startService(page, 'en', 'Register a new vehicle');

  await expect(page.getByRole('heading', { level: 1, name: 'About the vehicle' })).toBeVisible();
  // Nothing answered: each problem is listed and linked, in the page's language. Once the
  // applicant has reached a field, the browser checks with the same schema: no request is sent.
  await hydrated(page.getByLabel('Make'));
  await page.getByLabel('Make').focus();
  await page.waitForLoadState('networkidle');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Select type of vehicle' })).toBeVisible();
  await expect(pageAlert(page).getByRole('link', { name: 'Enter vehicle identification number (VIN)' })).toBeVisible();
  expect(posts).toEqual([]);
  await expectNoAxeViolations(page);

  await page.getByLabel('Car', { exact: true }).check();
  await page.getByLabel('Make').fill('Toyota');
  await page.getByLabel('Model').fill('Hilux');
  await page.getByLabel('Year of manufacture').fill('2025');
  await page.getByLabel('Vehicle identification number (VIN)').fill('jtfss22p0k0123456');
  await page.getByLabel('Engine number').fill('2GD-1234567');
  await page.getByLabel('Colour').fill('White');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'How you got the vehicle' })).toBeVisible();
  // The customs question appears only for an imported vehicle.
  await expect(page.getByLabel('Customs declaration number')).toBeHidden();
  await page.getByLabel('Imported it myself').check();
  await page.getByLabel('Customs declaration number').fill('KH-2026-445566');
  // A box left empty is named in the message, and the link goes to it.
  await fillDate(page, 'Date of purchase', ['30', '', '2026']);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await pageAlert(page).getByRole('link', { name: 'Date of purchase must include a month' }).click();
  await expect(page.getByRole('group', { name: 'Date of purchase' }).getByLabel('Month')).toBeFocused();
  await page.keyboard.type('10');
  await page.getByRole('button', { name: 'Save and come back later' }).click();
  await expect(page.getByText('Your answers have been saved.')).toBeVisible();

  // Leave, come back from the dashboard, and continue where they stopped.
  await page.goto('/en/account');
  const drafts = page.getByRole('table', { name: 'Not submitted yet' });
  await drafts.getByRole('link', { name: /Register a new vehicle/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your application: Register a new vehicle' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The owner' })).toBeVisible();
  await page.getByLabel('National ID number').fill('010 234 567');
  await page.getByLabel('Province or capital').selectOption({ label: 'Phnom Penh' });
  await page.getByLabel('District (Khan or Srok)').fill('Chamkar Mon');
  await page.getByLabel('House number, street and village').fill('No. 5, Street 310');
  await page.getByLabel('Mobile number').fill('012 345 678');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Upload your documents' })).toBeVisible();
  // Three pages of questions, the documents, the check.
  await expect(page.getByText('Register a new vehicle · Step 4 of 5')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Customs clearance certificate' })).toBeVisible();
  // The ID card takes two files, front and back, one after the other.
  await upload(page, "Owner's national ID card (front and back)", files.png());
  await expect(page.getByText("Owner's national ID card (front and back) has been uploaded.")).toBeVisible();
  await upload(page, "Owner's national ID card (front and back)", { ...files.png(), name: 'back.png' }, /Upload another file/);
  const idCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: "Owner's national ID card (front and back)" }) });
  await expect(idCard.getByText(/Uploaded: photo\.png/)).toBeVisible();
  await expect(idCard.getByText(/Uploaded: back\.png/)).toBeVisible();
  await expect(idCard.getByText('This document has its 2 files. To change one, remove it first.')).toBeVisible();
  await upload(page, 'Sales invoice for the vehicle', files.pdf());
  await upload(page, 'Customs clearance certificate', files.pdf());
  await upload(page, 'Photos of the vehicle from the front and the side', files.png());
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Continue', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before you submit' })).toBeVisible();
  await expect(page.getByText('JTFSS22P0K0123456')).toBeVisible();
  await expect(page.getByText('No. 5, Street 310, Chamkar Mon, Phnom Penh')).toBeVisible();
  await expect(page.getByText('250,000 riel')).toBeVisible();
  await expect(page.getByText('30 October 2026')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'back.png' })).toContainText('photo.png');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.locator('#declaration-error')).toContainText('Confirm the declaration to submit your application');
  await page.getByLabel(/I confirm that the information/).check();
  await page.getByRole('button', { name: 'Submit application' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  const code = (await page.getByTestId('tracking-code').textContent())!;
  expect(reference).toMatch(/^VR-\d{4}-\d{6}$/);
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await expect(page.getByText(/General Department of Land Transport will check your application/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'View your application' }).click();
  await expect(page.locator('main').getByText('Application submitted', { exact: true })).toBeVisible();
  await page.goto('/en/account');
  await expect(page.getByRole('table', { name: 'Submitted' })).toContainText(reference);

  // Anyone with the reference and the code can follow it, without signing in.
  await signOut(page);
  await page.goto('/en/track');
  await page.getByLabel('Reference number').fill(reference.toLowerCase());
  await page.getByLabel('Tracking code').fill('WRONG234');
  await page.getByRole('button', { name: 'Track' }).click();
  await expect(pageAlert(page)).toContainText('No application matches this reference and tracking code.');
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Track' }).click();
  const result = page.getByRole('region', { name: `Application ${reference}` });
  await expect(result).toContainText('Submitted');
  await expect(result).toContainText('Document review');
  await expect(result).toContainText('General Department of Land Transport');
  await expect(result).not.toContainText('Sok Dara');
  await expectNoAxeViolations(page);

  const [row] = await sql<{ id: string; status: string; feeRiel: number }>('select id, status, "feeRiel" from "Application" where reference = $1', [reference]);
  expect(row).toMatchObject({ status: 'submitted', feeRiel: 250_000 });

  // The head of land transport takes both decisions (a head may take the clerk's): the card is
  // issued with a plate number. Staff may open it before the fee is paid.
  const head = await (await browser.newContext()).newPage();
  await signedInAs(head, 'head.transport@demo.gov.kh');
  await head.goto(`/en/staff/applications/${row!.id}`);
  const decided = head.locator('main').getByRole('status').first();
  await decide(head, 'Approve the stage');
  await expect(decided).toContainText('Stage approved.');
  await decide(head, 'Approve the application');
  await expect(decided).toContainText('The application is approved.');
  const [licence] = await sql<{ number: string; plateNumber: string }>('select number, "plateNumber" from "Licence" where "applicationId" = $1', [row!.id]);
  expect(licence!.plateNumber).toMatch(/^2[A-Z]{1,2}-\d{4}$/);
  const card = await (await head.request.get(`/en/applications/${row!.id}/licence`)).body();
  writeFileSync(test.info().outputPath('vehicle-card.pdf'), card);
  const cardText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: card }).toString('utf8');
  for (const fact of ['JTFSS22P0K0123456', 'Toyota', 'Hilux', `Phnom Penh ${licence!.plateNumber}`]) expect(cardText).toContain(fact);
  expect(execFileSync('pdfinfo', ['-'], { input: card }).toString()).toMatch(/Pages:\s+1\n/);

  // Anyone with the number reads the plate and the vehicle, in either language; not the VIN.
  for (const [locale, plate] of [['en', `Phnom Penh ${licence!.plateNumber}`], ['km', `រាជធានីភ្នំពេញ ${licence!.plateNumber}`]] as const) {
    await page.goto(`/${locale}/verify/${licence!.number}`);
    await expect(page.locator('main dd').filter({ hasText: plate })).toBeVisible();
    await expect(page.locator('main')).toContainText('Hilux');
    await expect(page.locator('main')).not.toContainText('JTFSS22P0K0123456');
    await page.screenshot({ path: test.info().outputPath(`verify-${locale}.png`), fullPage: true });
  }
  await expectNoAxeViolations(page);
});
