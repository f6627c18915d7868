// How much JavaScript (gzipped) the citizen pages make a phone download, against the
// framework's floor measured in the same build. Counted in a real browser, because App Router
// pages load client components' chunks from the page's data as well as from <script> tags.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { sessionToken } from '../support/session-cookie';
import { benchSecret, type Served } from './serve';

async function javascriptOf(browser: Browser, baseUrl: string, path: string, cookie?: string, focus?: string) {
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ name: 'next-auth.session-token', value: cookie, url: baseUrl }]);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(response.url());
  });
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
  if (focus) {
    await page.waitForTimeout(1_000); // hydrated, so the focus handler is attached
    await page.locator(focus).first().focus();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }
  let gzipBytes = 0;
  for (const url of scripts) gzipBytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
  await context.close();
  return { count: scripts.size, gzipBytes, scripts };
}

export async function measureClientJs(served: Served, floorUrl: string): Promise<void> {
  const citizen = await served.db.user.findUniqueOrThrow({ where: { email: 'citizen@demo.gov.kh' } });
  const version = await served.db.serviceVersion.findFirstOrThrow({ where: { service: { code: 'vehicle-registration' } } });
  const draft = await served.db.application.create({ data: { serviceId: version.serviceId, serviceVersionId: version.id, applicantId: citizen.id } });
  const cookie = await sessionToken(served.databaseUrl, citizen.id, benchSecret);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const floor = await javascriptOf(browser, floorUrl, '/');
    const pages = [
      ['catalogue', '/km/services'],
      ['service page', '/km/services/vehicle-registration'],
      ['application page', `/km/applications/${draft.id}/questions/vehicle`],
      ['check page', `/km/applications/${draft.id}/check`],
    ] as const;
    const measured = [];
    for (const [name, path] of pages) measured.push({ name, ...(await javascriptOf(browser, served.baseUrl, path, cookie)) });
    // The form's validator loads when the applicant first reaches a field: reported, not hidden.
    const applicationPath = pages[2][1];
    measured.push({ name: 'application, field focused', ...(await javascriptOf(browser, served.baseUrl, applicationPath, cookie, 'main input:visible')) });
    console.log('\nClient JavaScript, gzipped, loaded by Chromium (target: at most the floor + 15 KB)');
    console.log(`  ${'floor: an empty page'.padEnd(26)} ${(floor.gzipBytes / 1024).toFixed(1)} KB in ${floor.count} scripts`);
    for (const m of measured) {
      const extra = (m.gzipBytes - floor.gzipBytes) / 1024;
      console.log(`  ${m.name.padEnd(26)} ${(m.gzipBytes / 1024).toFixed(1)} KB in ${m.count} scripts: floor + ${extra.toFixed(1)} KB ${extra <= 15 ? '(within target)' : '(OVER target)'}`);
    }
  } finally {
    await browser.close();
  }
}
