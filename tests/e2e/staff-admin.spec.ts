// Staff from the administrator's screens: a clerk is invited by email (real SMTP on loopback),
// joins, sets up the second step and takes a file; is moved to another department and sees only
// its queue; is deactivated, and their next request is refused while the file they held waits in
// the queue again. In Khmer: the invitation email and page, and a department code already taken.
import type { Browser, Page } from '@playwright/test';
import { fileConstructionPermit, fileVehicleRegistration, registerCitizen } from './support/apply';
import { authenticatorCode, expect, expectNoAxeViolations, pageAlert, signIn, test, uniqueEmail } from './support/fixtures';
import { receivedMail } from './support/mail';

const password = 'a river at morning light';
const success = (page: Page) => page.locator('main').getByRole('status').first();

async function newBrowser(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The path of the invitation link in the email the SMTP server received for `email`. */
async function invitationLink(email: string, subject: string): Promise<string> {
  const mail = await receivedMail(email, 30_000, (m) => m.subject === subject);
  return new URL(mail.text!.match(/https?:\/\/\S+\/join-staff\/[\w-]+/)![0]).pathname;
}

/** The administrator invites a person from the admin home page, in English. */
async function invite(admin: Page, person: { name: string; email: string; role: string; department?: string }) {
  await admin.goto('/en/admin');
  await admin.getByRole('link', { name: 'Invite a member of staff' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Invite a member of staff' })).toBeVisible();
  await admin.getByLabel('Full name').fill(person.name);
  await admin.getByLabel('Email address').fill(person.email);
  await admin.getByLabel('Role').selectOption({ label: person.role });
  if (person.department) await admin.getByLabel('Department').selectOption({ label: person.department });
  await admin.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(success(admin)).toContainText(`The invitation was sent to ${person.email}.`);
}

/** The first sign-in of a new member of staff: password, then the authenticator set up. */
async function firstSignIn(page: Page, email: string) {
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your second step' })).toBeVisible();
  const key = (await page.getByTestId('authenticator-key').textContent())!.replaceAll(' ', '');
  await page.getByLabel('Code from the app').fill(authenticatorCode(key));
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await page.getByRole('button', { name: 'I have kept them: continue' }).click();
}

test('a clerk is invited, joins with the second step and takes a file; moved, sees only the new queue; deactivated, is refused and the file waits in the queue again', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await registerCitizen(page, 'en', 'Lim Sreyleak');
  const vehicle = await fileVehicleRegistration(page);
  const permit = await fileConstructionPermit(page);

  const admin = await newBrowser(browser);
  await signIn(admin, 'admin@demo.gov.kh');
  const email = uniqueEmail('new-clerk');
  const name = `Chea Vannak ${Date.now().toString(36)}`;
  await invite(admin, { name, email, role: 'Clerk', department: 'General Department of Land Transport' });
  await expectNoAxeViolations(admin);

  const clerk = await newBrowser(browser);
  const link = await invitationLink(email, 'You are invited to join the staff of MPWT e-Services');
  await clerk.goto(link);
  await expect(clerk.getByRole('heading', { level: 1, name: "Join the ministry's staff" })).toBeVisible();
  await expect(clerk.getByText(`${name}, you are invited to work on the e-Services portal as Clerk in General Department of Land Transport.`)).toBeVisible();
  await expectNoAxeViolations(clerk);
  await clerk.getByLabel('Password', { exact: true }).fill('short');
  await clerk.getByRole('button', { name: 'Create my account' }).click();
  await expect(clerk.locator('#join-staff-newPassword-error')).toContainText('Password must be at least 10 characters');
  await clerk.getByLabel('Password', { exact: true }).fill(password);
  await clerk.getByRole('button', { name: 'Create my account' }).click();
  await expect(success(clerk)).toContainText('Your account is ready.');
  // The link worked once.
  await clerk.goto(link);
  await expect(pageAlert(clerk)).toContainText('This invitation has already been used. It works once.');

  await firstSignIn(clerk, email);
  await expect(clerk.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();
  await clerk.goto(`/en/staff/applications/${vehicle.id}`);
  await clerk.getByRole('button', { name: 'Take this file' }).click();
  await expect(success(clerk)).toContainText('The file is now yours.');

  // The administrator finds the clerk and moves them to public works.
  await admin.goto('/en/admin');
  await admin.getByLabel('Find a member of staff by name or email').fill(email);
  await admin.getByLabel('Find a member of staff by name or email').press('Enter');
  await admin.getByRole('link', { name: `${name} (Roles and account)` }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(admin.getByText('Files taken now: 1')).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByLabel('To', { exact: true }).selectOption({ label: 'General Department of Public Works' });
  await admin.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(success(admin)).toContainText('The person was moved.');
  await expect(admin.getByText('Files taken now: 0')).toBeVisible();

  // Their next page is the new department's queue only; the vehicle file is no longer theirs to open.
  await clerk.goto('/en/staff');
  await expect(clerk.getByRole('heading', { level: 1, name: 'Queue of the General Department of Public Works' })).toBeVisible();
  await expect(clerk.getByRole('link', { name: vehicle.reference, exact: true })).toHaveCount(0);
  await clerk.goto(`/en/staff/applications/${vehicle.id}`);
  await expect(clerk.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await clerk.goto(`/en/staff/applications/${permit.id}`);
  await clerk.getByRole('button', { name: 'Take this file' }).click();
  await expect(success(clerk)).toContainText('The file is now yours.');

  // Land transport sees the vehicle file back in its queue, with nobody holding it.
  const landTransport = await newBrowser(browser);
  await signIn(landTransport, 'clerk.transport@demo.gov.kh');
  await landTransport.goto(`/en/staff/applications/${vehicle.id}`);
  await expect(landTransport.getByText('File returned to the queue')).toBeVisible();
  await expect(landTransport.getByRole('button', { name: 'Take this file' })).toBeVisible();

  await admin.getByRole('button', { name: 'Deactivate' }).click();
  await expect(success(admin)).toContainText('The account was deactivated and its sessions ended.');
  await expect(admin.getByText('Disabled', { exact: true })).toBeVisible();

  // The clerk's next request is refused: the session no longer opens anything.
  await clerk.goto('/en/staff');
  await expect(clerk).toHaveURL(/\/en\/sign-in\?next=/);
  await signIn(clerk, email, password);
  await expect(clerk).toHaveURL(/\/en\/sign-in/);

  // The permit the clerk held waits in public works' queue for anyone to take.
  const works = await newBrowser(browser);
  await signIn(works, 'clerk.works@demo.gov.kh');
  await works.goto(`/en/staff/applications/${permit.id}`);
  await expect(works.getByText('File returned to the queue')).toBeVisible();
  await expect(works.getByRole('button', { name: 'Take this file' })).toBeVisible();

  // Auditors read every act on the person.
  const clerkId = new URL(admin.url()).pathname.split('/')[4]!;
  const auditor = await newBrowser(browser);
  await signIn(auditor, 'auditor@demo.gov.kh');
  await auditor.goto('/en/audit');
  const acts = auditor.getByRole('table', { name: 'Administrative acts' }).getByRole('row').filter({ hasText: `user:${clerkId}` });
  await expect(acts.filter({ hasText: 'Account deactivated' })).toHaveCount(1);
  await expect(acts.filter({ hasText: 'Moved to another department' })).toHaveCount(1);
  await expect(acts.filter({ hasText: 'Invitation accepted: Clerk' })).toHaveCount(1);
});

test('in Khmer: the invitation arrives in Khmer and its page speaks Khmer; a department code already taken is refused and nothing changes', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.gov.kh', undefined, 'km');
  await page.goto('/km/admin/staff/invite');
  await expect(page.getByRole('heading', { level: 1, name: 'អញ្ជើញមន្ត្រីថ្មី' })).toBeVisible();
  const email = uniqueEmail('auditor');
  await page.getByLabel('ឈ្មោះពេញ').fill('ហេង សុភា');
  await page.getByLabel('អាសយដ្ឋានអ៊ីមែល').fill(email);
  await page.getByLabel('តួនាទី').selectOption({ label: 'សវនករ' });
  await page.getByRole('button', { name: 'ផ្ញើការអញ្ជើញ' }).click();
  await expect(success(page)).toContainText(`ការអញ្ជើញត្រូវបានផ្ញើទៅ ${email}។`);

  const joining = await newBrowser(browser);
  await joining.goto(await invitationLink(email, 'អ្នកត្រូវបានអញ្ជើញឱ្យចូលរួមជាមន្ត្រីនៃសេវាអេឡិចត្រូនិក ក.ស.ដ'));
  await expect(joining.getByRole('heading', { level: 1, name: 'ចូលរួមជាមន្ត្រីក្រសួង' })).toBeVisible();
  await expect(joining.getByText('ហេង សុភា អ្នកត្រូវបានអញ្ជើញឱ្យធ្វើការលើវិបផតថលសេវាអេឡិចត្រូនិក ក្នុងនាមជា សវនករ។')).toBeVisible();
  await expect(joining.locator('html')).toHaveAttribute('lang', 'km');

  await page.goto('/km/admin/departments');
  await expect(page.getByRole('heading', { level: 1, name: 'នាយកដ្ឋាន' })).toBeVisible();
  await page.getByLabel('កូដ').fill('land-transport');
  await page.getByLabel('ឈ្មោះជាភាសាខ្មែរ').fill('នាយកដ្ឋានថ្មី');
  await page.getByLabel('ឈ្មោះជាភាសាអង់គ្លេស').fill('A new department');
  await page.getByRole('button', { name: 'បង្កើតនាយកដ្ឋាន' }).click();
  await expect(page.locator('#create-department-code-error')).toContainText('មាននាយកដ្ឋានមួយប្រើកូដនេះរួចហើយ។ សូមជ្រើសរើសកូដផ្សេង');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByRole('cell', { name: 'A new department' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'General Department of Land Transport', exact: true })).toBeVisible();
});
