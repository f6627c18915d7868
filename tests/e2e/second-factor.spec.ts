import { authenticatorCode, copyOfStaff, expect, expectNoAxeViolations, pageAlert, passSecondFactor, signedInAs, signIn, signOut, sql, test } from './support/fixtures';

test('a new member of staff sets up an authenticator before any back-office page opens; a code works once, a recovery code too', async ({ page }) => {
  const clerk = await copyOfStaff('clerk.transport@demo.gov.kh', { enrolled: false });
  await signIn(page, clerk.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your second step' })).toBeVisible();
  await expectNoAxeViolations(page);
  // The back office is not reachable with the password alone.
  for (const path of ['/en/staff', '/en/staff/supervisor', '/en/audit', '/en/admin']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your second step');
  }

  await page.goto('/en/staff');
  const key = (await page.getByTestId('authenticator-key').textContent())!.replaceAll(' ', '');
  await expect(page.getByRole('img', { name: 'QR code to add MPWT e-Services to your authenticator app' })).toBeVisible();
  const code = authenticatorCode(key);
  await page.getByLabel('Code from the app').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await expect(page.locator('#code-error')).toContainText('That code is not right');

  await page.getByLabel('Code from the app').fill(code);
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  const recoveryCodes = page.getByRole('list', { name: 'Your second step is set up' }).getByRole('listitem');
  await expect(recoveryCodes).toHaveCount(10);
  const recovery = (await recoveryCodes.first().textContent())!;
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'I have kept them: continue' }).click();
  // Back where they were going.
  await expect(page.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();

  await signOut(page);
  await signIn(page, clerk.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator' })).toBeVisible();
  // Someone who saw the code over the clerk's shoulder cannot use it again.
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.locator('#code-error')).toContainText('That code has already been used');
  await page.getByLabel('Code', { exact: true }).fill(recovery);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();

  // The same recovery code a second time: refused.
  await signOut(page);
  await signIn(page, clerk.email);
  await page.getByLabel('Code', { exact: true }).fill(recovery);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.locator('#code-error')).toContainText('That code is not right');
  expect(await sql(`select type from "AccountEvent" e join "User" u on u.id = e."userId" where u.email = $1 order by e.id`, [clerk.email])).toEqual([
    { type: 'second_factor_enrolled' },
    { type: 'recovery_code_used' },
  ]);
});

test('wrong codes are refused in Khmer, and five of them lock the second step for a while', async ({ page }) => {
  const clerk = await copyOfStaff('clerk.works@demo.gov.kh');
  await signIn(page, clerk.email, undefined, 'km');
  await expect(page.getByRole('heading', { level: 1, name: 'បញ្ចូលលេខកូដពីកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក' })).toBeVisible();
  await expectNoAxeViolations(page);
  const right = authenticatorCode(clerk.key);
  const wrong = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
  for (let i = 0; i < 4; i++) {
    await page.locator('#code').fill(wrong(i));
    await page.getByRole('button', { name: 'បន្ត', exact: true }).click();
    // Answered when the form is cleared for the next code (the message stays from the last try).
    await expect(page.locator('#code')).toHaveValue('');
    await expect(page.locator('#code-error')).toContainText('លេខកូដនោះមិនត្រឹមត្រូវទេ');
  }
  await page.locator('#code').fill(wrong(4));
  await page.getByRole('button', { name: 'បន្ត', exact: true }).click();
  await expect(pageAlert(page)).toContainText('លេខកូដខុសច្រើនដងពេក');
  // Locked even for the right code.
  await passSecondFactor(page, clerk.key, 'km');
  await expect(pageAlert(page)).toContainText('លេខកូដខុសច្រើនដងពេក');
  await expect(page).toHaveURL(/\/km\/two-factor/);
});

test("an administrator resets a lost authenticator: the person's open session ends at once, and the auditors see it", async ({ page, browser }) => {
  const clerk = await copyOfStaff('clerk.transport@demo.gov.kh');
  const clerkPage = await (await browser.newContext()).newPage();
  await signIn(clerkPage, clerk.email);
  await passSecondFactor(clerkPage, clerk.key);
  await expect(clerkPage.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();

  await signedInAs(page, 'admin@demo.gov.kh');
  await page.goto('/en/admin');
  await page.getByLabel('Find a member of staff by name or email').fill(clerk.email);
  await page.getByLabel('Find a member of staff by name or email').press('Enter');
  // By keyboard: the administration's wide tables make a phone-size tap land on the wrong table.
  await page.getByRole('link', { name: /^Reset/ }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Reset a second step' })).toBeVisible();
  await expect(page.getByText(clerk.email)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Reset the second step' }).click();
  await expect(page.locator('#reset-reason-error')).toContainText('Write the reason for the reset');
  await page.getByLabel('Reason').fill('Phone lost on the way home');
  await page.getByRole('button', { name: 'Reset the second step' }).click();
  await expect(page.locator('main').getByRole('status').first()).toContainText('The second step was reset');

  // The session ends; signing in again leads to setting up a new authenticator.
  await clerkPage.goto('/en/staff');
  await expect(clerkPage).toHaveURL(`/en/sign-in?next=${encodeURIComponent('/en/staff')}`);
  await signIn(clerkPage, clerk.email);
  await expect(clerkPage.getByRole('heading', { level: 1, name: 'Set up your second step' })).toBeVisible();

  const auditor = await (await browser.newContext()).newPage();
  await signedInAs(auditor, 'auditor@demo.gov.kh');
  await auditor.goto('/en/audit');
  const row = auditor.getByRole('row').filter({ hasText: 'Phone lost on the way home' });
  await expect(row).toContainText('Second step reset by an administrator');
});
