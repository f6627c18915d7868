import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { fileConstructionPermit, fileVehicleRegistration, registerCitizen } from './support/apply';
import { decide } from './support/decisions';
import { expect, expectNoAxeViolations, pageAlert, signIn, sql, test } from './support/fixtures';

/** A signed-in member of staff in a browser of their own. */
async function staffBrowser(browser: Browser, email: string, locale: 'en' | 'km' = 'en'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, undefined, locale);
  return page;
}

async function openFile(page: Page, locale: 'en' | 'km', id: string, reference: string) {
  await page.goto(`/${locale}/staff/applications/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
}

const success = (page: Page) => page.locator('main').getByRole('status').first();

test('a construction permit passes intake, technical review, inspection and the head of department, with a request for information', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await registerCitizen(page, 'en', 'Chan Sophea');
  const { id, reference } = await fileConstructionPermit(page);

  // Public works holds it first: it is in their queue, with its stage and due date.
  const works = await staffBrowser(browser, 'clerk.works@demo.gov.kh');
  await expect(works.getByRole('heading', { level: 1, name: 'Queue of the General Department of Public Works' })).toBeVisible();
  const row = works.getByRole('row').filter({ has: works.getByRole('link', { name: reference, exact: true }) });
  await expect(row).toContainText('Construction permit');
  await expect(row).toContainText('Intake');
  await expect(row).toContainText('Nobody');
  // The other departments of the permit do not see it before it reaches them.
  const construction = await staffBrowser(browser, 'clerk.construction@demo.gov.kh');
  await construction.goto(`/en/staff/applications/${id}`);
  await expect(construction.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  await row.getByRole('link', { name: reference, exact: true }).click();
  await expect(works.getByRole('heading', { level: 1, name: `${reference}: Construction permit` })).toBeVisible();
  await expect(works.getByText('Chan Sophea')).toBeVisible();
  await expectNoAxeViolations(works);
  await works.getByRole('button', { name: 'Take this file' }).click();
  await expect(success(works)).toContainText('The file is now yours.');

  // An empty request is refused with a message at the field; then the real request goes out.
  await works.getByRole('button', { name: 'Send the request' }).click();
  await expect(pageAlert(works).getByRole('link', { name: 'Write what the applicant must do' })).toBeVisible();
  await works.getByLabel('What the applicant must do').fill('The site plan is not signed. Upload a signed copy and confirm the land area.');
  await works.getByRole('button', { name: 'Send the request' }).click();
  await expect(success(works)).toContainText('The deadline is paused until they answer.');

  // The citizen sees the request on their dashboard and answers it.
  await page.goto('/en/account');
  await page.getByRole('table', { name: 'Waiting for you' }).getByRole('link').first().click();
  const request = page.getByRole('region', { name: 'The General Department of Public Works needs more information' });
  await expect(request).toContainText('The site plan is not signed.');
  await page.getByRole('link', { name: 'Change your answers' }).click();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('Land area (square metres)').fill('320');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // Saved once the next page is up: only then does the application page show the new version.
  await expect(page.getByRole('heading', { level: 1, name: 'Who is responsible for the design' })).toBeVisible();
  await page.goto(`/en/applications/${id}`);
  await page.getByRole('button', { name: 'Send my application back' }).click();
  await expect(page.getByText('Your application is back with the department.')).toBeVisible();
  await expect(page.getByText('In review', { exact: true })).toBeVisible();

  // Back with the clerk who asked, who approves intake: the file moves to construction.
  await openFile(works, 'en', id, reference);
  await expect(works.getByText('Information sent; back in review')).toBeVisible();
  await decide(works, 'Approve the stage');
  await expect(success(works)).toContainText('Stage approved.');
  await expect(works.getByText('You cannot act on this file now:')).toBeVisible();

  await page.reload();
  await expect(page.getByText('Technical review', { exact: true })).toBeVisible();
  await expect(page.getByText('Department of Construction Management', { exact: true })).toBeVisible();

  await openFile(construction, 'en', id, reference);
  await construction.getByLabel('Note', { exact: true }).fill('Ask the inspector to check the drainage on the east side.');
  await construction.getByRole('button', { name: 'Add the note' }).click();
  await expect(success(construction)).toContainText('Your note was added.');
  await expect(construction.getByText('Ask the inspector to check the drainage on the east side.')).toBeVisible();
  await decide(construction, 'Approve the stage');
  await expect(success(construction)).toContainText('Stage approved.');

  const inspector = await staffBrowser(browser, 'inspector@demo.gov.kh');
  await openFile(inspector, 'en', id, reference);
  await inspector.getByLabel('Date of the inspection').fill('2026-11-20');
  await inspector.getByLabel('Inspector').fill('Mao Sophal');
  await inspector.getByLabel('Passed').check();
  await inspector.getByLabel('Findings').fill('Foundations and setbacks as drawn.');
  await inspector.getByRole('button', { name: 'Record the inspection' }).click();
  await expect(success(inspector)).toContainText('The inspection was recorded.');
  await decide(inspector, 'Approve the stage');
  await expect(success(inspector)).toContainText('Stage approved.');

  // The last stage is the head's; the clerk of the same department cannot take it.
  await openFile(works, 'en', id, reference);
  await expect(works.getByRole('button', { name: 'Approve the application' })).toHaveCount(0);
  // The head approves without JavaScript: the page says what approving does, and cancelling changes nothing.
  const head = await staffBrowser(browser, 'head.works@demo.gov.kh');
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await head.context().storageState() })).newPage();
  await openFile(noScript, 'en', id, reference);
  await noScript.getByRole('button', { name: 'Approve the application' }).click();
  const confirmation = noScript.getByRole('region', { name: 'Final approval' });
  await expect(confirmation).toContainText('This approves the application, issues the Construction permit and tells the applicant.');
  await expect(confirmation).toContainText('Nobody has taken the file yet: you take it as you decide');
  await expect(confirmation.getByText('Check what this decision does')).toBeInViewport();
  const before = await sql(`select status, version, "assigneeId" from "Application" where id = $1`, [id]);
  await noScript.getByRole('link', { name: 'Cancel and go back to the file' }).click();
  await expect(noScript.getByRole('button', { name: 'Approve the application' })).toBeVisible();
  expect(await sql(`select status, version, "assigneeId" from "Application" where id = $1`, [id])).toEqual(before);
  await decide(noScript, 'Approve the application');
  await expect(success(noScript)).toContainText('The application is approved.');
  await openFile(head, 'en', id, reference);

  await page.reload();
  await expect(page.getByText('Your document has been issued')).toBeVisible();
  // Decided: the decision and its day, no longer a stage or an expected date.
  await expect(page.locator('main dl').first()).toContainText('Decided on');
  await expect(page.locator('main dl').first()).not.toContainText('Expected decision by');
  const history = page.getByRole('list').filter({ hasText: 'Application submitted' });
  for (const line of ['More information requested', 'Information sent; back in review', 'Stage completed · Intake', 'Stage completed · Technical review', 'Site inspection carried out', 'Application approved', 'Document issued']) {
    await expect(history).toContainText(line);
  }
  // Which departments opened the file, never who.
  const viewers = page.getByRole('list').filter({ hasText: 'Opened by' });
  await expect(viewers).toContainText('Opened by General Inspectorate');
  await expect(viewers).toContainText('Opened by Department of Construction Management');
  await expect(viewers).not.toContainText('Mao Sophal');
  // Internal notes never reach the applicant.
  await expect(page.locator('main')).not.toContainText('drainage');
  await expectNoAxeViolations(page);

  // The same news waits in the app, newest first, beside the email and SMS.
  await page.goto('/en/account');
  const notifications = page.getByRole('region', { name: 'Your notifications' });
  await expect(notifications.getByRole('listitem').first()).toContainText(`Your Construction permit is ready: ${reference}`);
  await expect(notifications).toContainText(`${reference} approved`);
  await expect(notifications).toContainText(`${reference}: more information is needed`);

  const stages = await sql<{ stageKey: string; status: string }>(`select "stageKey", status from "ApplicationStage" where "applicationId" = $1 order by position`, [id]);
  expect(stages.map((s) => s.status)).toEqual(['approved', 'approved', 'approved', 'approved']);

  // The permit is released once the fee is paid: by KHQR, confirmed here by the sandbox bank.
  await page.goto(`/en/applications/${id}`);
  await expect(page.getByText('Pay the official fee to download your document.')).toBeVisible();
  expect((await page.request.get(`/en/applications/${id}/licence`)).status()).toBe(404);
  await page.getByRole('link', { name: 'Pay with KHQR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pay the official fee' })).toBeVisible();
  await expect(page.getByRole('img', { name: `KHQR code to pay 1,700,000 riel for ${reference}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Open the sandbox bank' }).click();
  await page.getByRole('button', { name: 'Confirm the payment' }).click();
  await expect(page.getByText('Thank you: your payment has been received.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Fee paid' })).toContainText('Paid 1,700,000 riel');
  const receipt = await page.request.get(`/en/applications/${id}/receipt`);
  expect(receipt.headers()['content-type']).toBe('application/pdf');
  await expect(page.getByText('Fee paid', { exact: true }).first()).toBeVisible();

  // The permit: a PDF for the applicant, and a public page that the QR code opens.
  const download = await page.request.get(`/en/applications/${id}/licence`);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Opened in the browser's own viewer rather than only saved (the headless shell the tests
  // drive has no viewer; the permit's text is read with pdftotext in vehicle-registration.spec.ts).
  expect(download.headers()['content-disposition']).toMatch(/^inline; filename="CPL-\d{4}-\d{6}\.pdf"$/);
  const [licence] = await sql<{ number: string; signedFields: string; signature: string }>(`select number, "signedFields", signature from "Licence" where "applicationId" = $1`, [id]);
  const qr = `/en/verify/${licence!.number}?d=${Buffer.from(licence!.signedFields).toString('base64url')}&s=${licence!.signature}`;
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(qr);
  await expect(checker.getByRole('heading', { level: 1, name: `Licence ${licence!.number}` })).toBeVisible();
  await expect(checker.locator('#verdict')).toHaveText('Valid');
  await expect(checker.getByText("The QR code's signature is genuine")).toBeVisible();
  await expect(checker.getByText('Chan Sophea')).toBeVisible();
  await expect(checker.locator('main')).not.toContainText(reference);
  await expectNoAxeViolations(checker);

  // The head of public works revokes it; the same QR code now says so.
  await openFile(head, 'en', id, reference);
  await head.getByLabel('Reason for revoking').fill('The building exceeds the approved height.');
  await head.getByRole('button', { name: 'Revoke the licence' }).click();
  await expect(success(head)).toContainText('The licence is revoked.');
  await checker.reload();
  await expect(checker.locator('#verdict')).toHaveText('Revoked');
  await expect(checker.getByText('The building exceeds the approved height.')).toBeVisible();
  // The holder's page leads with the revocation and its reason, not a green "issued".
  await page.goto(`/en/applications/${id}`);
  await expect(pageAlert(page)).toContainText('Revoked: your document is no longer valid');
  await expect(pageAlert(page)).toContainText('The building exceeds the approved height.');
  await expect(page.getByText('Your document has been issued')).toHaveCount(0);
  await expect(page.locator('main dl').first()).toContainText('Revoked on');
  expect((await (await browser.newContext()).request.get(`/en/applications/${id}/licence`)).status()).toBe(404);
  // The holder's copy, downloaded now, says so on its face: it cannot pass for a valid permit.
  const revoked = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await (await page.request.get(`/en/applications/${id}/licence`)).body() }).toString('utf8');
  for (const words of ['បានដកហូត', 'REVOKED', 'Revoked on', 'The building exceeds the approved height.']) expect(revoked).toContain(words);
});

test('vehicle registrations are approved and rejected in Khmer; a stale decision is refused with what changed', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await registerCitizen(page, 'en', 'Sok Dara');
  const approved = await fileVehicleRegistration(page, 'JTFSS22P0K0000001');
  const rejected = await fileVehicleRegistration(page, 'JTFSS22P0K0000002');

  // The clerk finds the file by its reference, on a phone: the reference, the due date and the
  // overdue flag stay in view.
  const clerk = await staffBrowser(browser, 'clerk.transport@demo.gov.kh', 'km');
  await sql(`update "Application" set "stageDueAt" = now() - interval '3 days' where id = $1`, [approved.id]);
  await clerk.setViewportSize({ width: 390, height: 844 });
  await clerk.goto('/km/staff');
  await clerk.getByLabel('ស្វែងរកក្នុងជួររង់ចាំ').fill(approved.reference);
  await clerk.getByRole('button', { name: 'ស្វែងរក', exact: true }).click();
  const found = clerk.getByRole('row').nth(1);
  await found.scrollIntoViewIfNeeded();
  await expect(found.getByRole('link', { name: approved.reference })).toBeInViewport();
  await expect(found.getByRole('cell').nth(1)).toBeInViewport();
  await expect(found.getByText('ហួសកាលកំណត់')).toBeInViewport();
  await found.getByRole('link', { name: approved.reference }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: new RegExp(approved.reference) })).toBeVisible();
  await clerk.setViewportSize({ width: 1280, height: 720 });
  // The confirmation step, as the clerk sees it, passes axe (a page without JavaScript cannot run it).
  await clerk.getByRole('button', { name: 'អនុម័តដំណាក់កាល', exact: true }).click();
  await expect(clerk.getByRole('region', { name: 'អនុម័តដំណាក់កាលនេះ' })).toContainText('ការនេះបញ្ចប់ដំណាក់កាល ការពិនិត្យឯកសារ');
  await expectNoAxeViolations(clerk);
  await clerk.getByRole('button', { name: 'បាទ/ចាស អនុម័តដំណាក់កាល', exact: true }).click();
  await expect(success(clerk)).toContainText('ដំណាក់កាលត្រូវបានអនុម័ត');

  // The same file open in two tabs of the head of department: the second decision is stale.
  const head = await staffBrowser(browser, 'head.transport@demo.gov.kh', 'km');
  await openFile(head, 'km', approved.id, approved.reference);
  const secondTab = await head.context().newPage();
  await openFile(secondTab, 'km', approved.id, approved.reference);
  await decide(head, 'អនុម័តពាក្យស្នើសុំ', 'km');
  await expect(success(head)).toContainText('ពាក្យស្នើសុំត្រូវបានអនុម័ត');
  await secondTab.getByLabel('មូលហេតុនៃការបដិសេធ').fill('រូបថតមិនច្បាស់');
  await secondTab.getByRole('button', { name: 'បដិសេធពាក្យស្នើសុំ' }).click();
  const refusal = pageAlert(secondTab);
  await expect(refusal).toContainText('គ្មានអ្វីត្រូវបានរក្សាទុកទេ');
  await expect(refusal).toContainText('ពាក្យស្នើសុំត្រូវបានអនុម័ត');
  expect(await sql(`select status from "Application" where id = $1`, [approved.id])).toEqual([{ status: 'issued' }]);

  // The second one is rejected at review with a reason the applicant reads.
  await openFile(clerk, 'km', rejected.id, rejected.reference);
  await clerk.getByLabel('មូលហេតុនៃការបដិសេធ').fill('លេខតួរថយន្តមិនត្រូវនឹងវិក្កយបត្រទេ។');
  await decide(clerk, 'បដិសេធពាក្យស្នើសុំ', 'km');
  await expect(success(clerk)).toContainText('ពាក្យស្នើសុំត្រូវបានបដិសេធ');

  await page.goto(`/en/applications/${approved.id}`);
  await expect(page.getByText('Your document has been issued')).toBeVisible();
  await expect(page.getByText('Stage completed · Document review')).toBeVisible();
  await page.goto(`/en/applications/${rejected.id}`);
  await expect(pageAlert(page)).toContainText('Your application was rejected');
  await expect(pageAlert(page)).toContainText('លេខតួរថយន្តមិនត្រូវនឹងវិក្កយបត្រទេ។');
});

test('a clerk of another department gets not found for a file and cannot act on it through the server action', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await registerCitizen(page, 'en');
  const { id, reference } = await fileVehicleRegistration(page, 'JTFSS22P0K0000003');

  // The land transport clerk's confirmed "approve" request, captured on its way out and not delivered.
  const clerk = await staffBrowser(browser, 'clerk.transport@demo.gov.kh');
  await openFile(clerk, 'en', id, reference);
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    void clerk.route(`**/en/staff/applications/${id}`, async (route) => {
      // The form's fields travel as `_<n>_confirmed` in the action's encoded reply.
      if (route.request().method() !== 'POST' || !/name="(_?\d+_)?confirmed"/.test(route.request().postData() ?? '')) return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer()! });
      await route.abort();
    });
  });
  await decide(clerk, 'Approve the stage');
  const request = await captured;

  // A logistics clerk replays it with their own session: not found, and nothing changes.
  const outsider = await staffBrowser(browser, 'clerk.logistics@demo.gov.kh');
  await outsider.goto(`/en/staff/applications/${id}`);
  await expect(outsider.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const response = await outsider.request.post(`/en/staff/applications/${id}`, {
    headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' },
    data: request.body,
  });
  expect(response.status()).toBe(404);
  expect(await sql(`select status, "assigneeId" from "Application" where id = $1`, [id])).toEqual([{ status: 'submitted', assigneeId: null }]);
  expect(await sql(`select count(*)::int as n from "ApplicationEvent" where "applicationId" = $1 and type = 'stage_approved'`, [id])).toEqual([{ n: 0 }]);
  // A land transport clerk signed in with the password alone (no second factor yet): sent to
  // the second factor, and the replayed request changes nothing either.
  const halfSignedIn = await (await browser.newContext()).newPage();
  await signIn(halfSignedIn, 'clerk.transport@demo.gov.kh', undefined, 'en', { secondFactor: false });
  await halfSignedIn.goto(`/en/staff/applications/${id}`);
  await expect(halfSignedIn.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator' })).toBeVisible();
  const refused = await halfSignedIn.request.post(`/en/staff/applications/${id}`, {
    headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' },
    data: request.body,
    maxRedirects: 0,
  });
  expect(refused.headers()['x-action-redirect'] ?? refused.headers().location ?? '').toContain('/two-factor');
  expect(await sql(`select status, "assigneeId" from "Application" where id = $1`, [id])).toEqual([{ status: 'submitted', assigneeId: null }]);
  // The same request from the clerk who may act goes through.
  const allowed = await clerk.request.post(`/en/staff/applications/${id}`, {
    headers: { 'next-action': request.headers['next-action']!, 'content-type': request.headers['content-type']!, accept: 'text/x-component' },
    data: request.body,
  });
  expect(allowed.status()).toBeLessThan(400);
  expect(await sql(`select count(*)::int as n from "ApplicationEvent" where "applicationId" = $1 and type = 'stage_approved'`, [id])).toEqual([{ n: 1 }]);
});
