import { expect, sql, test, uniqueEmail } from './support/fixtures';
import { testIdentities } from './support/identities';
import { configuredUrl } from '../playwright.config';
import { finishRegistration } from './support/registration';

// Public and citizen pages work as plain HTML forms posting to server actions.
test.use({ javaScriptEnabled: false });

test('without JavaScript a citizen gets their errors, registers, signs out and signs in', async ({ page }) => {
  const email = uniqueEmail('nojs');
  await page.goto('/en/register');
  await page.getByLabel('Full name').fill('Sok Dara');
  await page.getByLabel('Email address or mobile number').fill(email);
  await page.getByLabel('Create a password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#password-error')).toContainText('Password must be at least 10 characters');
  await expect(page.getByLabel('Email address or mobile number')).toHaveValue(email);
  expect(await sql('select 1 from "User" where email = $1', [email])).toEqual([]);

  await page.getByLabel('Create a password').fill('river lotus morning');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email to finish' })).toBeVisible();
  await finishRegistration(page, email);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.getByLabel('Email address or mobile number').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('river lotus morning');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Welcome, Sok Dara')).toBeVisible();
});

test.describe(() => {
  // The provider sends the person back to the configured address (see national-id.spec.ts).
  test.use({ baseURL: configuredUrl });

  test('without JavaScript a citizen signs in with the national digital ID, and the account is made', async ({ page }) => {
    const person = testIdentities.noJavaScript;
    await page.goto('/en/sign-in');
    await page.getByRole('button', { name: 'Sign in with the national digital ID' }).click();
    await page.getByLabel(new RegExp(person.name)).check();
    await page.getByRole('button', { name: 'Sign in and share these details' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your identity' })).toContainText(person.nationalIdNumber);
  });
});
