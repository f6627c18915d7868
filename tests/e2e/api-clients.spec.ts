import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import { canonicalFields, signFields } from '../../lib/licences/signature';
import { browserUrl, configuredUrl } from '../playwright.config';
import { PortalApi } from '../support/api-client';
import { fileVehicleRegistration, registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signIn, sql, test } from './support/fixtures';

const trafficPolice = { en: 'Traffic Police, Ministry of Interior', km: 'នគរបាលចរាចរណ៍ ក្រសួងមហាផ្ទៃ' };

/** Issues the licence of a filed application, signed as final approval signs one. */
async function issue(applicationId: string, holder: string): Promise<string> {
  const number = `VRC-2026-${String(900_000 + randomInt(99_999)).padStart(6, '0')}`;
  const text = canonicalFields({ number, service: 'vehicle-registration', holder, validFrom: '2026-12-01', validUntil: null });
  await sql(`update "Application" set status = 'issued' where id = $1`, [applicationId]);
  await sql(
    `insert into "Licence" (id, number, "applicationId", "holderName", "validFrom", "signedFields", signature) values (gen_random_uuid(), $1, $2, $3, '2026-12-01', $4, $5)`,
    [number, applicationId, holder, text, signFields(text)],
  );
  return number;
}

/** The id and secret on the panel that shows them once. */
async function issuedCredentials(page: Page) {
  await expect(page.getByText('It is not shown again')).toBeVisible();
  return { id: (await page.getByTestId('issued-client-id').textContent())!, secret: (await page.getByTestId('issued-secret').textContent())! };
}

const tokenStatus = async (client: { id: string; secret: string }) => (await PortalApi.requestToken(browserUrl, client)).status;

test("an administrator registers the traffic police's client; it reads a citizen's licence, the citizen sees the read; then a new secret, then revoked", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // A citizen with a vehicle registration issued.
  const citizen = await (await browser.newContext()).newPage();
  await registerCitizen(citizen, 'en', 'Sok Dara Police');
  const { id: applicationId } = await fileVehicleRegistration(citizen);
  const number = await issue(applicationId, 'Sok Dara Police');

  await signIn(page, 'admin@demo.gov.kh');
  await page.getByRole('link', { name: 'API clients: systems that read the portal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API clients' })).toBeVisible();
  await page.getByRole('link', { name: 'Register a client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register an API client' })).toBeVisible();
  await page.getByLabel('Name of the system').fill('Roadside licence checks');
  await page.getByLabel('A government institution').check();
  await page.getByLabel("Institution's name in English").fill(trafficPolice.en);
  await page.getByLabel("Institution's name in Khmer").fill(trafficPolice.km);
  await page.getByLabel(/^Licences, with their holder/).check();
  await page.getByLabel('IP addresses it calls from (optional)').fill('203.0.113.7\n10.20.0.0/33');
  await page.getByLabel('Requests a minute').fill('0');
  await page.getByRole('button', { name: 'Register and show the secret' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Line 2, "10.20.0.0/33", is not an IP address or range. Write one per line, for example 203.0.113.7 or 10.20.0.0/16' })).toBeVisible();
  await expect(pageAlert(page).getByRole('link', { name: 'Enter the requests a minute as a whole number from 1 to 6,000' })).toBeVisible();
  await expect(page.getByLabel("Institution's name in English")).toHaveValue(trafficPolice.en);
  await expectNoAxeViolations(page);
  expect(await sql(`select 1 from "ApiClient" where name = 'Roadside licence checks'`)).toEqual([]);

  // Allowed from anywhere: the test's calls come from loopback.
  await page.getByLabel('IP addresses it calls from (optional)').fill('');
  await page.getByLabel('Requests a minute').fill('300');
  await page.getByRole('button', { name: 'Register and show the secret' }).click();
  await expect(page.getByRole('heading', { name: 'Client registered' })).toBeVisible();
  const first = await issuedCredentials(page);
  // The token address is the portal's public one, whatever host the browser used.
  await expect(page.getByText(`POST ${configuredUrl}/api/v1/oauth/token`)).toBeVisible();
  await expectNoAxeViolations(page);
  // Shown once: a reload is the empty form again, and the secret is on no page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Register an API client' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(first.secret);
  expect(page.url()).not.toContain(first.secret);

  // The traffic police's system, from the outside: a token, then the licence by its number.
  const token = await PortalApi.requestToken(browserUrl, first);
  if (token.status !== 200) throw new Error(`no token: ${token.error.error}`);
  const police = new PortalApi(browserUrl, 'en', token.token.access_token);
  expect(await police.licence(number)).toMatchObject({ status: 200, body: { number, holder: { name: 'Sok Dara Police' } } });

  // The citizen sees who opened their file, and when.
  await citizen.goto(`/en/applications/${applicationId}`);
  const opened = citizen.locator('h2:has-text("Who opened your file") ~ ul').first();
  await expect(opened).toContainText(new RegExp(`Opened by ${trafficPolice.en}, \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2}`));

  // The administrator finds the client and makes a new secret: the old one gets no token.
  await page.goto('/en/admin/api-clients');
  await page.getByRole('link', { name: 'Roadside licence checks' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadside licence checks' })).toBeVisible();
  await expect(page.locator('main')).toContainText(first.id);
  await expect(page.getByRole('link', { name: 'Webhooks' })).toHaveAttribute('href', `/en/admin/api-clients/${first.id}/webhooks`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Make a new secret' }).click();
  await expect(page.getByRole('heading', { name: 'Make a new secret for Roadside licence checks?' })).toBeVisible();
  await page.getByRole('button', { name: 'Yes, make a new secret' }).click();
  await expect(page.getByRole('heading', { name: 'New secret made' })).toBeVisible();
  const second = await issuedCredentials(page);
  expect(second.id).toBe(first.id);
  expect(second.secret).not.toBe(first.secret);
  expect(await tokenStatus(first)).toBe(401);
  expect((await police.licence(number)).status).toBe(401);
  const afterRotation = await PortalApi.signedIn(browserUrl, second);
  expect((await afterRotation.licence(number)).status).toBe(200);

  // Revoked, after a second step: its tokens and its secret stop working.
  await page.reload();
  await page.getByRole('button', { name: 'Revoke the client' }).click();
  await expect(page.getByRole('heading', { name: 'Revoke Roadside licence checks?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, revoke it' }).click();
  await expect(page.getByText('The client was revoked.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make a new secret' })).toHaveCount(0);
  expect(await tokenStatus(second)).toBe(401);
  expect((await afterRotation.licence(number)).status).toBe(401);
  await page.goto('/en/admin/api-clients');
  await expect(page.getByRole('row', { name: /Roadside licence checks/ }).first()).toContainText('Revoked');
  expect((await sql<{ type: string }>(`select type from "AccountEvent" where data->>'clientId' = $1 order by id`, [first.id])).map((e) => e.type)).toEqual([
    'api_client_registered', 'api_client_secret_rotated', 'api_client_revoked',
  ]);
});

test.describe(() => {
  // A company's owner, without JavaScript: the forms post to the server actions as plain HTML.
  test.use({ javaScriptEnabled: false });

  test("a company's owner registers a client for the company, in Khmer; a manager of the company gets not found", async ({ page, browser }) => {
    const ownerEmail = await registerCitizen(page, 'km', 'ម៉ែន សុភ័ក្ត្រ');
    const registration = String(10_000_000 + randomInt(89_999_999));
    const [company] = await sql<{ id: string }>(
      `with o as (insert into "Organisation" (id, "nameKm", "nameEn", "registrationNumber", "taxId", address)
                  values (gen_random_uuid(), 'ក្រុមហ៊ុន មេគង្គ ដឹកជញ្ជូន', 'Mekong Haulage Co., Ltd.', $1, $2, '{"province":"kandal","line":"No. 3"}') returning id)
       insert into "OrganisationMembership" (id, "organisationId", "userId", role)
       select gen_random_uuid(), o.id, u.id, 'owner' from o, "User" u where u.email = $3 returning "organisationId" as id`,
      [registration, `K002-${registration}0`, ownerEmail],
    );
    await page.goto(`/km/organisations/${company!.id}`);
    await page.getByRole('link', { name: 'ម៉ាស៊ីនភ្ញៀវ API៖ ប្រព័ន្ធរបស់ក្រុមហ៊ុនអ្នក ដែលអានទិន្នន័យពីវិបផតថល' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ម៉ាស៊ីនភ្ញៀវ API' })).toBeVisible();
    await page.getByRole('link', { name: 'ចុះបញ្ជីម៉ាស៊ីនភ្ញៀវ' }).click();
    await expect(page.getByText('ម៉ាស៊ីនភ្ញៀវនេះជារបស់ ក្រុមហ៊ុន មេគង្គ ដឹកជញ្ជូន។')).toBeVisible();
    // No choice of institution: the company owns what its owners register.
    await expect(page.getByLabel('ស្ថាប័នរដ្ឋ')).toHaveCount(0);
    await page.getByRole('button', { name: 'ចុះបញ្ជី ហើយបង្ហាញលេខសម្ងាត់' }).click();
    await expect(pageAlert(page).getByRole('link', { name: 'បញ្ចូលឈ្មោះប្រព័ន្ធ' })).toBeVisible();
    await expect(pageAlert(page).getByRole('link', { name: 'ជ្រើសរើសយ៉ាងហោចណាស់មួយ ដែលប្រព័ន្ធអាចអាន' })).toBeVisible();
    await page.getByLabel('ឈ្មោះប្រព័ន្ធ').fill('Mekong ERP');
    await page.getByLabel(/^ឯកសារពាក្យស្នើសុំផ្ទាល់របស់ក្រុមហ៊ុន/).check();
    await page.getByRole('button', { name: 'ចុះបញ្ជី ហើយបង្ហាញលេខសម្ងាត់' }).click();
    await expect(page.getByRole('heading', { name: 'ម៉ាស៊ីនភ្ញៀវត្រូវបានចុះបញ្ជីហើយ' })).toBeVisible();
    await expect(page.getByText('វានឹងមិនបង្ហាញម្តងទៀតទេ')).toBeVisible();
    const client = { id: (await page.getByTestId('issued-client-id').textContent())!, secret: (await page.getByTestId('issued-secret').textContent())! };
    expect(await tokenStatus(client)).toBe(200);
    expect(await sql(`select "organisationId", "institutionEn", scopes from "ApiClient" where id = $1`, [client.id])).toEqual([
      { organisationId: company!.id, institutionEn: 'Mekong Haulage Co., Ltd.', scopes: ['applications:read'] },
    ]);
    await page.getByRole('link', { name: 'ខ្ញុំបានរក្សាទុកលេខសម្ងាត់ហើយ៖ បើកម៉ាស៊ីនភ្ញៀវ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mekong ERP' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(client.secret);

    // A manager of the same company: none of its client pages, and no link to them. (With
    // JavaScript: Next.js streams a page's "not found" in with a script.)
    const manager = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    const managerEmail = await registerCitizen(manager, 'en', 'Keo Manager');
    await sql(`insert into "OrganisationMembership" (id, "organisationId", "userId", role) select gen_random_uuid(), $1, id, 'manager' from "User" where email = $2`, [company!.id, managerEmail]);
    await manager.goto(`/en/organisations/${company!.id}`);
    await expect(manager.getByRole('heading', { level: 1, name: 'Mekong Haulage Co., Ltd.' })).toBeVisible();
    await expect(manager.getByRole('link', { name: /API clients/ })).toHaveCount(0);
    for (const path of ['/api-clients', '/api-clients/new', `/api-clients/${client.id}`]) {
      await manager.goto(`/en/organisations/${company!.id}${path}`);
      await expect(manager.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    }
  });
});

test("a company's client pages pass axe in Khmer, at a phone's width", async ({ page }) => {
  await signIn(page, 'investor@demo.gov.kh', undefined, 'km');
  const [company] = await sql<{ id: string }>(`select id from "Organisation" where "registrationNumber" = '00012345'`);
  await page.goto(`/km/organisations/${company!.id}/api-clients/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'ចុះបញ្ជីម៉ាស៊ីនភ្ញៀវ API' })).toBeVisible();
  await expectNoAxeViolations(page);
  const [client] = await sql<{ id: string }>(
    `insert into "ApiClient" (id, name, "institutionKm", "institutionEn", "organisationId", scopes, "allowedIps", "secretHash")
     values (gen_random_uuid(), 'Angkor ERP', 'ក្រុមហ៊ុន អង្គរ ប៊ីល ឯ.ក', 'Angkor Build Co., Ltd.', $1, '{applications:read}', '{10.20.0.0/16}', 'not a hash') returning id`,
    [company!.id],
  );
  await page.goto(`/km/organisations/${company!.id}/api-clients`);
  await expect(page.getByRole('heading', { level: 1, name: 'ម៉ាស៊ីនភ្ញៀវ API' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/km/organisations/${company!.id}/api-clients/${client!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Angkor ERP' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'ដកហូតម៉ាស៊ីនភ្ញៀវ' }).click();
  await expect(page.getByRole('heading', { name: 'ដកហូត Angkor ERP?' })).toBeVisible();
  await expectNoAxeViolations(page);
});
