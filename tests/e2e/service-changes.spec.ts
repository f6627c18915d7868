// A fee change to vehicle registration, end to end: one administrator exports the live version,
// raises a fee in the file and imports it as a draft, and cannot publish it; a second reviews the
// plain-words diff and publishes it with its prakas from today. An application filed before keeps
// its fee (and /fees says so), one filed after pays the new one, and the public changelog says
// what changed in Khmer and English. A draft begun before moves to the new version at its next save. The change is to the motorcycle's plates (30,000 to 35,000
// riel): the other journeys file cars on the same database, and their fees do not move.
import { phnomPenhDay } from '../../lib/deadlines/working-days';
import { formatDay } from '../../lib/i18n/format';
import { fileVehicleRegistration, fillDate, registerCitizen, startService } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signIn, signOut, sql, test } from './support/fixtures';

const prakas = { km: 'ប្រកាសលេខ ១២៣ ចុះថ្ងៃទី ១ ខែធ្នូ ឆ្នាំ២០២៦', en: 'Prakas No. 123 of 1 December 2026' };
const change = {
  en: 'Fee for “Motorcycle” (Plates and card for the vehicle type) changed from 30,000 riel to 35,000 riel',
  km: 'កម្រៃសម្រាប់ «ម៉ូតូ» (ស្លាកលេខ និងប័ណ្ណតាមប្រភេទយានយន្ត) បានផ្លាស់ប្តូរពី 30,000៛ ទៅ 35,000៛',
};

async function officialFee(page: import('@playwright/test').Page, reference: string) {
  await page.goto('/en/fees');
  await page.getByLabel('Reference number').fill(reference);
  await page.getByRole('button', { name: 'Show the official fee' }).click();
  return page.getByRole('region', { name: `Official fee for ${reference}` });
}

test('a fee change is published by a second administrator with its prakas; filed applications keep their fee and the changelog says what changed', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const today = phnomPenhDay(new Date());

  // Before: a motorcycle filed at 20,000 + 30,000 riel, and another one's draft begun.
  const citizen = await registerCitizen(page, 'en', 'Chea Sokha');
  const before = await fileVehicleRegistration(page, 'JTFSS22P0K0777001', { vehicle: 'Motorcycle' });
  await startService(page, 'en', 'Register a new vehicle');
  await page.getByLabel('Motorcycle', { exact: true }).check();
  for (const [question, answer] of [['Make', 'Honda'], ['Model', 'Dream'], ['Year of manufacture', '2026'], ['Vehicle identification number (VIN)', 'JTFSS22P0K0777003'], ['Engine number', 'HD-7654321'], ['Colour', 'Red']]) {
    await page.getByLabel(question!).fill(answer!);
  }
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByLabel('Bought new from a dealer in Cambodia')).toBeVisible();
  const draftPage = page.url();
  await signOut(page);

  // The first administrator exports the live version, changes the fee in the file and imports it.
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, 'admin@demo.gov.kh');
  await editor.goto('/en/admin/services/vehicle-registration');
  const version = (await sql<{ version: number }>(`select max(v.version) as version from "ServiceVersion" v join "Service" s on s.id = v."serviceId" where s.code = 'vehicle-registration' and v."publishedAt" is not null`))[0]!.version;
  const exported = await editor.request.get(`/en/admin/services/vehicle-registration/versions/${version}`);
  expect(exported.headers()['content-disposition']).toContain(`vehicle-registration-v${version}.json`);
  const definition = await exported.json();
  definition.feeRules[0].amounts.motorcycle = 35_000;
  // A broken file first: refused with what is wrong, and nothing changes.
  await editor.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...definition, deadlineWorkingDays: 99 })) });
  await editor.getByRole('button', { name: 'Import as draft' }).click();
  await expect(editor.locator('main')).toContainText('This file is not a valid service definition. Nothing was changed.');
  await expect(editor.locator('main')).toContainText("deadlineWorkingDays: The stages' deadlines add up to 10 working days, but the service promises 99.");
  expect(await sql(`select 1 from "ServiceVersion" v join "Service" s on s.id = v."serviceId" where s.code = 'vehicle-registration' and v."publishedAt" is null`)).toEqual([]);
  await editor.locator('#import-file').setInputFiles({ name: 'vehicle-registration.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(definition)) });
  await editor.getByRole('button', { name: 'Import as draft' }).click();
  await expect(pageAlert(editor).or(editor.getByRole('status'))).toContainText('The file was imported as the draft of Register a new vehicle.');
  await editor.getByRole('link', { name: 'Review the draft' }).click();
  await expect(editor.locator('main')).toContainText(change.en);
  await expect(editor.locator('main')).toContainText('You edited this draft, so another administrator must review and publish it.');
  await expect(editor.getByRole('button', { name: 'Publish this version' })).toHaveCount(0);

  // The second administrator reviews and publishes it with the prakas, from today.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, 'admin@demo.gov.kh');
  await reviewer.goto('/km/admin/services/vehicle-registration/review');
  await expect(reviewer.locator('main')).toContainText(change.km);
  await expectNoAxeViolations(reviewer);
  await reviewer.goto('/en/admin/services/vehicle-registration/review');
  await reviewer.getByRole('button', { name: 'Publish this version' }).click();
  await expect(reviewer.locator('main')).toContainText('Name the legal instrument in both languages');
  await reviewer.getByLabel('Legal instrument in Khmer').fill(prakas.km);
  await reviewer.getByLabel('Legal instrument in English').fill(prakas.en);
  await reviewer.getByLabel('Takes effect on').fill(today);
  await reviewer.getByRole('button', { name: 'Publish this version' }).click();
  await expect(reviewer.locator('main')).toContainText(`Version ${version + 1} is published.`);

  // The draft moves to the new version at its next save, and its owner is told what changed.
  await signIn(page, citizen, 'river lotus morning');
  await page.goto(draftPage);
  await page.getByLabel('Bought new from a dealer in Cambodia').check();
  await fillDate(page, 'Date of purchase', ['2', '11', '2026']);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The owner' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'This service changed since you started.' })).toContainText(change.en);
  await signOut(page);

  // After: a motorcycle filed now pays 35,000 riel for its plates; the one filed before keeps its fee.
  await registerCitizen(page, 'en', 'Lim Bopha');
  const after = await fileVehicleRegistration(page, 'JTFSS22P0K0777002', { vehicle: 'Motorcycle' });
  await expect((await officialFee(page, after.reference)).getByRole('row', { name: /Total official fee/ })).toContainText('55,000 riel');
  const kept = await officialFee(page, before.reference);
  await expect(kept.getByRole('row', { name: /Total official fee/ })).toContainText('50,000 riel');
  await expect(kept).toContainText(`The fee of this service changed from ${formatDay(today, 'en')} (${prakas.en}). This application was filed before, so it keeps the fee it was filed with.`);

  // The changelog, per service (from the service page) and for the catalogue, in both languages.
  await page.goto('/en/services/vehicle-registration');
  await page.getByRole('link', { name: 'History of changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Changes to Register a new vehicle' })).toBeVisible();
  await expect(page.locator('main')).toContainText(`${change.en} from ${formatDay(today, 'en')}, ${prakas.en}`);
  await page.goto('/km/changes');
  await expect(page.locator('main')).toContainText(`${change.km} ចាប់ពី ${formatDay(today, 'km')}, ${prakas.km}`);
  const json = await (await page.request.get('/api/open-data/service-changes.json')).json();
  expect(json.rows).toContainEqual(expect.objectContaining({ service_code: 'vehicle-registration', version: version + 1, change_en: change.en, change_km: change.km, legal_instrument_en: prakas.en, effective_from: today }));
});
