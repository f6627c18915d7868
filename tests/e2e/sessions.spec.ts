// Sessions end on the server. Every test here ends sessions, so each signs in an account of its
// own through the form (never a stored, shared sign-in): ending them must not end anyone else's.
import type { Browser, Cookie, Page } from '@playwright/test';
import { demoPassword } from '../../prisma/seed';
import { copyOfStaff, expect, expectNoAxeViolations, passSecondFactor, signIn, signOut, sql, test, uniqueEmail } from './support/fixtures';

/** A citizen account of this test's own, with the demo password. */
async function newCitizen(): Promise<string> {
  const email = uniqueEmail('sessions');
  await sql(
    `with copy as (insert into "User" (id, name, email, "passwordHash", "updatedAt")
                   select gen_random_uuid(), 'Sessions Citizen', $2, "passwordHash", now() from "User" where email = $1 returning id)
     insert into "RoleAssignment" (id, "userId", role) select gen_random_uuid(), id, 'citizen' from copy`,
    ['citizen@demo.gov.kh', email],
  );
  return email;
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A fresh browser given cookies copied from another, asking for a signed-in page. */
async function replayCookies(browser: Browser, cookies: Cookie[], path: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** Moves the person's open sessions' last request back in time, as if they had been away. */
const idleFor = (email: string, minutes: number) =>
  sql(`update "Session" set "lastSeenAt" = "lastSeenAt" - make_interval(mins => $2) where "endedAt" is null and "userId" = (select id from "User" where email = $1)`, [email, minutes]);

const expectSignInFor = async (page: Page, path: string) => {
  await expect(page).toHaveURL(`/${path.split('/')[1]}/sign-in?next=${encodeURIComponent(path)}`);
};

test('a session cookie copied before sign-out is refused after it: the copy leads to the sign-in page, which comes back afterwards', async ({ page, browser }) => {
  const email = await newCitizen();
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
  const copied = await page.context().cookies();
  // Before sign-out the copy works: it is the same session.
  const before = await replayCookies(browser, copied, '/en/account');
  await expect(before.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();

  await signOut(page);
  const after = await replayCookies(browser, copied, '/en/account');
  await expectSignInFor(after, '/en/account');
  await expect(after.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(after.locator('main').getByRole('status').filter({ hasText: 'Your session has ended. Sign in again to continue.' })).toBeVisible();
  await expect(after.getByText('You are signed out after 12 hours without activity, and after 24 hours in any case')).toBeVisible();
  await expectNoAxeViolations(after);

  await after.getByLabel('Email address or mobile number').fill(email);
  await after.getByLabel('Password', { exact: true }).fill(demoPassword);
  await after.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(after.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
  await expect(after).toHaveURL('/en/account');
});

test('"Sign out everywhere" on the account page ends the session of another browser too', async ({ page, browser }) => {
  const email = await newCitizen();
  const other = await signedInPage(browser, email);
  await signIn(page, email);
  const section = page.getByRole('region', { name: 'Signing in' });
  await expect(section).toContainText('You are signed out after 12 hours without activity');
  await expectNoAxeViolations(page);
  await section.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.locator('main').getByRole('status').filter({ hasText: 'You have signed out on every device.' })).toBeVisible();

  await other.goto('/en/account');
  await expectSignInFor(other, '/en/account');
  await page.goto('/en/account');
  await expectSignInFor(page, '/en/account');
});

test('a password change ends the other sessions and keeps this one; wrong answers are explained in both languages', async ({ page, browser }) => {
  const email = await newCitizen();
  const other = await signedInPage(browser, email);
  await signIn(page, email);
  await page.getByRole('link', { name: 'Change your password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill('a new and longer password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#currentPassword-error')).toContainText('Your current password is not right');
  await expectNoAxeViolations(page);
  await page.getByLabel('Current password').fill(demoPassword);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#newPassword-error')).toContainText('Password must be at least 10 characters');
  // Nothing changed yet: the other browser is still signed in.
  await other.goto('/en/account');
  await expect(other.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();

  await page.getByLabel('Current password').fill(demoPassword);
  await page.getByLabel('New password').fill('a new and longer password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('main').getByRole('status').first()).toContainText('Your password has been changed');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();

  await other.goto('/en/account');
  await expectSignInFor(other, '/en/account');
  // The old password no longer opens the account; the new one does.
  await signIn(other, email);
  await expect(other.locator('main').getByRole('alert')).toBeVisible();
  await signIn(other, email, 'a new and longer password');
  await expect(other.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();

  await page.goto('/km/account/password');
  await page.getByRole('button', { name: 'ប្តូរពាក្យសម្ងាត់' }).click();
  await expect(page.locator('#currentPassword-error')).toContainText('បញ្ចូលពាក្យសម្ងាត់បច្ចុប្បន្នរបស់អ្នក');
  await expectNoAxeViolations(page);
});

test("an administrator ends all of a member of staff's sessions, with a reason the auditors see", async ({ page, browser }) => {
  const clerk = await copyOfStaff('clerk.transport@demo.gov.kh');
  const clerkPage = await signedInPage(browser, clerk.email);
  await passSecondFactor(clerkPage, clerk.key);
  await expect(clerkPage.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();

  await signIn(page, 'admin@demo.gov.kh');
  await page.getByLabel('Find a member of staff by name or email').fill(clerk.email);
  await page.getByLabel('Find a member of staff by name or email').press('Enter');
  await page.getByRole('link', { name: /^End all sessions/ }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'End all sessions of a member of staff' })).toBeVisible();
  await expect(page.getByText('One session is open.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'End all sessions' }).click();
  await expect(page.locator('#end-sessions-reason-error')).toContainText('Write the reason for ending the sessions');
  await page.getByLabel('Reason').fill('Laptop left open in the meeting room');
  await page.getByRole('button', { name: 'End all sessions' }).click();
  await expect(page.locator('main').getByRole('status').first()).toContainText('Every session of the person has ended');

  await clerkPage.goto('/en/staff');
  await expectSignInFor(clerkPage, '/en/staff');
  expect(await sql(`select e.type, e.data->>'reason' as reason from "AccountEvent" e join "User" u on u.id = e."userId" where u.email = $1`, [clerk.email])).toEqual([
    { type: 'sessions_ended', reason: 'Laptop left open in the meeting room' },
  ]);
});

test('a staff session idle for 31 minutes is refused (in Khmer too); a citizen idle as long carries on', async ({ page, browser }) => {
  const clerk = await copyOfStaff('clerk.works@demo.gov.kh');
  await signIn(page, clerk.email, undefined, 'km');
  await passSecondFactor(page, clerk.key, 'km');
  await expect(page).toHaveURL(/\/km\/staff/);
  await idleFor(clerk.email, 29);
  await page.goto('/km/staff');
  await expect(page).toHaveURL(/\/km\/staff/);
  await idleFor(clerk.email, 31);
  await page.goto('/km/staff');
  await expectSignInFor(page, '/km/staff');
  await expect(page.locator('main').getByRole('status').filter({ hasText: 'វគ្គរបស់អ្នកបានបញ្ចប់ហើយ។ សូមចូលគណនីម្តងទៀតដើម្បីបន្ត។' })).toBeVisible();
  await expectNoAxeViolations(page);

  const email = await newCitizen();
  const citizen = await signedInPage(browser, email);
  await idleFor(email, 31);
  await citizen.goto('/en/account');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
});
