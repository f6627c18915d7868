// The public performance page, the service page's forecast and figures, and the open-data
// index: in Khmer and English at a phone's size, and without JavaScript.
import pg from 'pg';
import { refreshPerformance } from '../../lib/performance/refresh';
import { browserUrl } from '../playwright.config';
import { expect, expectNoAxeViolations, sql, test } from './support/fixtures';

// One worker seeds and reads: the figures are the whole database's.
test.describe.configure({ mode: 'serial' });

const service = 'vehicle-inspection-appointment';
const serviceName = { en: 'Book a vehicle technical inspection', km: 'ការណាត់ត្រួតពិនិត្យលក្ខណៈបច្ចេកទេសយានយន្ត' };
const fewerThan5 = { en: 'fewer than 5', km: 'តិចជាង ៥' };

/** Monthly names as the page writes them: last month and the month before. */
function monthLabel(back: number, locale: 'en' | 'km') {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return new Intl.DateTimeFormat(locale === 'km' ? 'km-KH' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(month);
}

test.beforeAll(async () => {
  // Last month: 30 inspections booked and decided (6 refused), 5 working days or so each; the
  // month before: 4, a cell too small to publish.
  await sql(
    `with u as (insert into "User" (id, name, email, "updatedAt") values (gen_random_uuid(), 'Performance reader', 'performance-' || gen_random_uuid() || '@example.com', now()) returning id),
     v as (select v.id, v."serviceId" from "ServiceVersion" v join "Service" s on s.id = v."serviceId" where s.code = $1 order by v.version desc limit 1),
     filed as (
       select n, date_trunc('month', now() + interval '7 hours') - interval '7 hours' - make_interval(months => case when n <= 30 then 1 else 2 end) + interval '3 days' + n * interval '1 hour' as at
       from generate_series(1, 34) n
     )
     insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", status, "submittedAt", "dueAt", "decidedAt", "updatedAt")
     select gen_random_uuid(), v."serviceId", v.id, u.id, case when n % 5 = 0 and n <= 30 then 'rejected' else 'approved' end::"ApplicationStatus",
       at, at + interval '14 days', at + interval '7 days', now()
     from filed, u, v`,
    [service],
  );
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    // The worker refreshes too: this waits for its turn.
    await refreshPerformance(client, { full: true, wait: true });
  } finally {
    await client.end();
  }
});

for (const locale of ['en', 'km'] as const) {
  test(`${locale}: the performance page shows a service's monthly figures, "fewer than 5" for a small month, and passes axe`, async ({ page }) => {
    await page.goto(`/${locale}/performance`);
    const section = page.getByRole('region', { name: serviceName[locale], exact: true });
    await expect(section.getByRole('img', { name: new RegExp(serviceName[locale]) }).first()).toBeVisible();
    await section.getByText(locale === 'en' ? 'Show the figures as a table' : 'បង្ហាញតួលេខជាតារាង').click();
    const table = section.getByRole('table');
    const lastMonth = table.getByRole('row', { name: new RegExp(monthLabel(1, locale)) });
    // Received, decided, approved, rejected.
    await expect(lastMonth.getByRole('cell').nth(1)).toHaveText('30');
    await expect(lastMonth.getByRole('cell').nth(2)).toHaveText('30');
    await expect(lastMonth.getByRole('cell').nth(3)).toHaveText('24');
    await expect(lastMonth.getByRole('cell').nth(4)).toHaveText('6');
    // Decided 7 days after filing, due 14 days after: all on time.
    await expect(lastMonth.getByRole('cell').nth(7)).toHaveText(/^(100|១០០)\s?%$/);
    const monthBefore = table.getByRole('row', { name: new RegExp(monthLabel(2, locale)) });
    await expect(monthBefore.getByRole('cell').nth(1)).toHaveText(fewerThan5[locale]);
    await expect(monthBefore.getByRole('cell').nth(5)).toHaveText(fewerThan5[locale]);
    await expectNoAxeViolations(page);

    await page.getByRole('main').getByRole('link', { name: locale === 'en' ? /open data/ : /ទិន្នន័យបើកចំហ/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: locale === 'en' ? 'Open data' : 'ទិន្នន័យបើកចំហ' })).toBeVisible();
    await expect(page.getByRole('link', { name: locale === 'en' ? 'Monthly performance as CSV' : 'លទ្ធផលការងារប្រចាំខែ ជា CSV' })).toHaveAttribute('href', '/api/open-data/performance-monthly.csv');
    await expectNoAxeViolations(page);
  });

  test(`${locale}: the service page forecasts from recent decisions and shows the service's figures`, async ({ page }) => {
    await page.goto(`/${locale}/services/${service}`);
    const forecast = page.getByTestId('forecast');
    await expect(forecast).toContainText(locale === 'en' ? /Most applications are decided in (\d+ to )?(about )?\d+ working days; the legal limit is 3\./ : /ពាក្យស្នើសុំភាគច្រើនត្រូវបានសម្រេចក្នុងរយៈពេល/);
    await expect(forecast).toContainText(locale === 'en' ? 'If you apply today, expect a decision by' : 'ថ្ងៃនេះ');
    const figures = page.getByRole('region', { name: locale === 'en' ? 'How this service performs' : 'លទ្ធផលការងារនៃសេវានេះ' });
    await expect(figures.getByRole('img').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the performance page loads no script the catalogue page does not', async ({ browser }) => {
  // Each in a fresh browser, so that nothing comes from the other's cache unseen.
  const scriptsOf = async (path: string) => {
    const context = await browser.newContext({ baseURL: browserUrl });
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await context.close();
    return [...scripts];
  };
  const catalogue = await scriptsOf('/km/services');
  const performance = await scriptsOf('/km/performance');
  expect(catalogue.length).toBeGreaterThan(0);
  expect(performance.filter((s) => !catalogue.includes(s))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the performance page opens its table view, and the open data files download', async ({ page, request }) => {
    await page.goto('/km/performance');
    const section = page.getByRole('region', { name: serviceName.km, exact: true });
    await section.getByText('បង្ហាញតួលេខជាតារាង').click();
    await expect(section.getByRole('row', { name: new RegExp(monthLabel(1, 'km')) }).getByRole('cell').nth(1)).toHaveText('30');

    const csv = await request.get('/api/open-data/performance-monthly.csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toContain('scope,code,name_km,name_en,month,received');
    const catalogue = (await (await request.get('/api/open-data/catalogue.json')).json()) as { rows: { code: string; deadline_working_days: number }[] };
    expect(catalogue.rows.find((r) => r.code === service)?.deadline_working_days).toBe(3);
  });
});
