import { randomInt } from 'node:crypto';
import { canonicalFields, signFields } from '../../lib/licences/signature';
import { expect, expectNoAxeViolations, sql, test, uniqueEmail } from './support/fixtures';

const holder = 'Sok Dara Verify';

/** A licence issued to `holder`, signed with the portal's key as final approval signs one. */
async function issuedLicence() {
  const [application] = await sql<{ id: string }>(
    `insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", status, "updatedAt")
     select gen_random_uuid(), s.id, v.id, (select id from "User" order by "createdAt" limit 1), 'issued', now()
     from "Service" s join "ServiceVersion" v on v."serviceId" = s.id
     where s.code = 'driving-licence-renewal' and v."publishedAt" is not null
     order by v.version desc limit 1 returning id`,
  );
  const number = `DLL-2026-${String(900_000 + randomInt(99_999)).padStart(6, '0')}`;
  const text = canonicalFields({ number, service: 'driving-licence-renewal', holder, validFrom: '2026-12-01', validUntil: '2036-11-30' });
  const signature = signFields(text);
  await sql(
    `insert into "Licence" (id, number, "applicationId", "holderName", "validFrom", "validUntil", "signedFields", signature)
     values (gen_random_uuid(), $1, $2, $3, '2026-12-01', '2036-11-30', $4, $5)`,
    [number, application!.id, holder, text, signature],
  );
  return { number, qr: `?d=${Buffer.from(text).toString('base64url')}&s=${signature}` };
}

test('a number alone shows the document and its validity, not the holder; the QR link shows the holder', async ({ page }) => {
  const { number, qr } = await issuedLicence();
  await page.goto(`/en/verify/${number}`);
  await expect(page.getByRole('heading', { level: 1, name: `Licence ${number}` })).toBeVisible();
  await expect(page.locator('#verdict')).toHaveText('Valid');
  await expect(page.locator('main')).toContainText('Valid until');
  await expect(page.locator('main')).not.toContainText(holder);
  await expect(page.getByText('Not shown. Scan the QR code on the document')).toBeVisible();
  await expectNoAxeViolations(page);
  // The form's answer, as a page (axe cannot run without JavaScript, so it runs here).
  await page.getByLabel("Holder's name, as printed on the document").fill('Sok Dara');
  await page.getByRole('button', { name: 'Check the name' }).click();
  await expect(page.getByText("The name you typed does not match the holder's name on this licence.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/km/verify/${number}`);
  await expect(page.getByLabel('ឈ្មោះម្ចាស់ ដូចដែលបានបោះពុម្ពនៅលើឯកសារ')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(holder);

  await page.goto(`/en/verify/${number}${qr}`);
  await expect(page.getByText("The QR code's signature is genuine")).toBeVisible();
  await expect(page.locator('main dd').filter({ hasText: holder })).toBeVisible();
  await expect(page.getByLabel("Holder's name, as printed on the document")).toHaveCount(0);
});

test("the QR's address opens in the browser's language and keeps the signed fields across a language change", async ({ browser }) => {
  const { number, qr } = await issuedLicence();
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(`/verify/${number}${qr}`);
  await expect(page).toHaveURL(`/en/verify/${number}${qr}`);
  await expect(page.getByText("The QR code's signature is genuine")).toBeVisible();
  await page.getByRole('link', { name: 'ភាសាខ្មែរ' }).click();
  await expect(page).toHaveURL(`/km/verify/${number}${qr}`);
  await expect(page.getByText('ហត្ថលេខានៃកូដ QR គឺពិត')).toBeVisible();
  await expect(page.locator('main dd').filter({ hasText: holder })).toBeVisible();
  await page.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a licence is checked by the number typed from the home page: known, unknown and mistyped', async ({ page }) => {
    const { number } = await issuedLicence();
    const check = async (typed: string) => {
      await page.getByLabel('Licence or permit number').fill(typed);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
    };
    await page.goto('/en');
    await check(number.toLowerCase());
    await expect(page.getByRole('heading', { level: 1, name: `Licence ${number}` })).toBeVisible();
    await expect(page.locator('#verdict')).toHaveText('Valid');
    await expect(page.locator('main')).not.toContainText(holder);

    await page.goto('/en');
    await check('CPL-1999-000001');
    await expect(page.getByText('No licence or permit has this number')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
    await check('CPL-1999');
    await expect(page.getByRole('link', { name: /Enter the number as it is printed on the document/ })).toBeVisible();
    await check(number);
    await expect(page.locator('#verdict')).toHaveText('Valid');
  });

  test('the name printed on the paper shows the holder when it matches, and says so when it does not', async ({ page }) => {
    const { number } = await issuedLicence();
    await page.goto(`/en/verify/${number}`);
    await page.getByLabel("Holder's name, as printed on the document").fill('Sok Dara');
    await page.getByRole('button', { name: 'Check the name' }).click();
    await expect(page.getByText("The name you typed does not match the holder's name on this licence.")).toBeVisible();
    await expect(page.locator('main dd').filter({ hasText: holder })).toHaveCount(0);

    // Spacing and Latin letter case aside, the same name.
    await page.getByLabel("Holder's name, as printed on the document").fill('  sok DARA   verify ');
    await page.getByRole('button', { name: 'Check the name' }).click();
    await expect(page.getByText("The name you typed matches the holder's name in the ministry's record.")).toBeVisible();
    await expect(page.locator('main dd').filter({ hasText: holder })).toBeVisible();

    await page.goto(`/km/verify/${number}`);
    await page.getByLabel('ឈ្មោះម្ចាស់ ដូចដែលបានបោះពុម្ពនៅលើឯកសារ').fill('Someone Else');
    await page.getByRole('button', { name: 'ពិនិត្យឈ្មោះ' }).click();
    await expect(page.getByText('ឈ្មោះដែលអ្នកបានវាយបញ្ចូលមិនត្រូវគ្នានឹងឈ្មោះម្ចាស់អាជ្ញាប័ណ្ណនេះទេ។')).toBeVisible();
  });
});

for (const [locale, labels] of [
  ['en', { name: 'Full name', identifier: 'Email address or mobile number', password: 'Create a password', submit: 'Create account', error: 'Write your full name on one line, without line breaks or tabs' }],
  ['km', { name: 'ឈ្មោះពេញ', identifier: 'អាសយដ្ឋានអ៊ីមែល ឬលេខទូរស័ព្ទដៃ', password: 'បង្កើតពាក្យសម្ងាត់', submit: 'បង្កើតគណនី', error: 'សរសេរឈ្មោះពេញរបស់អ្នកនៅលើបន្ទាត់តែមួយ ដោយគ្មានការចុះបន្ទាត់ ឬ tab' }],
] as const) {
  test(`a full name with a line break is refused at registration, with the reason (${locale})`, async ({ page }) => {
    const email = uniqueEmail('line-break');
    // A text box cannot hold a line break; a forged request can. Rewrite the posted name.
    await page.route(`**/${locale}/register`, async (route) => {
      const body = route.request().postDataBuffer();
      if (route.request().method() !== 'POST' || !body) return route.continue();
      await route.continue({ postData: Buffer.from(body.toString('utf8').replace('Sok Dara', 'Sok Dara\r\nValid until 2099-12-31')) });
    });
    await page.goto(`/${locale}/register`);
    await page.getByLabel(labels.name).fill('Sok Dara');
    await page.getByLabel(labels.identifier).fill(email);
    await page.getByLabel(labels.password).fill('river lotus morning');
    await page.getByRole('button', { name: labels.submit }).click();
    await expect(page.locator('main').getByText(labels.error).first()).toBeVisible();
    expect(await sql(`select 1 from "User" where email = $1`, [email])).toEqual([]);
  });
}
