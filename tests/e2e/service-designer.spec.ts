import { registerCitizen } from './support/apply';
import { box, buttons, designOversizeLoadPermit } from './support/designer';
import { expect, expectNoAxeViolations, hydrated, signedInAs, sql, test } from './support/fixtures';

const servicesWithCode = async (code: string) => (await sql<{ n: number }>(`select count(*)::int as n from "Service" where code = $1`, [code]))[0]!.n;

test('an administrator builds the oversize load permit from nothing: mistakes beside their fields in Khmer and English, then a draft, then its preview', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const code = `oversize-load-${Date.now().toString(36)}`;
  await signedInAs(page, 'admin@demo.gov.kh');

  // In Khmer: the stages add up to 8 days, the service promises 10.
  await designOversizeLoadPermit(page, 'km', 'vehicle-registration', 10);
  await page.getByRole('button', { name: buttons.km.save }).click();
  const deadlineKm = 'រយៈពេលនៃដំណាក់កាលសរុបបាន 8 ថ្ងៃធ្វើការ ប៉ុន្តែសេវាសន្យា 10 ថ្ងៃ។ សូមធ្វើឱ្យស្មើគ្នា។';
  await expect(box(page, 'deadlineWorkingDays')).toHaveAccessibleDescription(new RegExp(deadlineKm));
  await expect(page.getByRole('alert').getByRole('link', { name: deadlineKm })).toBeVisible();
  await expectNoAxeViolations(page);
  // Put right, it reaches the server, which finds the code taken.
  await box(page, 'deadlineWorkingDays').fill('8');
  await page.getByRole('button', { name: buttons.km.save }).click();
  await expect(box(page, 'code')).toHaveAccessibleDescription(/សេវាដែលមានកូដ «vehicle-registration» មានរួចហើយ។/);
  // Nothing of this design reached vehicle registration (whose own draft another test may hold).
  expect(await sql(`select count(*)::int as n from "ServiceVersion" v join "Service" s on s.id = v."serviceId" where s.code = 'vehicle-registration' and v."nameEn" like 'Permit to carry an oversize load%'`)).toEqual([{ n: 0 }]);

  // In English, the same mistake, in English; nothing is saved.
  await designOversizeLoadPermit(page, 'en', code, 10);
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(box(page, 'deadlineWorkingDays')).toHaveAccessibleDescription(
    /The stages' deadlines add up to 8 working days, but the service promises 10\. Make them equal\./,
  );
  expect(await servicesWithCode(code)).toBe(0);

  // Put right and saved, as a draft; the save is captured on its way to be replayed below.
  await box(page, 'deadlineWorkingDays').fill('8');
  const captured = new Promise<{ headers: Record<string, string>; body: string }>((resolve) => {
    void page.route('**/en/admin/services/new', async (route) => {
      if (route.request().method() === 'POST') resolve({ headers: route.request().headers(), body: route.request().postData()! });
      await route.continue();
    });
  });
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.getByText('The draft is saved. Nothing is published yet.')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/en/admin/services/${code}/edit\\?saved=1$`));
  await expect(box(page, 'name.en')).toHaveValue('Permit to carry an oversize load on a national road');
  expect(await sql(`select v."publishedAt", v."feeRiel", v.definition->'stages'->1->>'department' as "secondStage" from "ServiceVersion" v join "Service" s on s.id = v."serviceId" where s.code = $1`, [code]))
    .toEqual([{ publishedAt: null, feeRiel: 100000, secondStage: 'public-works' }]);

  // The preview: the applicant's own pages, the machinery question once machinery is chosen.
  await page.getByRole('link', { name: "Preview the citizen's pages" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Preview of Permit to carry an oversize load on a national road' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'The journey' })).toBeVisible();
  await expect(page.getByLabel('Width of the load in metres')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Date of travel' })).toBeVisible();
  await expect(page.getByLabel('Weight of the machinery in tonnes')).toBeHidden();
  await hydrated(page.getByLabel('Type of load'));
  await page.getByLabel('Type of load').selectOption({ label: 'Machinery' });
  await expect(page.getByLabel('Weight of the machinery in tonnes')).toBeVisible();
  const documents = page.getByRole('region', { name: 'Documents the applicant uploads' }).getByRole('listitem');
  await expect(documents).toHaveText(['Vehicle registration card', 'Certificate of the machinery (Only if it applies to you)']);

  // The save replayed by a citizen and by a clerk, for another code: not found, nothing saved.
  const request = await captured;
  const forged = request.body.replaceAll(code, `${code}-forged`);
  for (const who of ['citizen', 'clerk']) {
    const other = await (await browser.newContext()).newPage();
    if (who === 'citizen') await registerCitizen(other, 'en', 'Sok Forger');
    else await signedInAs(other, 'clerk.transport@demo.gov.kh');
    const replayed = await other.request.post('/en/admin/services/new', {
      headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' },
      data: forged,
      maxRedirects: 0,
    });
    expect(replayed.status(), who).toBe(404);
  }
  expect(await servicesWithCode(`${code}-forged`)).toBe(0);
});

test('"Remove" in a list leaves the keyboard where the item was: on the next item, or on "Add" after the last', async ({ page }) => {
  await signedInAs(page, 'admin@demo.gov.kh');
  await page.goto('/en/admin/services/new');
  await hydrated(box(page, 'code'));
  const addDocument = page.getByRole('button', { name: 'Add a document', exact: true });
  await addDocument.click();
  await addDocument.click();
  await box(page, 'documents.0.key').fill('first');
  await box(page, 'documents.1.key').fill('second');

  await page.getByRole('button', { name: 'Remove document 1', exact: true }).click();
  await expect(box(page, 'documents.0.key')).toHaveValue('second');
  await expect(box(page, 'documents.0.key')).toBeFocused();
  await page.getByRole('button', { name: 'Remove document 1', exact: true }).click();
  await expect(box(page, 'documents.0.key')).toHaveCount(0);
  await expect(addDocument).toBeFocused();
  // From there the keyboard goes on as before: Enter adds a document again.
  await page.keyboard.press('Enter');
  await expect(box(page, 'documents.0.key')).toBeVisible();
});
