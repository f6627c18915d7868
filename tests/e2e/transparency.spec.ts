import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileVehicleRegistration, registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, signedInAs, sql, test } from './support/fixtures';

const projectDir = path.resolve(import.meta.dirname, '../..');

/** The worker's minute pass, once, with the test's clock. */
function transparencyPass(at: Date): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(projectDir, 'tests/e2e/support/transparency-pass.ts'), at.toISOString()], {
    cwd: projectDir,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    stdio: 'inherit',
  });
}

test("a late file climbs to the Inspectorate and shows on the supervisor's page, at its level and since when, in both languages", async ({ page, browser }) => {
  await registerCitizen(page);
  const { id, reference } = await fileVehicleRegistration(page);
  // Its document review (7 working days) started on Monday 1 March 2021 and was due on Wednesday 10 March.
  await sql(`update "ApplicationStage" set "startedAt" = '2021-03-01T03:00:00Z', "dueAt" = '2021-03-10T16:59:59.999Z' where "applicationId" = $1 and status = 'active'`, [id]);
  transparencyPass(new Date('2021-06-01T03:00:00Z'));

  const supervisor = await (await browser.newContext()).newPage();
  await signedInAs(supervisor, 'supervisor.transport@demo.gov.kh');
  await supervisor.goto('/en/staff/supervisor?department=land-transport');
  const escalated = supervisor.getByRole('table', { name: 'Escalated files, highest level first' });
  const row = escalated.getByRole('row').filter({ hasText: reference });
  // 150 % of 7 working days: 3.5 days after the due date, at noon on Tuesday 16 March.
  await expect(row).toContainText('150 %: General Inspectorate told');
  await expect(row).toContainText('16 March 2021, 12:00');

  await row.getByRole('link', { name: reference }).click();
  const timeline = supervisor.getByRole('listitem').filter({ hasText: 'Escalated up the hierarchy' });
  await expect(timeline).toHaveCount(3);
  await expect(timeline.first()).toContainText("150 % of the stage's deadline reached");
  await expect(timeline.first()).toContainText('Automatically, on the working-day clock');

  await supervisor.goto('/km/staff/supervisor?department=land-transport');
  await expect(supervisor.getByRole('table', { name: 'ឯកសារដែលត្រូវបានបញ្ជូនទៅថ្នាក់លើ កម្រិតខ្ពស់បំផុតមុនគេ' }).getByRole('row').filter({ hasText: reference })).toContainText('១៥០ %៖ បានជូនដំណឹងអគ្គាធិការដ្ឋាន');
  await expectNoAxeViolations(supervisor);

  // The applicant's own timeline never shows it.
  await page.goto(`/en/applications/${id}`);
  await expect(page.getByText('Escalated up the hierarchy')).toHaveCount(0);
});

test("the day's audit head is on the performance page and in open data, and the auditor sees what was written since it", async ({ page, browser }) => {
  transparencyPass(new Date());
  const [head] = await sql<{ day: string; position: string; hash: string }>(`select to_char(day, 'YYYY-MM-DD') as day, position::text, hash from "AuditHead" order by day desc limit 1`);

  await page.goto('/km/performance');
  await expect(page.getByRole('heading', { level: 2, name: 'កំណត់ត្រាសវនកម្ម ដែលផ្សព្វផ្សាយរៀងរាល់ថ្ងៃ' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/en/performance');
  const heads = page.getByRole('table', { name: /latest .*published head/ });
  await expect(heads.getByRole('row').nth(1)).toContainText(head!.hash);
  await expect(page.getByText('npm run audit:verify -- --head <hash>')).toBeVisible();

  const json = await (await page.request.get('/api/open-data/audit-heads.json')).json();
  expect(json.rows[0]).toMatchObject({ day: head!.day, events: Number(head!.position), hash: head!.hash });
  expect(await (await page.request.get('/api/open-data/audit-heads.csv')).text()).toContain(`${head!.day},${head!.position},${head!.hash}`);

  // Something happens after the head was published; the auditor sees it written since.
  await registerCitizen(page);
  const { reference } = await fileVehicleRegistration(page);
  const auditor = await (await browser.newContext()).newPage();
  await signedInAs(auditor, 'auditor@demo.gov.kh');
  await auditor.goto('/en/audit');
  const published = auditor.getByRole('table', { name: 'Published heads, newest first' });
  await expect(published.getByRole('row').nth(1)).toContainText('Holds');
  await published.getByRole('row').nth(1).getByRole('link').click();
  await expect(auditor.getByRole('heading', { level: 3, name: /^Written after the head of/ })).toBeVisible();
  await expect(auditor.getByRole('table', { name: /^Events written after the head of/ })).toContainText(reference);
  await auditor.goto(`/km/audit?since=${head!.day}`);
  await expectNoAxeViolations(auditor);
});
