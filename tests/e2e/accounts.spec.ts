import { copyOfStaff, expect, pageAlert, passSecondFactor, signedInAs, signIn, signOut, sql, test, uniqueEmail } from './support/fixtures';
import { receivedMail } from './support/mail';
import { finishRegistration } from './support/registration';

const password = 'river lotus morning';

async function register(page: import('@playwright/test').Page, fields: { name: string; identifier: string; password: string }, locale: 'en' | 'km' = 'en') {
  await page.goto(`/${locale}/register`);
  const labels = locale === 'en'
    ? { name: 'Full name', identifier: 'Email address or mobile number', password: 'Create a password', submit: 'Create account' }
    : { name: 'ឈ្មោះពេញ', identifier: 'អាសយដ្ឋានអ៊ីមែល ឬលេខទូរស័ព្ទដៃ', password: 'បង្កើតពាក្យសម្ងាត់', submit: 'បង្កើតគណនី' };
  await page.getByLabel(labels.name).fill(fields.name);
  await page.getByLabel(labels.identifier).fill(fields.identifier);
  await page.getByLabel(labels.password).fill(fields.password);
  await page.getByRole('button', { name: labels.submit }).click();
}

test('a citizen registers, follows the emailed link, signs out and signs in again', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, { name: 'Sok Dara', identifier: email, password });
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email to finish' })).toBeVisible();
  // Nothing exists until the link is followed.
  expect(await sql('select 1 from "User" where email = $1', [email])).toEqual([]);
  await finishRegistration(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
  await expect(page.getByText('Your account has been created.')).toBeVisible();
  await expect(page.getByText('You have not started any applications yet.')).toBeVisible();

  await signOut(page);
  await page.goto('/en/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
  await expect(page.getByText('Welcome, Sok Dara')).toBeVisible();
});

test('a citizen registers in Khmer with a mobile number and signs in with it', async ({ page }) => {
  const mobile = `097${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await register(page, { name: 'សុខ ដារា', identifier: mobile, password }, 'km');
  await expect(page.getByRole('heading', { level: 1, name: 'សូមពិនិត្យទូរស័ព្ទរបស់អ្នក ដើម្បីបញ្ចប់' })).toBeVisible();
  await finishRegistration(page, mobile, 'km');
  await signOut(page, 'km');
  await signIn(page, `+855 ${mobile.slice(1)}`, password, 'km');
  await expect(page.getByText('សូមស្វាគមន៍ សុខ ដារា')).toBeVisible();
});

test('registering with an address that has an account looks exactly like a new registration, makes nothing, and tells the owner', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, { name: 'First', identifier: email, password });
  await finishRegistration(page, email);
  await signOut(page);

  // What an outsider sees for an address nobody has…
  await register(page, { name: 'Second', identifier: uniqueEmail(), password: 'another long passphrase' });
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email to finish' })).toBeVisible();
  const fresh = { path: new URL(page.url()).pathname + new URL(page.url()).search, text: await page.locator('main').innerText() };
  // …and for one that has an account: the same address, heading and words.
  await register(page, { name: 'Second', identifier: email.toUpperCase(), password: 'another long passphrase' });
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email to finish' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(fresh.path);
  expect(await page.locator('main').innerText()).toBe(fresh.text);
  await expect(page.getByText('already exists')).toHaveCount(0);

  expect(await sql('select name from "User" where email = $1', [email])).toEqual([{ name: 'First' }]);
  expect(await sql('select 1 from "PendingRegistration" where email = $1', [email])).toEqual([]);
  const told = await receivedMail(email, 30_000, (m) => m.subject === 'Someone tried to create an account with your address');
  expect(told.text).toContain('You already have an account, so nothing was created');
  expect(told.text).toMatch(/Sign in: https?:\/\/\S+\/en\/sign-in/);
});

test('a weak password and a malformed phone number are explained in English, and the answers are kept', async ({ page }) => {
  await register(page, { name: 'Sok Dara', identifier: '023 123 456', password: 'short' });
  const summary = pageAlert(page).filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter a Cambodian mobile number, like 012 345 678' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Password must be at least 10 characters' })).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Sok Dara');
  await expect(page.getByLabel('Email address or mobile number')).toHaveValue('023 123 456');

  // Each summary link takes the user to the field to fix.
  await summary.getByRole('link', { name: 'Password must be at least 10 characters' }).click();
  await expect(page.getByLabel('Create a password')).toBeFocused();

  await register(page, { name: 'Sok Dara', identifier: uniqueEmail(), password: 'password123' });
  await expect(page.locator('#password-error')).toContainText('Choose a password that is harder to guess');
});

test('the same mistakes are explained in Khmer', async ({ page }) => {
  await register(page, { name: '', identifier: '12345', password: 'short' }, 'km');
  await expect(page.locator('#name-error')).toContainText('បញ្ចូលឈ្មោះពេញរបស់អ្នក');
  await expect(page.locator('#identifier-error')).toContainText('បញ្ចូលលេខទូរស័ព្ទដៃនៅកម្ពុជា ដូចជា 012 345 678');
  await expect(page.locator('#password-error')).toContainText('ពាក្យសម្ងាត់ត្រូវមានយ៉ាងហោចណាស់ ១០ តួអក្សរ');
});

test('a wrong password gets one clear message, in English and in Khmer', async ({ page }) => {
  await signIn(page, 'citizen@demo.gov.kh', 'not the password', 'en');
  await expect(pageAlert(page)).toContainText('The email address, mobile number or password is not right.');
  await expect(page.getByLabel('Email address or mobile number')).toHaveValue('citizen@demo.gov.kh');
  await signIn(page, 'citizen@demo.gov.kh', 'not the password', 'km');
  await expect(pageAlert(page)).toContainText('អាសយដ្ឋានអ៊ីមែល លេខទូរស័ព្ទ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។');
  // The demo citizen's failures must not lock the account for the other tests.
  await sql(`delete from "SignInThrottle" where key = 'account:citizen@demo.gov.kh'`);
});

test('too many wrong passwords lock the account for a while, and say so', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, { name: 'Sok Dara', identifier: email, password });
  await finishRegistration(page, email);
  await signOut(page);
  for (let i = 0; i < 5; i++) await signIn(page, email, `wrong ${i}`);
  await expect(pageAlert(page)).toContainText('There have been too many attempts to sign in. Wait 15 minutes, then try again.');
  await signIn(page, email, password);
  await expect(pageAlert(page)).toContainText('Wait 15 minutes');
});

const staffLandings = [
  { account: 'clerk.transport@demo.gov.kh', heading: 'Queue of the General Department of Land Transport', path: '/en/staff' },
  { account: 'clerk.works@demo.gov.kh', heading: 'Queue of the General Department of Public Works', path: '/en/staff' },
  { account: 'clerk.construction@demo.gov.kh', heading: 'Queue of the Department of Construction Management', path: '/en/staff' },
  { account: 'inspector@demo.gov.kh', heading: 'Queue of the General Inspectorate', path: '/en/staff' },
  { account: 'clerk.logistics@demo.gov.kh', heading: 'Queue of the General Department of Logistics', path: '/en/staff' },
  { account: 'clerk.inspection@demo.gov.kh', heading: 'Queue of the Department of Vehicle Technical Inspection', path: '/en/staff' },
  { account: 'supervisor.transport@demo.gov.kh', heading: 'Queue of the General Department of Land Transport', path: '/en/staff' },
  { account: 'head.works@demo.gov.kh', heading: 'Queue of the General Department of Public Works', path: '/en/staff' },
  { account: 'head.transport@demo.gov.kh', heading: 'Queue of the General Department of Land Transport', path: '/en/staff' },
  { account: 'auditor@demo.gov.kh', heading: 'Audit', path: '/en/audit' },
  { account: 'admin@demo.gov.kh', heading: 'Administration', path: '/en/admin' },
  { account: 'investor@demo.gov.kh', heading: 'Your applications', path: '/en/account' },
];

for (const { account, heading, path } of staffLandings) {
  test(`${account} signs in and lands on ${path}`, async ({ page }) => {
    await signIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  });
}

test("a clerk's queue holds only their department's files, and only a supervisor sees the workload", async ({ page, browser }) => {
  await signedInAs(page, 'inspector@demo.gov.kh');
  await page.goto('/en/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue of the General Inspectorate' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your departments' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Workload and reassignment' })).toHaveCount(0);
  const response = await page.goto('/en/staff/supervisor?department=inspection');
  expect(response?.status()).toBe(404);
  const supervisor = await (await browser.newContext()).newPage();
  await signedInAs(supervisor, 'supervisor.transport@demo.gov.kh');
  await supervisor.goto('/en/staff');
  await supervisor.getByRole('link', { name: 'Workload and reassignment' }).click();
  await expect(supervisor.getByRole('heading', { level: 1, name: 'Workload of the General Department of Land Transport' })).toBeVisible();
  await expect(supervisor.getByRole('table', { name: 'Files per member of staff' })).toContainText('កែវ សុភា');
  await expect(supervisor.getByRole('button', { name: 'Take the next file' })).toHaveCount(0);
});

test('a citizen who opens a staff address gets "Page not found"', async ({ page }) => {
  await signedInAs(page, 'citizen@demo.gov.kh');
  for (const path of ['/en/staff', '/en/admin', '/en/audit']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
});

test('a clerk who opens the administration gets "Page not found"', async ({ page }) => {
  await signedInAs(page, 'clerk.transport@demo.gov.kh');
  const response = await page.goto('/km/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'រកមិនឃើញទំព័រ' })).toBeVisible();
});

test('signing in from a protected page comes back to it, through the second step', async ({ page }) => {
  const auditor = await copyOfStaff('auditor@demo.gov.kh');
  await page.goto('/en/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address or mobile number').fill(auditor.email);
  await page.getByLabel('Password', { exact: true }).fill('Demo-Portal-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator' })).toBeVisible();
  await passSecondFactor(page, auditor.key);
  await expect(page).toHaveURL(/\/en\/audit$/);
});

test('a disabled account loses access on its next request', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, { name: 'Sok Dara', identifier: email, password });
  await finishRegistration(page, email);
  await sql(`update "User" set status = 'disabled' where email = $1`, [email]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
