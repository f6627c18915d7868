import { registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signedInAs, sql, test } from './support/fixtures';

test('a citizen registers their company, each number checked in its Cambodian format, and becomes its owner', async ({ page }) => {
  await registerCitizen(page, 'km', 'លី ម៉េង');
  await page.getByRole('link', { name: 'ចុះឈ្មោះក្រុមហ៊ុន' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ចុះឈ្មោះក្រុមហ៊ុនរបស់អ្នក' })).toBeVisible();
  await expectNoAxeViolations(page);

  const registration = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const taxId = `K00${Math.floor(Math.random() * 10)}-${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  await page.getByLabel('ឈ្មោះក្រុមហ៊ុនជាភាសាខ្មែរ').fill('Meng Construction');
  await page.getByLabel('ឈ្មោះក្រុមហ៊ុនជាភាសាអង់គ្លេស').fill('Meng Construction Co., Ltd.');
  await page.getByLabel('លេខចុះបញ្ជីក្រសួងពាណិជ្ជកម្ម').fill('1234');
  await page.getByLabel('លេខអត្តសញ្ញាណកម្មសារពើពន្ធ (TIN)').fill('123456789');
  await page.getByRole('button', { name: 'ចុះឈ្មោះក្រុមហ៊ុន' }).click();
  const problems = pageAlert(page);
  await expect(problems.getByRole('link', { name: 'សូមសរសេរឈ្មោះខ្មែរជាអក្សរខ្មែរ' })).toBeVisible();
  await expect(problems.getByRole('link', { name: 'សូមបញ្ចូលលេខចុះបញ្ជីជាលេខ ៨ ខ្ទង់ ដូចជា 00012345' })).toBeVisible();
  await expect(problems.getByRole('link', { name: 'សូមបញ្ចូលលេខអត្តសញ្ញាណកម្មសារពើពន្ធ ដូចជា K001-901234567' })).toBeVisible();
  await expect(problems.getByRole('link', { name: 'សូមជ្រើសរើសខេត្ត ឬរាជធានី' })).toBeVisible();
  expect(await sql(`select count(*)::int as n from "Organisation" where "nameEn" = 'Meng Construction Co., Ltd.'`)).toEqual([{ n: 0 }]);

  await page.getByLabel('ឈ្មោះក្រុមហ៊ុនជាភាសាខ្មែរ').fill('ក្រុមហ៊ុន ម៉េង សំណង់ ឯ.ក');
  await page.getByLabel('លេខចុះបញ្ជីក្រសួងពាណិជ្ជកម្ម').fill(registration);
  await page.getByLabel('លេខអត្តសញ្ញាណកម្មសារពើពន្ធ (TIN)').fill(taxId.toLowerCase());
  await page.getByLabel('ខេត្ត ឬរាជធានីនៃអាសយដ្ឋានចុះបញ្ជី').selectOption({ label: 'សៀមរាប' });
  await page.getByLabel('អាសយដ្ឋានចុះបញ្ជី', { exact: true }).fill('ផ្ទះលេខ ១២ ផ្លូវ ៦០');
  await page.getByRole('button', { name: 'ចុះឈ្មោះក្រុមហ៊ុន' }).click();
  await expect(page.getByText('ក្រុមហ៊ុនរបស់អ្នកត្រូវបានចុះឈ្មោះ។ អ្នកជាម្ចាស់របស់វា។')).toBeVisible();
  const organisations = page.getByRole('region', { name: 'ស្ថាប័នរបស់អ្នក' });
  await expect(organisations).toContainText('ក្រុមហ៊ុន ម៉េង សំណង់ ឯ.ក');
  expect(await sql(`select "taxId" from "Organisation" where "registrationNumber" = $1`, [registration])).toEqual([{ taxId }]);

  // The same tax number again is refused clearly, and nothing is created.
  await page.goto('/en/organisations/new');
  await page.getByLabel('Company name in Khmer').fill('ក្រុមហ៊ុន ថ្មី');
  await page.getByLabel('Company name in English').fill('Another Co., Ltd.');
  await page.getByLabel('Ministry of Commerce registration number').fill(String(Number(registration) + 1).padStart(8, '0'));
  await page.getByLabel('Tax identification number (TIN)').fill(taxId);
  await page.getByLabel('Province or capital of the registered address').selectOption({ label: 'Kampot' });
  await page.getByLabel('Registered address', { exact: true }).fill('No. 1, Street 1');
  await page.getByRole('button', { name: 'Register the company' }).click();
  await expect(pageAlert(page).getByRole('link', { name: /A company with this tax identification number is already registered/ })).toBeVisible();
  expect(await sql(`select count(*)::int as n from "Organisation" where "nameEn" = 'Another Co., Ltd.'`)).toEqual([{ n: 0 }]);
});

test('an owner invites a colleague, who joins once through the link; the owner changes their role', async ({ page, browser }) => {
  await signedInAs(page, 'investor@demo.gov.kh');
  await page.goto('/en/account');
  await page.getByRole('link', { name: /People and invitations/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Angkor Build Co., Ltd.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Their email address').fill('not an address');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Enter an email address in the correct format, like name@example.com' })).toBeVisible();

  const colleague = await (await browser.newContext()).newPage();
  const email = await registerCitizen(colleague, 'en', 'Ouk Vanna');
  await page.getByLabel('Their email address').fill(email);
  await page.getByLabel('Manager', { exact: true }).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText('The invitation was sent.')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: email })).toContainText('Manager');

  // The link from the email the outbox holds for the colleague.
  const [mail] = await sql<{ data: { invitation: { link: string } } }>(
    `select n.data from "Notification" n join "NotificationDelivery" d on d."notificationId" = n.id where d.address = $1 and n.kind = 'invitation'`, [email]);
  const link = new URL(mail!.data.invitation.link).pathname;
  await colleague.goto(link);
  await expect(colleague.getByText('You are invited to join Angkor Build Co., Ltd. as Manager.')).toBeVisible();
  await expectNoAxeViolations(colleague);
  await colleague.getByRole('button', { name: 'Join the organisation' }).click();
  await expect(colleague.getByText('You have joined the organisation.')).toBeVisible();
  await colleague.goto(link);
  await expect(colleague.getByText('This invitation has already been used. It works once.')).toBeVisible();

  // The owner makes them a viewer; it shows at once.
  await page.reload();
  await page.getByLabel('Role of Ouk Vanna').selectOption({ label: 'Viewer' });
  await page.getByRole('listitem').filter({ hasText: 'Ouk Vanna' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. It takes effect on their next request.')).toBeVisible();
  await colleague.goto('/en/account');
  await expect(colleague.getByRole('region', { name: 'Your organisations' })).toContainText('Viewer');
});

test("an owner applies in the organisation's name; the application shows on the organisation's members' pages", async ({ page }) => {
  await signedInAs(page, 'investor@demo.gov.kh');
  await page.goto('/en/services/construction-permit');
  const whom = page.getByRole('group', { name: 'Who is this application for?' });
  await expect(whom.getByLabel('For myself')).toBeChecked();
  await whom.getByLabel('Angkor Build Co., Ltd.').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About the project' })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/')[3]!;
  expect(await sql(`select o."nameEn" from "Application" a join "Organisation" o on o.id = a."organisationId" where a.id = $1`, [id])).toEqual([{ nameEn: 'Angkor Build Co., Ltd.' }]);
});

test("a viewer sees the organisation's draft but cannot change it, even by replaying a manager's server action", async ({ page, browser }) => {
  await signedInAs(page, 'investor@demo.gov.kh');
  await page.goto('/en/services/construction-permit');
  await page.getByRole('group', { name: 'Who is this application for?' }).getByLabel('Angkor Build Co., Ltd.').check();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About the project' })).toBeVisible();
  const questions = new URL(page.url()).pathname;
  const id = questions.split('/')[3]!;
  await page.getByLabel('Project name').fill('Angkor Riverside');
  await page.getByLabel('What the building will be used for').selectOption({ label: 'Housing' });
  await page.getByLabel('Number of floors').fill('3');
  await page.getByLabel('Total floor area (square metres)').fill('450');

  // The owner's "Save and continue", captured on its way out and not delivered.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route(`**${questions}`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer()! });
      await route.abort();
    });
  });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const request = await captured;

  // A viewer of the company sees the application, but not its questions, and the replayed
  // request with the viewer's own session changes nothing.
  const viewer = await (await browser.newContext()).newPage();
  const email = await registerCitizen(viewer, 'en', 'Vann Dara');
  await sql(
    `insert into "OrganisationMembership" (id, "organisationId", "userId", role)
     select gen_random_uuid(), o.id, u.id, 'viewer' from "Organisation" o, "User" u where o."nameEn" = 'Angkor Build Co., Ltd.' and u.email = $1`,
    [email],
  );
  await viewer.goto(`/en/applications/${id}`);
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('Construction permit');
  await viewer.goto(questions);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const replayed = await viewer.request.post(questions, {
    headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' },
    data: request.body,
    maxRedirects: 0,
  });
  expect(replayed.status()).toBe(404);
  expect(await sql(`select answers->>'projectName' as name from "Application" where id = $1`, [id])).toEqual([{ name: null }]);

  // The same request with the owner's session goes through.
  const allowed = await page.request.post(questions, {
    headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' },
    data: request.body,
    maxRedirects: 0,
  });
  expect(allowed.status()).toBeLessThan(400);
  expect(await sql(`select answers->>'projectName' as name from "Application" where id = $1`, [id])).toEqual([{ name: 'Angkor Riverside' }]);
});
