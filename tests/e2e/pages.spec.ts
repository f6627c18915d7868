import { expect, expectNoAxeViolations, signedInAs, sql, test } from './support/fixtures';

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
  { path: '/performance', heading: { en: 'How our services perform', km: 'លទ្ធផលការងារនៃសេវារបស់យើង' } },
  { path: '/open-data', heading: { en: 'Open data', km: 'ទិន្នន័យបើកចំហ' } },
  { path: '/changes', heading: { en: 'Changes to services', km: 'ការផ្លាស់ប្តូរសេវា' } },
  { path: '/services/road-excavation-permit/changes', heading: { en: 'Changes to Permit to dig in a national road right-of-way', km: 'ការផ្លាស់ប្តូរ លិខិតអនុញ្ញាតជីកកាយលើដីចំណីផ្លូវជាតិ' } },
];

const signedInPages = [
  { account: 'citizen@demo.gov.kh', path: '/account', heading: { en: 'Your applications', km: 'ពាក្យស្នើសុំរបស់អ្នក' } },
  { account: 'clerk.transport@demo.gov.kh', path: '/staff', heading: { en: 'Queue of the General Department of Land Transport', km: 'ជួររង់ចាំរបស់ អគ្គនាយកដ្ឋានដឹកជញ្ជូនផ្លូវគោក' } },
  { account: 'supervisor.transport@demo.gov.kh', path: '/staff/supervisor?department=land-transport', heading: { en: 'Workload of the General Department of Land Transport', km: 'បន្ទុកការងាររបស់ អគ្គនាយកដ្ឋានដឹកជញ្ជូនផ្លូវគោក' } },
  { account: 'admin@demo.gov.kh', path: '/admin', heading: { en: 'Administration', km: 'ការគ្រប់គ្រងប្រព័ន្ធ' } },
  { account: 'admin@demo.gov.kh', path: '/admin/api-clients', heading: { en: 'API clients', km: 'ម៉ាស៊ីនភ្ញៀវ API' } },
  { account: 'admin@demo.gov.kh', path: '/admin/services', heading: { en: 'Services', km: 'សេវា' } },
  { account: 'admin@demo.gov.kh', path: '/admin/services/road-excavation-permit', heading: { en: 'Permit to dig in a national road right-of-way', km: 'លិខិតអនុញ្ញាតជីកកាយលើដីចំណីផ្លូវជាតិ' } },
  { account: 'admin@demo.gov.kh', path: '/admin/api-clients/new', heading: { en: 'Register an API client', km: 'ចុះបញ្ជីម៉ាស៊ីនភ្ញៀវ API' } },
  { account: 'admin@demo.gov.kh', path: '/admin/holidays', heading: { en: 'Public holidays', km: 'ថ្ងៃឈប់សម្រាកសាធារណៈ' } },
  // Independence Day, on the calendar the seed gives the current year.
  { account: 'admin@demo.gov.kh', path: `/admin/holidays/${new Date().getUTCFullYear()}-11-09`, heading: { en: 'Change a holiday', km: 'កែប្រែថ្ងៃឈប់សម្រាក' } },
  { account: 'admin@demo.gov.kh', path: '/admin/services/new', heading: { en: 'Design a new service', km: 'រចនាសេវាថ្មី' } },
  { account: 'admin@demo.gov.kh', path: '/admin/services/vehicle-registration/edit', heading: { en: 'Edit the draft of Register a new vehicle', km: 'កែសេចក្តីព្រាងនៃ ការចុះបញ្ជីយានយន្តថ្មី' } },
  { account: 'admin@demo.gov.kh', path: '/admin/services/vehicle-registration/preview', heading: { en: 'Preview of Register a new vehicle', km: 'មើលជាមុននូវ ការចុះបញ្ជីយានយន្តថ្មី' } },
  { account: 'admin@demo.gov.kh', path: '/admin/departments', heading: { en: 'Departments', km: 'នាយកដ្ឋាន' } },
  { account: 'admin@demo.gov.kh', path: '/admin/staff/invite', heading: { en: 'Invite a member of staff', km: 'អញ្ជើញមន្ត្រីថ្មី' } },
  { account: 'auditor@demo.gov.kh', path: '/audit', heading: { en: 'Audit', km: 'សវនកម្ម' } },
  { account: 'citizen@demo.gov.kh', path: '/complaints/new', heading: { en: 'Make a complaint', km: 'ដាក់បណ្តឹង' } },
  { account: 'citizen@demo.gov.kh', path: '/account/complaints', heading: { en: 'Your complaints', km: 'បណ្តឹងរបស់អ្នក' } },
  { account: 'inspector@demo.gov.kh', path: '/staff/complaints', heading: { en: 'Complaints to the General Inspectorate', km: 'បណ្តឹងទៅអគ្គាធិការដ្ឋាន' } },
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

/** A company's client with a subscription and a delivery that failed once, as the worker leaves them. */
async function clientWithWebhookLog(): Promise<{ organisationId: string; clientId: string }> {
  const [organisation] = await sql<{ id: string }>(`select o.id from "Organisation" o join "OrganisationMembership" m on m."organisationId" = o.id join "User" u on u.id = m."userId" where u.email = 'investor@demo.gov.kh' and m.role = 'owner' limit 1`);
  const [client] = await sql<{ id: string }>(
    `insert into "ApiClient" (id, name, "institutionKm", "institutionEn", "organisationId", scopes, "allowedIps", "secretHash")
     values (gen_random_uuid(), 'Angkor Build system', 'ក្រុមហ៊ុន អង្គរ ប៊ីល', 'Angkor Build Co., Ltd.', $1, '{applications:read}', '{}', 'not-a-secret') returning id`,
    [organisation!.id],
  );
  const [subscription] = await sql<{ id: string }>(
    `insert into "WebhookSubscription" (id, "clientId", url, events, secret) values (gen_random_uuid(), $1, 'https://systems.example.com/hooks', '{application.status_changed}', 'whsec_AAAA') returning id`,
    [client!.id],
  );
  const [delivery] = await sql<{ id: string }>(
    `insert into "WebhookDelivery" (id, "subscriptionId", "eventId", "eventType", payload, attempts, "lastStatusCode", "lastError", "nextAttemptAt")
     values (gen_random_uuid(), $1, 'evt_' || gen_random_uuid(), 'application.status_changed', '{"type":"application.status_changed","data":{}}', 1, 500, 'answered 500', now() + interval '1 hour') returning id`,
    [subscription!.id],
  );
  await sql(`insert into "WebhookAttempt" (id, "deliveryId", "durationMs", "statusCode", error) values (gen_random_uuid(), $1, 12, 500, 'answered 500')`, [delivery!.id]);
  return { organisationId: organisation!.id, clientId: client!.id };
}

test("a client's webhook log renders for its company's owner and for administrators, passes axe, and Replay queues the delivery", async ({ page }) => {
  const { organisationId, clientId } = await clientWithWebhookLog();
  await signedInAs(page, 'investor@demo.gov.kh');
  await page.goto(`/km/organisations/${organisationId}/api-clients/${clientId}/webhooks`);
  await expect(page.getByRole('heading', { level: 1, name: 'ការជូនដំណឹងតាម Webhook' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('application.status_changed');
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await signedInAs(page, 'admin@demo.gov.kh');
  await page.goto(`/en/admin/api-clients/${clientId}/webhooks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Waiting to be sent' })).toBeVisible();
  await page.getByRole('button', { name: /^Replay application\.status_changed/ }).click();
  await expect(page.getByRole('status')).toContainText('The delivery will be sent again within a minute.');
  // Due at once (the hour's wait is over): due now, or already tried again by the e2e worker.
  const requeued = async () =>
    (await sql<{ requeued: boolean }>(
      `select d."nextAttemptAt" <= now() or (select count(*) from "WebhookAttempt" a where a."deliveryId" = d.id) > 1 as requeued
       from "WebhookDelivery" d join "WebhookSubscription" s on s.id = d."subscriptionId" where s."clientId" = $1`,
      [clientId],
    ))[0]!.requeued;
  await expect.poll(requeued).toBe(true);
});
