import { expect, signedInAs, test } from './support/fixtures';

// A day far from every other test's files: no open file is due after it.
const day = '2041-03-07';

test('an administrator adds, renames and removes a public holiday, in Khmer and English', async ({ page }) => {
  await signedInAs(page, 'admin@demo.gov.kh');
  await page.goto('/km/admin');
  await page.getByRole('link', { name: 'ថ្ងៃឈប់សម្រាកសាធារណៈ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ថ្ងៃឈប់សម្រាកសាធារណៈ' })).toBeVisible();

  // Bad input is answered beside its field and adds nothing.
  await page.getByRole('button', { name: 'បន្ថែមថ្ងៃឈប់សម្រាក' }).click();
  await expect(page.getByText('សូមបញ្ចូលកាលបរិច្ឆេទនៃថ្ងៃឈប់សម្រាក').first()).toBeVisible();
  await expect(page.getByText('សូមបញ្ចូលឈ្មោះជាភាសាអង់គ្លេស').first()).toBeVisible();

  await page.getByLabel('កាលបរិច្ឆេទ').fill(day);
  await page.getByLabel('ឈ្មោះជាភាសាខ្មែរ').fill('ថ្ងៃឈប់សម្រាកសាកល្បង');
  await page.getByLabel('ឈ្មោះជាភាសាអង់គ្លេស').fill('A test holiday');
  await page.getByRole('button', { name: 'បន្ថែមថ្ងៃឈប់សម្រាក' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'បានបន្ថែមថ្ងៃឈប់សម្រាក' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'ថ្ងៃឈប់សម្រាកសាធារណៈឆ្នាំ 2041' })).toContainText('ថ្ងៃឈប់សម្រាកសាកល្បង');

  // The same day again is refused.
  await page.getByLabel('កាលបរិច្ឆេទ').fill(day);
  await page.getByLabel('ឈ្មោះជាភាសាខ្មែរ').fill('ម្តងទៀត');
  await page.getByLabel('ឈ្មោះជាភាសាអង់គ្លេស').fill('Again');
  await page.getByRole('button', { name: 'បន្ថែមថ្ងៃឈប់សម្រាក' }).click();
  await expect(page.getByText('ថ្ងៃនោះជាថ្ងៃឈប់សម្រាកសាធារណៈរួចហើយ').first()).toBeVisible();

  await page.goto('/en/admin/holidays?year=2041');
  await page.getByRole('link', { name: /Change or remove/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change a holiday' })).toBeVisible();
  await page.getByLabel('Name in English').fill('A renamed test holiday');
  await page.getByRole('button', { name: 'Save the names' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Holiday renamed.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Public holidays of 2041' })).toContainText('A renamed test holiday');

  await page.getByRole('link', { name: /Change or remove/ }).click();
  await page.getByRole('button', { name: 'Remove the holiday' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Holiday removed. No open file's due date moved." })).toBeVisible();
  await expect(page.getByText('No public holiday is on the calendar for 2041 yet.')).toBeVisible();
});

test('the holiday pages are not found for anyone but an administrator', async ({ page }) => {
  await signedInAs(page, 'clerk.transport@demo.gov.kh');
  await page.goto('/en/admin/holidays');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
