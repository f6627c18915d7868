// Accounts people can keep: a forgotten password chosen anew by a link in an email (real SMTP
// on loopback) or a code by SMS (the SMS transport's log), and an address added and confirmed
// from the account page. Each test has an account of its own: a reset ends every session.
import type { Browser, Page } from '@playwright/test';
import { demoPassword } from '../../prisma/seed';
import { copyOfStaff, expect, expectNoAxeViolations, passSecondFactor, signIn, sql, test, uniqueEmail } from './support/fixtures';
import { receivedMail } from './support/mail';
import { receivedSms } from './support/sms';

const newPassword = 'a river at morning light';
const randomLocalMobile = () => `097${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** A citizen with the demo password and a proven address (email, or a mobile number like 097…). */
async function citizenWith(address: { email: string } | { phone: string }): Promise<void> {
  const email = 'email' in address ? address.email : null;
  const phone = 'phone' in address ? `+855${address.phone.slice(1)}` : null;
  await sql(
    `with copy as (insert into "User" (id, name, email, "emailVerifiedAt", phone, "phoneVerifiedAt", "passwordHash", "updatedAt")
                   select gen_random_uuid(), 'Reset Citizen', $2, case when $2::text is null then null else now() end,
                          $3, case when $3::text is null then null else now() end, "passwordHash", now()
                   from "User" where email = $1 returning id)
     insert into "RoleAssignment" (id, "userId", role) select gen_random_uuid(), id, 'citizen' from copy`,
    ['citizen@demo.gov.kh', email, phone],
  );
}

/** A fresh browser with the cookies another held, asking for the account page. */
async function withCopiedCookies(browser: Browser, from: Page, path: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await from.context().cookies());
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test('forgotten password by email, in English: the link sets a new one, once, and a copied session cookie stops working', async ({ page, browser }) => {
  const email = uniqueEmail('reset');
  await citizenWith({ email });
  const signedIn = await (await browser.newContext()).newPage();
  await signIn(signedIn, email);

  await page.goto('/en/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address or mobile number').fill(email);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(page.getByText('If an account uses this email address')).toBeVisible();

  const mail = await receivedMail(email, 30_000, (m) => m.subject === 'Choose a new password for MPWT e-Services');
  const link = new URL(mail.text!.match(/https?:\/\/\S+\/forgot-password\/new\/[\w-]+/)![0]);
  await page.goto(link.pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.locator('#newPassword-error')).toContainText('Password must be at least 10 characters');
  await expectNoAxeViolations(page);
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.locator('main').getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();

  // The session signed in before the reset has ended, whatever copy of its cookie comes.
  const copy = await withCopiedCookies(browser, signedIn, '/en/account');
  await expect(copy).toHaveURL(/\/en\/sign-in\?next=/);
  // The link worked once.
  await page.goto(link.pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'This link has expired or was already used' })).toBeVisible();
  await signIn(page, email, newPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
});

test('forgotten password by SMS, in Khmer: the code from the text message opens the page to choose a new one', async ({ page }) => {
  const local = randomLocalMobile();
  await citizenWith({ phone: local });

  await page.goto('/km/forgot-password');
  await page.getByLabel('អាសយដ្ឋានអ៊ីមែល ឬលេខទូរស័ព្ទដៃ').fill(local);
  await page.getByRole('button', { name: 'ផ្ញើ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'សូមពិនិត្យទូរស័ព្ទរបស់អ្នក' })).toBeVisible();
  // The number typed on the first page is filled in.
  await expect(page.getByLabel('លេខទូរស័ព្ទដៃ')).toHaveValue(local);
  await page.getByLabel('លេខកូដពីសារ SMS').fill('12');
  await page.getByRole('button', { name: 'បន្ត' }).click();
  await expect(page.locator('#code-error')).toContainText('បញ្ចូលលេខកូដ ៦ ខ្ទង់');
  await expectNoAxeViolations(page);

  const text = await receivedSms(`+855${local.slice(1)}`, (t) => t.includes('ពាក្យសម្ងាត់ថ្មី'));
  await page.getByLabel('លេខកូដពីសារ SMS').fill(text.match(/\d{6}/)![0]);
  await page.getByRole('button', { name: 'បន្ត' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ជ្រើសរើសពាក្យសម្ងាត់ថ្មី' })).toBeVisible();
  await page.getByLabel('ពាក្យសម្ងាត់ថ្មី').fill(newPassword);
  await page.getByRole('button', { name: 'រក្សាទុកពាក្យសម្ងាត់ថ្មី' }).click();
  await expect(page.locator('main').getByRole('status').filter({ hasText: 'ពាក្យសម្ងាត់របស់អ្នកត្រូវបានផ្លាស់ប្តូរ' })).toBeVisible();
  await signIn(page, local, newPassword, 'km');
  await expect(page.getByRole('heading', { level: 1, name: 'ពាក្យស្នើសុំរបស់អ្នក' })).toBeVisible();
});

test('a member of staff adds a mobile number on their account page; it is used once its code is entered', async ({ page }) => {
  const staff = await copyOfStaff('clerk.transport@demo.gov.kh');
  await signIn(page, staff.email, demoPassword, 'en', { secondFactor: false });
  await passSecondFactor(page, staff.key);
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your last sign-ins' })).toContainText('Password');

  const local = randomLocalMobile();
  const details = page.getByRole('region', { name: 'Your email address and mobile number' });
  await details.getByText('Add (Mobile number)').click();
  await details.getByLabel('New mobile number').fill(local);
  // Not without the account's password: someone at a computer left signed in could otherwise
  // move the address and reset the password through it.
  // (The email address's form, folded away, asks for it too: this is the mobile number's.)
  const currentPassword = page.locator('#sms-new-currentPassword');
  await expect(currentPassword).toHaveAccessibleName('Current password');
  await currentPassword.fill('not the password');
  await details.getByRole('button', { name: 'Send a code' }).click();
  await expect(page.locator('#sms-new-currentPassword-error')).toContainText('Your current password is not right');
  await currentPassword.fill(demoPassword);
  await details.getByRole('button', { name: 'Send a code' }).click();
  await expect(details.getByText(`We sent a code to +855${local.slice(1)}`)).toBeVisible();
  await expectNoAxeViolations(page);

  const text = await receivedSms(`+855${local.slice(1)}`, (t) => t.includes('confirm this number'));
  await details.getByLabel('Code', { exact: true }).fill(text.match(/\d{6}/)![0]);
  await details.getByRole('button', { name: 'Confirm' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Your mobile number is confirmed' })).toBeVisible();
  await expect(details).toContainText(`+855${local.slice(1)}Confirmed`);
});
