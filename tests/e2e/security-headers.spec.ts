import type { APIResponse, Page } from '@playwright/test';
import { fileVehicleRegistration, registerCitizen, startService } from './support/apply';
import { copyOfStaff, expect, pageAlert, passSecondFactor, signIn, signOut, sql, test } from './support/fixtures';

// Item 11: every page carries a Content-Security-Policy whose nonce is new on each response and
// sits on every script of that page, and a Permissions-Policy; the journeys still work with
// JavaScript (and the browser reports no blocked script, style or form) and without it.

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

/** The page's HTML keeps to its own policy; answers the nonce. */
async function expectGuardedPage(response: APIResponse): Promise<string> {
  const url = response.url();
  expect(response.status(), url).toBeLessThan(500);
  const headers = response.headers();
  const policy = headers['content-security-policy'];
  expect(policy, url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy, url).toContain("frame-ancestors 'none'");
  expect(headers['permissions-policy'], url).toContain('camera=()');
  const nonce = nonceOf(policy)!;
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, url).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`)), url).toEqual([]);
  // style-src allows the stylesheet files only: no page may depend on inline styles.
  expect(html.match(/<style\b|\sstyle="/g) ?? [], url).toEqual([]);
  return nonce;
}

/** Fetches each address twice with the page's cookies: both guarded, with different nonces. */
async function expectGuardedTwice(page: Page, paths: string[]) {
  for (const path of paths) {
    const first = await expectGuardedPage(await page.request.get(path));
    const second = await expectGuardedPage(await page.request.get(path));
    expect(first, path).not.toBe(second);
  }
}

/** Collects what the browser refused under the policies, on every page the test opens. */
async function watchViolations(page: Page): Promise<{ violations: string[]; unguarded: string[] }> {
  const violations: string[] = [];
  const unguarded: string[] = [];
  await page.exposeFunction('reportPolicyViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportPolicyViolation(text: string): void }).reportPolicyViolation(
        `${event.violatedDirective} blocked '${event.blockedURI}' on ${location.pathname}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/content.security.policy|permissions.policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame() && response.status() < 300) {
      if (!nonceOf(response.headers()['content-security-policy'])) unguarded.push(response.url());
    }
  });
  return { violations, unguarded };
}

test('every page template answers with a policy whose nonce is on each of its scripts and new on every response', async ({ page }) => {
  await expectGuardedTwice(page, [
    '/en',
    '/km/services',
    '/en/services/vehicle-registration',
    '/en/sign-in',
    '/en/register',
    '/en/track',
    '/en/fees',
    '/en/verify/CPL-1999-000001',
    '/en/sandbox-bank',
    '/en/no-such-page',
    '/no-such-language',
  ]);

  await registerCitizen(page, 'en');
  await startService(page, 'en', 'Register a new vehicle');
  await expect(page.getByRole('heading', { level: 1, name: 'About the vehicle' })).toBeVisible();
  const application = new URL(page.url()).pathname.split('/')[3];
  await expectGuardedTwice(page, ['/en/account', page.url(), `/en/applications/${application}`, `/en/applications/${application}/documents`, '/en/organisations/new']);
  await signOut(page);

  const clerk = await copyOfStaff('clerk.transport@demo.gov.kh', { enrolled: false });
  await signIn(page, clerk.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your second step' })).toBeVisible();
  await expectGuardedTwice(page, ['/en/two-factor']);
  await signOut(page);
  await signIn(page, 'admin@demo.gov.kh');
  await expectGuardedTwice(page, ['/en/admin', '/en/staff']);

  // The browser sees the same rules: no device feature is on offer to the page.
  const allowed = await page.evaluate(() => (document as unknown as { featurePolicy?: { allowedFeatures(): string[] } }).featurePolicy?.allowedFeatures() ?? null);
  expect(allowed).not.toBeNull();
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(allowed).not.toContain(feature);
});

test('with JavaScript, a citizen files, staff review, a new clerk enrols and anyone verifies, and the browser blocks nothing', async ({ page }) => {
  const seen = await watchViolations(page);
  await page.goto('/en/services');
  await page.getByRole('link', { name: 'Register a new vehicle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a new vehicle' })).toBeVisible();

  // The question form checks in the browser with a schema it loads on first use (a chunk that
  // only 'strict-dynamic' lets the nonced scripts bring in).
  await registerCitizen(page, 'en');
  await startService(page, 'en', 'Register a new vehicle');
  await page.getByLabel('Make').focus();
  await page.waitForLoadState('networkidle');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(pageAlert(page).getByRole('link', { name: 'Select type of vehicle' })).toBeVisible();
  expect(posts).toEqual([]);
  page.removeAllListeners('request');
  await page.goto('/en/account');
  const { id } = await fileVehicleRegistration(page);

  // An uploaded file is served from the portal's own address under a policy that runs nothing.
  const [document] = await sql<{ id: string }>('select id from "Document" where "applicationId" = $1 limit 1', [id]);
  const file = await page.request.get(`/en/applications/${id}/documents/${document!.id}`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-security-policy']).toContain("default-src 'none'");
  await signOut(page);

  await signIn(page, 'clerk.transport@demo.gov.kh');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();
  await page.goto(`/en/staff/applications/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await signOut(page);

  // The enrolment page's QR code is inline SVG: it shows under img-src 'self'.
  const newcomer = await copyOfStaff('clerk.works@demo.gov.kh', { enrolled: false });
  await signIn(page, newcomer.email);
  await expect(page.getByRole('img', { name: 'QR code to add MPWT e-Services to your authenticator app' })).toBeVisible();
  await signOut(page);

  await page.goto('/en/verify/CPL-1999-000001');
  await expect(page.getByRole('heading', { level: 1, name: 'Check a licence or permit' })).toBeVisible();

  expect(seen.violations).toEqual([]);
  expect(seen.unguarded).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same pages render under the policy and their forms still post', async ({ page }) => {
    const seen = await watchViolations(page);
    await registerCitizen(page, 'en');
    await startService(page, 'en', 'Register a new vehicle');
    await expect(page.getByRole('heading', { level: 1, name: 'About the vehicle' })).toBeVisible();
    // The server answers what the browser did not check.
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(pageAlert(page).getByRole('link', { name: 'Select type of vehicle' })).toBeVisible();
    await page.getByLabel('Car', { exact: true }).check();
    await page.getByLabel('Make').fill('Toyota');
    await page.getByLabel('Model').fill('Vios');
    await page.getByLabel('Year of manufacture').fill('2026');
    await page.getByLabel('Vehicle identification number (VIN)').fill('JTFSS22P0K0654321');
    await page.getByLabel('Engine number').fill('2NR-7654321');
    await page.getByLabel('Colour').fill('Silver');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'How you got the vehicle' })).toBeVisible();
    await signOut(page);

    const clerk = await copyOfStaff('clerk.transport@demo.gov.kh');
    await signIn(page, clerk.email, undefined, 'en', { secondFactor: false });
    await expect(page.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator' })).toBeVisible();
    await passSecondFactor(page, clerk.key);
    await expect(page.getByRole('heading', { level: 1, name: 'Queue of the General Department of Land Transport' })).toBeVisible();
    await signOut(page);

    await page.goto('/en/verify/CPL-1999-000001');
    await expect(page.getByRole('heading', { level: 1, name: 'Check a licence or permit' })).toBeVisible();
    expect(seen.violations).toEqual([]);
    expect(seen.unguarded).toEqual([]);
  });
});

test('webhooks and JSON load and run nothing; the build\'s static files stay cacheable and carry no nonce', async ({ request }) => {
  const track = await request.get('/api/track?reference=VR-2026-000001&code=AAAAAAAA');
  expect(track.headers()['content-security-policy']).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

  const html = await (await request.get('/en')).text();
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  expect(stylesheet).toMatch(/^\/_next\/static\//);
  const css = await request.get(stylesheet!);
  expect(css.headers()['cache-control']).toContain('immutable');
  expect(css.headers()['content-security-policy']).toBeUndefined();
});
