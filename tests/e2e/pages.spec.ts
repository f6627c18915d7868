import { expect, expectNoAxeViolations, signedInAs, test } from './support/fixtures';

const publicPages = [
  { path: '', heading: { en: 'Apply for transport and public works licences online', km: 'ដាក់ពាក្យសុំអាជ្ញាប័ណ្ណ និងលិខិតអនុញ្ញាតផ្នែកដឹកជញ្ជូន និងសាធារណការតាមអនឡាញ' } },
  { path: '/sign-in', heading: { en: 'Sign in', km: 'ចូលគណនី' } },
  { path: '/register', heading: { en: 'Create an account', km: 'បង្កើតគណនី' } },
  { path: '/no-such-page', heading: { en: 'Page not found', km: 'រកមិនឃើញទំព័រ' } },
  { path: '/services', heading: { en: 'Services', km: 'សេវា' } },
  { path: '/services/road-excavation-permit', heading: { en: 'Permit to dig in a national road right-of-way', km: 'លិខិតអនុញ្ញាតជីកកាយលើដីចំណីផ្លូវជាតិ' } },
  { path: '/services/no-such-service', heading: { en: 'Page not found', km: 'រកមិនឃើញទំព័រ' } },
  { path: '/track', heading: { en: 'Track an application', km: 'តាមដានពាក្យស្នើសុំ' } },
  { path: '/fees', heading: { en: 'What should I pay?', km: 'តើខ្ញុំត្រូវបង់ប៉ុន្មាន?' } },
  { path: '/verify/CPL-1999-000001', heading: { en: 'Check a licence or permit', km: 'ពិនិត្យអាជ្ញាប័ណ្ណ ឬលិខិតអនុញ្ញាត' } },
  { path: '/verify?number=CPL-1999', heading: { en: 'Check a licence or permit', km: 'ពិនិត្យអាជ្ញាប័ណ្ណ ឬលិខិតអនុញ្ញាត' } },
  { path: '/sandbox-bank', heading: { en: 'Sandbox bank', km: 'ធនាគារសាកល្បង' } },
];

const signedInPages = [
  { account: 'citizen@demo.gov.kh', path: '/account', heading: { en: 'Your applications', km: 'ពាក្យស្នើសុំរបស់អ្នក' } },
  { account: 'clerk.transport@demo.gov.kh', path: '/staff', heading: { en: 'Queue of the General Department of Land Transport', km: 'ជួររង់ចាំរបស់ អគ្គនាយកដ្ឋានដឹកជញ្ជូនផ្លូវគោក' } },
  { account: 'supervisor.transport@demo.gov.kh', path: '/staff/supervisor?department=land-transport', heading: { en: 'Workload of the General Department of Land Transport', km: 'បន្ទុកការងាររបស់ អគ្គនាយកដ្ឋានដឹកជញ្ជូនផ្លូវគោក' } },
  { account: 'admin@demo.gov.kh', path: '/admin', heading: { en: 'Administration', km: 'ការគ្រប់គ្រងប្រព័ន្ធ' } },
  { account: 'auditor@demo.gov.kh', path: '/audit', heading: { en: 'Audit', km: 'សវនកម្ម' } },
];

// Axe runs once per page template, in Khmer, the portal's first language: the English page is
// the same markup with other words, and is checked for its language and heading.
const axeIn = (locale: 'km' | 'en') => (locale === 'km' ? ' and passes axe' : '');

for (const locale of ['km', 'en'] as const) {
  for (const { path, heading } of publicPages) {
    test(`${locale}${path || '/'} renders in its language${axeIn(locale)}`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expect(page.getByRole('heading', { level: 1, name: heading[locale] })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      if (locale === 'km') await expectNoAxeViolations(page);
    });
  }

  for (const { account, path, heading } of signedInPages) {
    test(`${locale}${path} renders for ${account}${axeIn(locale)}`, async ({ page }) => {
      await signedInAs(page, account);
      await page.goto(`/${locale}${path}`);
      await expect(page.getByRole('heading', { level: 1, name: heading[locale] })).toBeVisible();
      if (locale === 'km') await expectNoAxeViolations(page);
    });
  }
}

test('the bare address opens the portal in Khmer', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/km$/);
});

test('Khmer is drawn with the font the portal ships, loaded and not only declared', async ({ page }) => {
  await page.goto('/km');
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    // next/font names the family (components/layout/fonts.ts): the face for Khmer is the one
    // declared for the Khmer block.
    const khmerFaces = [...document.fonts].filter((f) => f.unicodeRange.includes('U+1780'));
    const family = khmerFaces[0]?.family.replaceAll('"', '') ?? 'none';
    return {
      family,
      loaded: khmerFaces.filter((f) => f.status === 'loaded').map((f) => f.weight),
      renders: document.fonts.check(`16px "${family}"`, 'កម្ពុជា'),
      bodyFont: getComputedStyle(document.body).fontFamily,
    };
  });
  expect(font.loaded.length).toBeGreaterThan(0);
  expect(font.renders).toBe(true);
  expect(font.bodyFont.split(',')[0]!.trim().replaceAll('"', '')).toBe(font.family);
  // The font file comes from the portal itself, not from any font service.
  const fontRequests = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\.woff2?$/.test(n)));
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(new URL(url).host).toBe(new URL(page.url()).host);
});

test('the language switch opens the same page in the other language', async ({ page }) => {
  await page.goto('/km/register');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/register$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByRole('link', { name: 'ភាសាខ្មែរ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'បង្កើតគណនី' })).toBeVisible();
});

test('the first Tab reaches "Skip to main content", which moves focus to the content', async ({ page }) => {
  await page.goto('/en/sign-in');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('an address outside both languages says "Page not found" in Khmer and in English', async ({ page }) => {
  const response = await page.goto('/fr/services');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'រកមិនឃើញទំព័រ' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
});
