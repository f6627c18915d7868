import type { Browser, Page } from '@playwright/test';
import { fileVehicleRegistration, registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signIn, sql, test } from './support/fixtures';
import { receivedMail } from './support/mail';

async function staffBrowser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Arranges what a department would have done: the file decided (the workflow is tested elsewhere). */
const decide = (id: string, status: 'approved' | 'rejected') =>
  sql(`update "Application" set status = $2, "decidedAt" = now(), "currentDepartmentId" = null, "stageDueAt" = null where id = $1`, [id, status]);

test('a citizen rates a decided application once; the average is published per service without the comment', async ({ page }) => {
  test.setTimeout(120_000);
  await registerCitizen(page, 'en');
  const { id } = await fileVehicleRegistration(page, 'JTFSS22P0K0000151');
  // Still open: nothing to rate yet.
  await page.goto(`/en/applications/${id}`);
  await expect(page.getByRole('heading', { name: 'How was the service?' })).toHaveCount(0);

  await decide(id, 'approved');
  await page.goto(`/en/applications/${id}`);
  const section = page.getByRole('region', { name: 'How was the service?' });
  await expect(section).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByRole('button', { name: 'Send my rating' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Select a rating from 1 to 5' })).toBeVisible();
  expect(await sql(`select count(*)::int as n from "SatisfactionRating" where "applicationId" = $1`, [id])).toEqual([{ n: 0 }]);

  await section.getByLabel('4: good').check();
  await section.getByLabel('Comment (optional)').fill('Quick, but the office was hard to find.');
  // The post is kept to be sent again, as a double click or a replay would.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.headers()['next-action'] && /score/.test(request.postData() ?? '')) resolve({ headers: request.headers(), body: request.postDataBuffer()! });
    });
  });
  await section.getByRole('button', { name: 'Send my rating' }).click();
  await expect(page.getByText('Thank you. You rated this service 4 out of 5.')).toBeVisible();
  const sent = await captured;
  await page.goto(`/en/applications/${id}`);
  await expect(section).toContainText("This application's service was rated 4 out of 5 on");
  await expect(section.getByRole('button', { name: 'Send my rating' })).toHaveCount(0);

  const again = await page.request.post(`/en/applications/${id}`, { headers: { 'next-action': sent.headers['next-action']!, 'content-type': sent.headers['content-type']!, accept: 'text/x-component' }, data: sent.body, maxRedirects: 0 });
  expect(again.headers()['x-action-redirect'] ?? again.headers().location ?? '').toContain('rating=already');
  await page.goto(`/en/applications/${id}?rating=already`);
  await expect(page.getByText('This application has already been rated. A rating is given once: nothing was changed.')).toBeVisible();
  expect(await sql(`select score, comment from "SatisfactionRating" where "applicationId" = $1`, [id])).toEqual([{ score: 4, comment: 'Quick, but the office was hard to find.' }]);

  // Published: one rating this month is fewer than five; the comment is nowhere.
  await page.goto('/km/performance');
  const published = page.getByRole('region', { name: 'ការពេញចិត្តចំពោះសេវានីមួយៗ' });
  await expect(published.getByRole('row', { name: /ការចុះបញ្ជីយានយន្តថ្មី/ }).first()).toContainText('តិចជាង ៥');
  await expect(page.locator('main')).not.toContainText('hard to find');
  await expectNoAxeViolations(page);
  const data = await (await page.request.get('/api/open-data/satisfaction-monthly.json')).json();
  expect(JSON.stringify(data)).not.toContain('hard to find');
  expect(data.rows.find((r: { service_code: string }) => r.service_code === 'vehicle-registration')).toMatchObject({ fewer_than_5: true, average_score: null });
});

test('a citizen complains in Khmer about a delay; only the Inspectorate sees and answers it, and the citizen reads the answer', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = await registerCitizen(page, 'km', 'ចាន់ សុភា');
  const { id } = await fileVehicleRegistration(page, 'JTFSS22P0K0000152');

  await page.goto(`/km/applications/${id}`);
  await page.getByRole('link', { name: 'ដាក់បណ្តឹងអំពីពាក្យស្នើសុំនេះ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ដាក់បណ្តឹង' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'ផ្ញើបណ្តឹង' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'សូមជ្រើសរើសថាបណ្តឹងរបស់អ្នកទាក់ទងនឹងអ្វី' })).toBeVisible();
  await page.getByLabel('ចំណាយពេលយូរពេក').check();
  await page.getByRole('textbox', { name: 'អ្វីដែលបានកើតឡើង' }).fill('ពាក្យរបស់ខ្ញុំរង់ចាំពីរសប្តាហ៍ហើយ គ្មានដំណឹងអ្វីទេ។');
  await page.getByRole('button', { name: 'ផ្ញើបណ្តឹង' }).click();
  await expect(page.getByText('បណ្តឹងត្រូវបានផ្ញើ')).toBeVisible();
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  const reference = /CMP-\d{4}-\d{6}/.exec(heading)![0];
  const complaintId = new URL(page.url()).pathname.split('/').pop()!;
  await expectNoAxeViolations(page);
  const [row] = await sql<{ kind: string; department: string }>(`select c.kind, d.code as department from "Complaint" c join "Department" d on d.id = c."departmentId" where c.id = $1`, [complaintId]);
  expect(row).toEqual({ kind: 'delay', department: 'land-transport' });

  // The department complained about: not found, in the queue's place and the complaint's.
  const clerk = await staffBrowser(browser, 'clerk.transport@demo.gov.kh');
  for (const path of ['/en/staff/complaints', `/en/staff/complaints/${complaintId}`]) {
    await clerk.goto(path);
    await expect(clerk.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }

  // The Inspectorate: the queue, oldest due first, and the complaint.
  const inspector = await staffBrowser(browser, 'inspector@demo.gov.kh');
  await inspector.goto('/en/staff');
  await inspector.getByRole('link', { name: 'Complaints to the General Inspectorate' }).click();
  await expect(inspector.getByRole('heading', { level: 1, name: 'Complaints to the General Inspectorate' })).toBeVisible();
  await expectNoAxeViolations(inspector);
  await inspector.getByRole('link', { name: reference }).click();
  await expect(inspector.getByRole('heading', { level: 1, name: `Complaint ${reference}` })).toBeVisible();
  await expect(inspector.locator('main')).toContainText('ពាក្យរបស់ខ្ញុំរង់ចាំពីរសប្តាហ៍ហើយ');
  await expectNoAxeViolations(inspector);

  // The inspector's answer, captured on its way out and not delivered.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    void inspector.route(`**/en/staff/complaints/${complaintId}`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer()! });
      await route.abort();
    });
  });
  const answer = 'We asked the General Department of Land Transport: your file is being checked and will be decided by Friday.';
  await inspector.getByRole('textbox', { name: 'Your answer' }).fill(answer);
  await inspector.getByRole('button', { name: 'Send the answer' }).click();
  const request = await captured;
  await inspector.unroute(`**/en/staff/complaints/${complaintId}`);
  const replay = (from: Page) =>
    from.request.post(`/en/staff/complaints/${complaintId}`, { headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' }, data: request.body, maxRedirects: 0 });

  // The department's clerk replays it with their own session: not found, and nothing changes.
  expect((await replay(clerk)).status()).toBe(404);
  expect(await sql(`select "answeredAt", answer from "Complaint" where id = $1`, [complaintId])).toEqual([{ answeredAt: null, answer: null }]);
  // The inspector's own request goes through.
  expect((await replay(inspector)).status()).toBeLessThan(400);
  await inspector.goto(`/en/staff/complaints/${complaintId}`);
  await expect(inspector.getByRole('region', { name: "The Inspectorate's answer" })).toContainText(answer);
  await expect(inspector.getByRole('button', { name: 'Send the answer' })).toHaveCount(0);

  // The citizen follows it on their account and receives the answer in Khmer.
  await page.goto('/km/account/complaints');
  await expect(page.getByRole('heading', { level: 1, name: 'បណ្តឹងរបស់អ្នក' })).toBeVisible();
  const listed = page.getByRole('row', { name: new RegExp(reference) });
  await expect(listed).toContainText('បានឆ្លើយតបហើយ');
  await expectNoAxeViolations(page);
  await listed.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('region', { name: 'ចម្លើយរបស់អគ្គាធិការដ្ឋាន' })).toContainText(answer);
  const mail = await receivedMail(email, 60_000, (m) => (m.subject ?? '').includes('ត្រូវបានឆ្លើយតប'));
  expect(mail.subject).toBe(`បណ្តឹង ${reference} របស់អ្នកត្រូវបានឆ្លើយតប`);
  expect(mail.text).toContain(answer);
  expect(mail.text).toContain(`/km/account/complaints/${complaintId}`);

  // Published per department: a single complaint this month shows as "fewer than 5".
  await page.goto('/en/performance');
  const figures = page.getByRole('region', { name: 'Complaints to the General Inspectorate' });
  await expect(figures.getByRole('row', { name: /General Department of Land Transport/ }).first()).toContainText('fewer than 5');
  const csv = await (await page.request.get('/api/open-data/complaints-monthly.csv')).text();
  expect(csv.split(/\r?\n/)[0]).toBe('month,department_code,department_km,department_en,fewer_than_5,received,answered_on_time,open');
  expect(csv).toMatch(/,land-transport,[^\n]*,true,,,/);
  expect(csv).not.toContain('ពាក្យរបស់ខ្ញុំ');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a signed-out visitor is sent to sign in and back, files a complaint about a department, and rates a decided application in Khmer', async ({ page, browser }) => {
    test.setTimeout(180_000);
    // Arranged with JavaScript: an account with a decided application.
    const helper = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    const email = await registerCitizen(helper, 'en');
    const { id } = await fileVehicleRegistration(helper, 'JTFSS22P0K0000153');
    await decide(id, 'rejected');

    await page.goto('/en');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Make a complaint' }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
    await page.getByLabel('Email address or mobile number').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('river lotus morning');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Make a complaint' })).toBeVisible();

    await page.getByRole('button', { name: 'Send the complaint' }).click();
    await expect(pageAlert(page).getByRole('link', { name: 'Write what happened' })).toBeVisible();
    await page.getByLabel('How I was treated').check();
    await page.getByLabel('Which department is it about? (if you know)').selectOption({ label: 'General Department of Logistics' });
    await page.getByRole('textbox', { name: 'What happened' }).fill('The officer at the counter shouted at me.');
    await page.getByRole('button', { name: 'Send the complaint' }).click();
    await expect(page.getByText('Complaint sent')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: /Complaint CMP-\d{4}-\d{6}/ })).toBeVisible();
    await expect(page.locator('main')).toContainText('General Department of Logistics');

    // The rating in Khmer (the run with JavaScript rates in English).
    await page.goto(`/km/applications/${id}`);
    const section = page.getByRole('region', { name: 'តើសេវាយ៉ាងដូចម្តេចដែរ?' });
    await section.getByLabel('២៖ ខ្សោយ').check();
    await section.getByRole('button', { name: 'ផ្ញើការវាយតម្លៃរបស់ខ្ញុំ' }).click();
    await expect(page.getByText(/^សូមអរគុណ។ អ្នកបានវាយតម្លៃសេវានេះ (2|២) លើ ៥។$/)).toBeVisible();
    expect(await sql(`select score from "SatisfactionRating" where "applicationId" = $1`, [id])).toEqual([{ score: 2 }]);
  });
});
