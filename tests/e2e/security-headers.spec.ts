import type { APIResponse, Page } from '@playwright/test';
import { registerCitizen, startService } from './support/apply';
import { copyOfStaff, expect, signedInAs, signIn, signOut, test } from './support/fixtures';

// Item 11: every page carries a Content-Security-Policy whose nonce is new on each response and
// sits on every script of that page, and a Permissions-Policy. That the journeys still work under
// them, with JavaScript and without, every end-to-end test checks: its page fails on anything the
// browser blocks (see watchPolicies in support/fixtures.ts).

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
  await signedInAs(page, 'admin@demo.gov.kh');
  await page.goto('/en/admin');
  await expectGuardedTwice(page, ['/en/admin', '/en/staff']);

  // The browser sees the same rules: no device feature is on offer to the page.
  const allowed = await page.evaluate(() => (document as unknown as { featurePolicy?: { allowedFeatures(): string[] } }).featurePolicy?.allowedFeatures() ?? null);
  expect(allowed).not.toBeNull();
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(allowed).not.toContain(feature);
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
