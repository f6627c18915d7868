// How much JavaScript (gzipped) the citizen pages make a phone download, against the
// framework's floor measured in the same build. Counted in a real browser, because App Router
// pages load client components' chunks from the page's data as well as from <script> tags.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { signInAs, type Served } from './serve';
import { chromiumPath } from '../playwright.config';

/** A Cookie header ("a=1; b=2") as the browser's cookies for `url`. */
const cookiesOf = (header: string, url: string) =>
  header.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url }));

async function javascriptOf(browser: Browser, baseUrl: string, path: string, cookie?: string, focus?: string) {
  const context = await browser.newContext();
  if (cookie) await context.addCookies(cookiesOf(cookie, baseUrl));
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(response.url());
  });
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
  // The page itself, not a sign-in page or an error it was sent to instead.
  if (!response?.ok() || new URL(page.url()).pathname !== path) throw new Error(`${path} answered ${response?.status()} at ${page.url()}`);
  if (focus) {
    const field = page.locator(focus).first();
    // Hydrated, so the focus handler is attached: React has put its fiber on the element.
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    await page.waitForFunction((element) => Object.keys(element!).some((key) => key.startsWith('__reactFiber$')), await field.elementHandle());
    // The validator's chunk, which focusing the first field loads (if it is not loaded already).
    const chunk = page.waitForResponse((r) => r.request().resourceType() === 'script', { timeout: 5_000 }).catch(() => null);
    await field.focus();
    await chunk;
    await page.waitForLoadState('networkidle');
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
  const cookie = await signInAs(served, 'citizen@demo.gov.kh');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const floor = await javascriptOf(browser, floorUrl, '/');
    const pages = [
      ['catalogue', '/km/services'],
      ['service page', '/km/services/vehicle-registration'],
      ['performance page', '/km/performance'],
      ['application page', `/km/applications/${draft.id}/questions/vehicle`],
      ['check page', `/km/applications/${draft.id}/check`],
    ] as const;
    const measured = [];
    for (const [name, path] of pages) measured.push({ name, ...(await javascriptOf(browser, served.baseUrl, path, cookie)) });
    // The form's validator loads when the applicant first reaches a field: reported, not hidden.
    const applicationPath = pages.find(([name]) => name === 'application page')![1];
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
