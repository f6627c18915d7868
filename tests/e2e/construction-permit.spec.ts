import { files, registerCitizen, startService, trackPublicly, upload } from './support/apply';
import { expect, signOut, sql, test } from './support/fixtures';

test('a citizen applies for a construction permit in Khmer and sees where it goes', async ({ page }) => {
  await registerCitizen(page, 'km', 'ចាន់ សុភា');
  await page.goto('/km/services?q=សំណង់');
  await expect(page.getByRole('status')).toContainText('រកឃើញសេវា 1');
  await startService(page, 'km', 'លិខិតអនុញ្ញាតសាងសង់');

  await page.getByLabel('ឈ្មោះគម្រោង').fill('អគារស្នាក់នៅ ៥ ជាន់');
  await page.getByLabel('ការប្រើប្រាស់អគារ').selectOption({ label: 'លំនៅដ្ឋាន' });
  await page.getByLabel('ចំនួនជាន់').fill('5');
  await page.getByLabel('ផ្ទៃក្រឡាកម្រាលសរុប (ម៉ែត្រការ៉េ)').fill('1200');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();

  await page.getByLabel('ខេត្ត ឬរាជធានី').selectOption({ label: 'រាជធានីភ្នំពេញ' });
  await page.getByLabel('ខណ្ឌ ឬស្រុក').fill('ខណ្ឌទួលគោក');
  await page.getByLabel('លេខប័ណ្ណកម្មសិទ្ធិដី').fill('12020304-0012');
  await page.getByLabel('ទំហំដី (ម៉ែត្រការ៉េ)').fill('400');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();

  await page.getByLabel('ឈ្មោះស្ថាបត្យករ').fill('ហេង វិសាល');
  await page.getByLabel('លេខអាជ្ញាប័ណ្ណវិស្វករ').fill('ENG-2211');
  await page.getByLabel('លេខទូរស័ព្ទទំនាក់ទំនង').fill('011 222 333');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();

  // Housing needs no environmental assessment: it is not asked for.
  await expect(page.getByRole('heading', { level: 1, name: 'បញ្ចូលឯកសាររបស់អ្នក' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'របាយការណ៍វាយតម្លៃហេតុប៉ះពាល់បរិស្ថាន' })).toHaveCount(0);
  for (const document of ['ប័ណ្ណកម្មសិទ្ធិដី', 'ប្លង់ស្ថាបត្យកម្ម', 'ប្លង់រចនាសម្ព័ន្ធ', 'ប្លង់ទីតាំង', 'អត្តសញ្ញាណប័ណ្ណ ឬវិញ្ញាបនបត្រចុះបញ្ជីក្រុមហ៊ុន']) {
    await upload(page, document, files.pdf());
    await expect(page.getByText(`${document} ត្រូវបានបញ្ចូលហើយ។`)).toBeVisible();
  }
  await page.getByRole('link', { name: 'បន្ត', exact: true }).click();

  // 100,000 base + 1,200 m² × 2,000.
  await expect(page.getByText('2,500,000៛')).toBeVisible();
  // Change an answer from the check page and come straight back.
  await page.getByRole('link', { name: 'កែប្រែ ចំនួនជាន់' }).click();
  await page.getByLabel('ចំនួនជាន់').fill('6');
  await page.getByRole('button', { name: 'រក្សាទុក និងបន្ត' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ពិនិត្យចម្លើយរបស់អ្នក មុនពេលដាក់ស្នើ' })).toBeVisible();
  await page.getByLabel(/ខ្ញុំសូមបញ្ជាក់ថា/).check();
  await page.getByRole('button', { name: 'ដាក់ស្នើពាក្យ' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ពាក្យស្នើសុំត្រូវបានដាក់ស្នើហើយ' })).toBeVisible();
  await expect(page.getByText(/អគ្គនាយកដ្ឋានសាធារណការ នឹងពិនិត្យពាក្យរបស់អ្នក/)).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  const code = (await page.getByTestId('tracking-code').textContent())!;
  await page.getByRole('link', { name: 'មើលពាក្យស្នើសុំរបស់អ្នក' }).click();
  await expect(page.getByText('ការទទួលពាក្យ')).toBeVisible();
  await page.goto('/km/account');
  await expect(page.getByRole('table', { name: 'បានដាក់ស្នើ' })).toContainText(reference);

  await signOut(page, 'km');
  const result = await trackPublicly(page, 'km', reference, code);
  await expect(result).toContainText('ការទទួលពាក្យ');
  await expect(result).toContainText('អគ្គនាយកដ្ឋានសាធារណការ');
  // The JSON lookup answers the same, and a wrong code the same as an unknown reference.
  const lookup = await page.request.get(`/api/track?reference=${reference}&code=${code}`);
  expect(await lookup.json()).toMatchObject({ reference, status: 'submitted', department: { en: 'General Department of Public Works' } });
  expect((await page.request.get(`/api/track?reference=${reference}&code=WRONG234`)).status()).toBe(404);
  expect((await page.request.get('/api/track?reference=CP-1999-000001&code=WRONG234')).status()).toBe(404);

  const stages = await sql<{ stageKey: string; status: string }>(
    `select s."stageKey", s.status from "ApplicationStage" s join "Application" a on a.id = s."applicationId" where a.reference = $1 order by s.position`,
    [reference],
  );
  expect(stages).toEqual([
    { stageKey: 'intake', status: 'active' },
    { stageKey: 'technical-review', status: 'pending' },
    { stageKey: 'site-inspection', status: 'pending' },
    { stageKey: 'approval', status: 'pending' },
  ]);
  const [app] = await sql<{ answers: { floors: number } }>(`select answers from "Application" where reference = $1`, [reference]);
  expect(app!.answers.floors).toBe(6);
});
