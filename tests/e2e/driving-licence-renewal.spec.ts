import { files, fillDate, registerCitizen, startService, trackPublicly, upload } from './support/apply';
import { expect, signOut, test } from './support/fixtures';

// The whole path from the start page to the confirmation, as plain HTML forms. (axe needs
// JavaScript to run; the same pages are checked by it in the other journeys.)
test.use({ javaScriptEnabled: false });

test('without JavaScript, in Khmer, a citizen renews a driving licence and tracks it', async ({ page }) => {
  await registerCitizen(page, 'km', 'សុខ ដារា');
  await startService(page, 'km', 'ការបន្តសុពលភាពប័ណ្ណបើកបរ');

  await expect(page.getByRole('heading', { level: 1, name: 'ប័ណ្ណបើកបរបច្ចុប្បន្នរបស់អ្នក' })).toBeVisible();
  await page.getByLabel('លេខប័ណ្ណបើកបរ').fill('PP-0123456');
  await page.getByLabel('B រថយន្ត').check();
  await fillDate(page, 'កាលបរិច្ឆេទផុតសុពលភាព', ['31', '12', '2026'], 'km');
  // Leave, and come back to the draft from the dashboard.
  await page.getByRole('button', { name: 'រក្សាទុក ហើយត្រឡប់មកវិញពេលក្រោយ' }).click();
  await expect(page.getByText('ចម្លើយរបស់អ្នកត្រូវបានរក្សាទុកហើយ។')).toBeVisible();
  await page.goto('/km/account');
  await page.getByRole('table', { name: 'មិនទាន់ដាក់ស្នើ' }).getByRole('link', { name: /ការបន្តសុពលភាពប័ណ្ណបើកបរ/ }).click();
  await page.getByRole('link', { name: 'បន្ត', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'អំពីអ្នក' })).toBeVisible();
  await page.getByLabel('លេខអត្តសញ្ញាណប័ណ្ណ').fill('12345');
  // The date is left empty.
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();
  // Errors in Khmer, and what was typed is still there.
  await expect(page.locator('#nationalIdNumber-error')).toContainText('បញ្ចូលលេខអត្តសញ្ញាណប័ណ្ណ ៩ ខ្ទង់');
  await expect(page.locator('#dateOfBirth-error')).toContainText('បញ្ចូលថ្ងៃខែឆ្នាំកំណើត');
  await expect(page.getByLabel('លេខអត្តសញ្ញាណប័ណ្ណ')).toHaveValue('12345');

  await page.getByLabel('លេខអត្តសញ្ញាណប័ណ្ណ').fill('010234567');
  // Day, month and year in their own boxes, in the page's language, not the browser's picker.
  await fillDate(page, 'ថ្ងៃខែឆ្នាំកំណើត', ['28', '2', '1990'], 'km');
  await page.getByLabel('ខេត្ត ឬរាជធានី').selectOption({ label: 'សៀមរាប' });
  await page.getByLabel('ខណ្ឌ ឬស្រុក').fill('ក្រុងសៀមរាប');
  await page.getByLabel('លេខទូរស័ព្ទដៃ').fill('+855 97 123 4567');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'បញ្ចូលឯកសាររបស់អ្នក' })).toBeVisible();
  await upload(page, 'ប័ណ្ណបើកបរបច្ចុប្បន្ន (មុខ និងក្រោយ)', files.png());
  await upload(page, 'អត្តសញ្ញាណប័ណ្ណ (មុខ និងក្រោយ)', files.png());
  await upload(page, 'លិខិតបញ្ជាក់សុខភាព', files.pdf());
  await upload(page, 'រូបថត ៣x៤ ផ្ទៃខាងក្រោយពណ៌ស', files.png());
  await expect(page.getByText('រូបថត ៣x៤ ផ្ទៃខាងក្រោយពណ៌ស ត្រូវបានបញ្ចូលហើយ។')).toBeVisible();
  await page.getByRole('link', { name: 'បន្ត', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ពិនិត្យចម្លើយរបស់អ្នក មុនពេលដាក់ស្នើ' })).toBeVisible();
  await expect(page.getByText('097 123 4567')).toBeVisible();
  // The dates come back in words.
  await expect(page.getByText('28 កុម្ភៈ 1990')).toBeVisible();
  await expect(page.getByText('31 ធ្នូ 2026')).toBeVisible();
  await expect(page.getByText('28,000៛').first()).toBeVisible();
  await page.getByLabel(/ខ្ញុំសូមបញ្ជាក់ថា/).check();
  await page.getByRole('button', { name: 'ដាក់ស្នើពាក្យ' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ពាក្យស្នើសុំត្រូវបានដាក់ស្នើហើយ' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  const code = (await page.getByTestId('tracking-code').textContent())!;
  expect(reference).toMatch(/^DL-\d{4}-\d{6}$/);

  await page.goto('/km/account');
  await expect(page.getByRole('table', { name: 'បានដាក់ស្នើ' })).toContainText(reference);
  await signOut(page, 'km');
  await expect(await trackPublicly(page, 'km', reference, code)).toContainText('បានដាក់ស្នើ');
});
