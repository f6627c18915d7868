import { browserUrl } from '../playwright.config';
import { expect, test } from './support/fixtures';

// The API's reference, as a developer of another government system reads it: from the footer,
// rendered by the portal itself from the npm package (nothing fetched from elsewhere), under its
// own policy (the fixture fails the test on anything the browser blocks).
test('the footer leads to the API reference, which renders the OpenAPI document with nothing from outside the portal', async ({ page }) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== browserUrl) elsewhere.push(request.url());
  });
  await page.goto('/en');
  await page.getByRole('contentinfo').getByRole('link', { name: 'API for other systems' }).click();
  await expect(page).toHaveURL('/api/reference');
  await expect(page.getByRole('heading', { name: /MPWT e-Services API/ })).toBeVisible();
  await page.getByRole('button', { name: "GET /licences/{number}/status A licence's status by its number" }).click();
  await expect(page.getByText("The holder's name and other personal details are never part of it.")).toBeVisible();
  // The answer's example, generated from the schema: the fields a client reads.
  await expect(page.locator('.opblock-body').getByText(/revokedReason/).first()).toBeVisible();
  expect(elsewhere).toEqual([]);

  await page.goto('/km');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'API សម្រាប់ប្រព័ន្ធផ្សេងទៀត' })).toHaveAttribute('href', '/api/reference');
});
