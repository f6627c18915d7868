import { renewalAnswers } from '../support/answers';
import { files, fillDate, registerCitizen, upload } from './support/apply';
import { expect, pageAlert, signOut, sql, test } from './support/fixtures';


/** A renewal draft written straight into the database, so each test starts where it matters. */
async function draftFor(email: string, withAnswers = true): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", answers, "updatedAt")
     select gen_random_uuid(), v."serviceId", v.id, u.id, $2::jsonb, now()
     from "ServiceVersion" v join "Service" s on s.id = v."serviceId", "User" u
     where s.code = 'driving-licence-renewal' and u.email = $1
     order by v.version desc limit 1 returning id`,
    [email, JSON.stringify(withAnswers ? renewalAnswers : {})],
  );
  return row!.id;
}

test("a second citizen gets \"Page not found\" for the first one's application and documents", async ({ page }) => {
  const owner = await registerCitizen(page, 'en');
  const id = await draftFor(owner);
  await page.goto(`/en/applications/${id}/documents`);
  await upload(page, 'Medical certificate', files.pdf());
  const [doc] = await sql<{ id: string }>(`select id from "Document" where "applicationId" = $1`, [id]);
  const documentUrl = `/en/applications/${id}/documents/${doc!.id}`;
  const file = await page.request.get(documentUrl);
  expect(file.status()).toBe(200);
  expect((await file.body()).equals(files.pdf().buffer)).toBe(true);
  // Served from the portal's own address under a policy that runs nothing.
  expect(file.headers()['content-security-policy']).toContain("default-src 'none'");
  await signOut(page);

  await registerCitizen(page, 'en', 'Someone Else');
  for (const path of ['', '/questions/licence', '/documents', '/check', '/submitted']) {
    const response = await page.goto(`/en/applications/${id}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
  expect((await page.request.get(documentUrl)).status()).toBe(404);
  // A made-up id answers the same way.
  expect((await page.goto('/en/applications/not-an-id'))?.status()).toBe(404);
});

test('a forged answer is refused with a clear message and nothing is saved', async ({ page }) => {
  const email = await registerCitizen(page, 'en');
  const id = await draftFor(email, false);
  await page.goto(`/en/applications/${id}/questions/licence`);
  await page.getByLabel('Licence number').fill('PP-1');
  await fillDate(page, 'Expiry date', ['31', '12', '2026']);
  // Change a checkbox's value in the page, as a tampered form would send it.
  await page.getByLabel('B car').evaluate((input: HTMLInputElement) => {
    input.value = 'z-tank';
    input.checked = true;
  });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Select one of the options for licence categories' })).toBeVisible();
  expect(await sql(`select answers from "Application" where id = $1`, [id])).toEqual([{ answers: {} }]);
});

test('an oversized file and a renamed program are refused, and nothing is stored', async ({ page }) => {
  const email = await registerCitizen(page, 'en');
  const id = await draftFor(email);
  await page.goto(`/en/applications/${id}/documents`);
  await upload(page, 'Medical certificate', files.oversized());
  await expect(pageAlert(page).getByRole('link', { name: 'The file must be smaller than 10 MB' })).toBeVisible();
  await upload(page, 'Medical certificate', files.renamedProgram());
  await expect(page.locator('#file-medical-certificate-error')).toContainText('The file must be a PDF, JPG or PNG');
  await upload(page, 'Medical certificate', { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await expect(pageAlert(page)).toContainText('Choose a file to upload');
  expect(await sql(`select count(*)::int as n from "Document" where "applicationId" = $1`, [id])).toEqual([{ n: 0 }]);

  // Replacing keeps one current file; removing leaves none.
  await upload(page, 'Medical certificate', files.pdf());
  await upload(page, 'Medical certificate', files.png());
  await expect(page.getByText(/Uploaded: photo\.png/)).toBeVisible();
  await page.getByRole('button', { name: 'Remove Medical certificate' }).click();
  await expect(page.getByText('Medical certificate has been removed.')).toBeVisible();
  expect(await sql(`select count(*)::int as n from "Document" where "applicationId" = $1 and "removedAt" is null`, [id])).toEqual([{ n: 0 }]);

  // A document of two files keeps both; removing one leaves the other.
  await upload(page, 'National ID card (front and back)', files.png());
  await upload(page, 'National ID card (front and back)', files.pdf());
  await page.getByRole('button', { name: 'Remove photo.png' }).click();
  await expect(page.getByText('National ID card (front and back) has been removed.')).toBeVisible();
  await expect(page.getByText(/Uploaded: scan\.pdf/)).toBeVisible();
  await expect(page.getByText(/Uploaded: photo\.png/)).toBeHidden();
});

test('a double click and a re-posted form file the application once', async ({ page }) => {
  const email = await registerCitizen(page, 'en');
  const id = await draftFor(email);
  await page.goto(`/en/applications/${id}/documents`);
  for (const document of ['Your current licence (front and back)', 'National ID card (front and back)', 'Medical certificate', 'Photo, 3 x 4 cm, white background']) {
    await upload(page, document, files.png());
  }
  await page.goto(`/en/applications/${id}/check`);
  await page.getByLabel(/I confirm that the information/).check();
  const submit = page.getByRole('button', { name: 'Submit application' });
  await submit.dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
  const reference = await page.getByTestId('reference').textContent();

  // Back to the check page and post again: the application is already filed.
  await page.goBack();
  await page.goto(`/en/applications/${id}/check`);
  await expect(page.getByRole('heading', { level: 1, name: /Your application/ })).toBeVisible();

  expect(await sql(`select count(*)::int as n from "ApplicationEvent" where "applicationId" = $1 and type = 'submitted'`, [id])).toEqual([{ n: 1 }]);
  expect(await sql(`select reference from "Application" where id = $1`, [id])).toEqual([{ reference }]);
});

test('a submit from a check page whose answers changed in another tab is refused until checked again', async ({ page, context }) => {
  const email = await registerCitizen(page, 'en');
  const id = await draftFor(email);
  await page.goto(`/en/applications/${id}/documents`);
  for (const document of ['Your current licence (front and back)', 'National ID card (front and back)', 'Medical certificate', 'Photo, 3 x 4 cm, white background']) {
    await upload(page, document, files.pdf());
  }
  await page.goto(`/en/applications/${id}/check`);

  const other = await context.newPage();
  await other.goto(`/en/applications/${id}/questions/licence?return=check`);
  await other.getByLabel('Licence number').fill('PP-9999999');
  await other.getByRole('button', { name: 'Save and continue' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Check your answers before you submit' })).toBeVisible();

  await page.getByLabel(/I confirm that the information/).check();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(pageAlert(page)).toContainText('Your answers changed since you opened this page. Check them again, then submit.');
  expect(await sql(`select status from "Application" where id = $1`, [id])).toEqual([{ status: 'draft' }]);
});
