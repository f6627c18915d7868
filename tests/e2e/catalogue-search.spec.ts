import { expect, test } from './support/fixtures';

// The catalogue's search and filters are a plain GET form: they work without JavaScript.
test.use({ javaScriptEnabled: false });

test('a Khmer search finds a service by a word of its document names, typed with invisible word breaks', async ({ page }) => {
  await page.goto('/km/services');
  // "ពន្ធគយ" (customs duty) is a word of "លិខិតបញ្ជាក់ការបង់ពន្ធគយ", a document of vehicle registration.
  await page.getByLabel('ស្វែងរកសេវា').fill('ពន្ធ\u200bគយ');
  await page.getByRole('button', { name: 'ស្វែងរក' }).click();
  await expect(page.getByRole('status')).toContainText('រកឃើញសេវា 1');
  await expect(page.getByRole('link', { name: 'ការចុះបញ្ជីយានយន្តថ្មី' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'លិខិតអនុញ្ញាតសាងសង់' })).toHaveCount(0);
});

test('filters by department and by who applies narrow the catalogue, and an empty result explains', async ({ page }) => {
  await page.goto('/en/services');
  const services = page.getByRole('heading', { level: 3 });
  const all = await services.count();

  await page.getByLabel('Who applies', { exact: true }).selectOption({ label: 'A company' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/applicant=company/);
  await expect(page.getByRole('link', { name: 'Transport operator licence' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Renew a driving licence' })).toHaveCount(0);
  const forCompanies = await services.count();
  expect(forCompanies).toBeLessThan(all);
  await expect(page.getByRole('status')).toContainText(`${forCompanies} services found`);

  await page.getByLabel('Department', { exact: true }).selectOption({ label: 'General Department of Public Works' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByLabel('Who applies', { exact: true })).toHaveValue('company');
  await expect(page.getByRole('link', { name: 'Permit to dig in a national road right-of-way' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Transport operator licence' })).toHaveCount(0);
  expect(await services.count()).toBeLessThan(forCompanies);

  await page.getByLabel('Search services').fill('driving');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toContainText('No services found');
  await expect(page.getByRole('status')).toContainText('Check the spelling');
  await page.getByRole('link', { name: 'Show all services' }).click();
  await expect(services).toHaveCount(all);
});
