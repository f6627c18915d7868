import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { fileVehicleRegistration } from './support/apply';
import { copyOfStaff, expect, pageAlert, passSecondFactor, signedInAs, signIn, sql, test } from './support/fixtures';
import { demoPassword } from '../../prisma/seed';

// Nobody decides a file they have an interest in: not through the pages, and not by replaying
// the server action a legitimate decider's page posts. Replays with forged bound arguments
// answer "Page not found", never a server error.

/** What a refused step must leave untouched. */
const state = (id: string) =>
  sql<{ status: string; version: number; assigneeId: string | null; events: number; licences: number }>(
    `select a.status, a.version, a."assigneeId",
            (select count(*)::int from "ApplicationEvent" e where e."applicationId" = a.id and e.type not in ('record_viewed', 'document_viewed')) as events,
            (select count(*)::int from "Licence" l where l."applicationId" = a.id) as licences
     from "Application" a where a.id = $1`,
    [id],
  );

/** The fields a step's form posts when the page runs without JavaScript: the action and its bound arguments. */
async function stepForm(browser: Browser, signedIn: Page, id: string, step: string): Promise<Record<string, string>> {
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() })).newPage();
  await noScript.goto(`/en/staff/applications/${id}`);
  const form = noScript.locator(`section[aria-labelledby="step-${step}-title"] form`);
  const fields = await form.evaluate((f: HTMLFormElement) => [...new FormData(f)].map(([k, v]) => [k, String(v)] as const));
  await noScript.context().close();
  return Object.fromEntries(fields);
}

/** Posts a step's form as it was captured, with `request`'s own session, changing what `change` says. */
function replay(request: APIRequestContext, id: string, fields: Record<string, string>, change: (value: string) => string = (v) => v) {
  return request.post(`/en/staff/applications/${id}`, {
    multipart: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, k.startsWith('$ACTION') ? change(v) : v])),
    maxRedirects: 0,
  });
}

test('a head of department who applied through their company cannot approve the file, even by replaying the approval', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The head applies like anyone else: they are also a citizen and a manager of Angkor Build.
  const interested = await copyOfStaff('head.transport@demo.gov.kh');
  await sql(`insert into "RoleAssignment" (id, "userId", role) select gen_random_uuid(), id, 'citizen' from "User" where email = $1`, [interested.email]);
  await sql(
    `insert into "OrganisationMembership" (id, "organisationId", "userId", role)
     select gen_random_uuid(), o.id, u.id, 'manager' from "Organisation" o, "User" u where o."nameEn" = 'Angkor Build Co., Ltd.' and u.email = $1`,
    [interested.email],
  );
  await signIn(page, interested.email, demoPassword);
  await passSecondFactor(page, interested.key);
  const { id, reference } = await fileVehicleRegistration(page, 'JTFSS22P0K0654321', { for: 'Angkor Build Co., Ltd.' });
  // A colleague approved the document review: the file waits for the head's final approval.
  await sql(`update "ApplicationStage" set status = (case "stageKey" when 'review' then 'approved' else 'active' end)::"StageStatus" where "applicationId" = $1`, [id]);
  await sql(`update "Application" set status = 'in_review', "currentStageKey" = 'approval', version = version + 1 where id = $1`, [id]);

  // Their queue does not offer it, and its review page is not found for them.
  const atApproval = '/en/staff?service=vehicle-registration&stage=approval';
  await page.goto(atApproval);
  await expect(page.getByRole('heading', { level: 1, name: /Queue of/ })).toBeVisible();
  await expect(page.getByRole('link', { name: reference, exact: true })).toHaveCount(0);
  await page.goto(`/en/staff/applications/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  // A colleague who has no interest sees the file and may decide it.
  const decider = await (await browser.newContext()).newPage();
  await signedInAs(decider, 'head.transport@demo.gov.kh');
  await decider.goto(atApproval);
  await expect(decider.getByRole('link', { name: reference, exact: true })).toBeVisible();
  await decider.goto(`/en/staff/applications/${id}`);
  await expect(decider.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  const approval = await stepForm(browser, decider, id, 'finalApprove');
  const before = await state(id);
  expect(before).toEqual([expect.objectContaining({ status: 'in_review', assigneeId: null, licences: 0 })]);

  // The interested head replays the decider's approval with their own session: not found.
  const replayed = await replay(page.request, id, { ...approval, confirmed: 'yes' });
  expect(replayed.status()).toBe(404);
  expect(await replayed.text()).toContain('Page not found');
  expect(await state(id)).toEqual(before);

  // Forged bound arguments with the decider's session: an internal or inherited step name, an id
  // or a locale that is none answer not found too, and change nothing.
  for (const [label, change] of [
    ['step issue', (v: string) => v.replace('"finalApprove"', '"issue"')],
    ['step __proto__', (v: string) => v.replace('"finalApprove"', '"__proto__"')],
    ['malformed id', (v: string) => v.replace(id, `${id.slice(0, -1)}'`)],
    ['unknown locale', (v: string) => v.replace('"en"', '"../evil"')],
  ] as const) {
    const forged = await replay(decider.request, id, approval, change);
    expect(forged.status(), label).toBe(404);
    expect(await state(id), label).toEqual(before);
  }

  // Reassigning needs a reason, said at the field.
  await decider.getByLabel('Give it to').selectOption({ index: 1 });
  await decider.getByRole('button', { name: 'Reassign' }).click();
  await expect(pageAlert(decider).getByRole('link', { name: 'Write why the file moves to someone else' })).toBeVisible();
  expect(await state(id)).toEqual(before);

  // The same captured approval, confirmed, with the decider's own session, goes through: the
  // replays above were refused for who sent them and what they forged, not for how they were
  // sent. Nobody had taken the file: the decider takes it, approves it and the licence is issued.
  const allowed = await replay(decider.request, id, { ...approval, confirmed: 'yes' });
  expect(allowed.status()).toBeLessThan(400);
  expect(await state(id)).toEqual([expect.objectContaining({ status: 'issued', licences: 1, events: before[0]!.events + 3 })]);
});
