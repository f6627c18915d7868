import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { sealSecret } from '../../../lib/auth/sealed-secret';
import { rolesNeedingSecondFactor } from '../../../lib/policy/policy';
import { demoAccounts, demoPassword } from '../../../prisma/seed';
import { browserUrl, configuredUrl, serverSecret } from '../../playwright.config';

export { expect };

/** Runs SQL against the portal's test database, to arrange or check what no page shows. */
export async function sql<Row extends object = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** WCAG 2.2 A and AA as axe checks them: no violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${page.url()}`).toEqual([]);
}

/** The code an authenticator app shows now for `key`. */
export const authenticatorCode = (key: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

const isDemoStaff = (identifier: string) =>
  demoAccounts.some((a) => a.email === identifier && (rolesNeedingSecondFactor as readonly string[]).includes(a.role));

/**
 * A new account with the name, password and roles of a demo staff account and an authenticator
 * of its own. Each test signs staff in as their own copy: a TOTP code works once, so two tests
 * sharing one account within 30 seconds would refuse each other.
 */
export async function copyOfStaff(demoEmail: string, { enrolled = true } = {}): Promise<{ email: string; key: string }> {
  const key = new Secret({ size: 20 }).base32;
  const email = demoEmail.replace('@', `+${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@`);
  await sql(
    `with source as (select id, name, "passwordHash" from "User" where email = $1),
       copy as (insert into "User" (id, name, email, "passwordHash", "updatedAt")
                select gen_random_uuid(), name, $2, "passwordHash", now() from source returning id),
       roles as (insert into "RoleAssignment" (id, "userId", role, "departmentId")
                 select gen_random_uuid(), copy.id, r.role, r."departmentId" from copy, source join "RoleAssignment" r on r."userId" = source.id)
     insert into "StaffSecondFactor" ("userId", "sealedSecret", "confirmedAt") select id, $3, now() from copy where $4`,
    [demoEmail, email, sealSecret(key, serverSecret), enrolled],
  );
  return { email, key };
}

/** Enters the authenticator's current code on the second-factor page and waits for the portal's answer. */
export async function passSecondFactor(page: Page, key: string, locale: 'km' | 'en' = 'en'): Promise<void> {
  await page.locator('#code').fill(authenticatorCode(key));
  await page.getByRole('button', { name: locale === 'en' ? 'Continue' : 'បន្ត', exact: true }).click();
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith('/two-factor')),
    page.locator('main').getByRole('alert').first().waitFor(),
  ]);
}

/**
 * Signs in through the form. A demo staff account signs in as a fresh copy of itself (see
 * copyOfStaff) and passes the second factor too, unless `secondFactor` is false.
 */
export async function signIn(
  page: Page,
  identifier: string,
  password = demoPassword,
  locale: 'km' | 'en' = 'en',
  { secondFactor = true } = {},
): Promise<void> {
  const staff = isDemoStaff(identifier) && password === demoPassword ? await copyOfStaff(identifier) : null;
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(locale === 'en' ? 'Email address or mobile number' : 'អាសយដ្ឋានអ៊ីមែល ឬលេខទូរស័ព្ទដៃ').fill(staff?.email ?? identifier);
  await page.getByLabel(locale === 'en' ? 'Password' : 'ពាក្យសម្ងាត់', { exact: true }).fill(password);
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'ចូលគណនី', exact: true }).click();
  // Done when the portal has answered: it moved on, or it explained what went wrong.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith('/sign-in')),
    page.locator('main').getByRole('alert').first().waitFor(),
  ]);
  if (staff && secondFactor) {
    await page.waitForURL((url) => url.pathname.endsWith('/two-factor'));
    await passSecondFactor(page, staff.key, locale);
  }
}

export async function signOut(page: Page, locale: 'km' | 'en' = 'en'): Promise<void> {
  // Exact: the account page also has "Sign out everywhere".
  await page.getByRole('button', { name: locale === 'en' ? 'Sign out' : 'ចាកចេញ', exact: true }).click();
  await expect(page.getByText(locale === 'en' ? 'You have signed out.' : 'អ្នកបានចាកចេញហើយ។')).toBeVisible();
}

/** Messages about the page (Next.js keeps its own empty route announcer outside main). */
/**
 * Waits until React has hydrated the element (it carries React's fiber then): an event fired
 * before that, such as a focus, reaches no handler, as for a person whose tap beats the script.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactFiber')))).toBe(true);
}

export const pageAlert = (page: Page) => page.locator('main').getByRole('alert');

export const uniqueEmail = (label = 'citizen') => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;

/**
 * Signs `page`'s browser in as a demo account to look around, reusing one session per account in
 * each worker: the first call signs in through the form (staff as their own copy, with the second
 * factor, see signIn), later ones put that session's cookies in the browser; then go to the
 * page to look at. A session found ended (by another test, by the idle limit) is replaced by a
 * fresh sign-in. Tests that sign out, change passwords, end sessions or
 * test signing in itself use signIn instead: they would end the shared session, or need a new one.
 */
export async function signedInAs(page: Page, identifier: string): Promise<void> {
  const context = page.context();
  const kept = storedSessions.get(identifier);
  if (kept) {
    await context.addCookies(kept);
    // One request to see that the session still holds (an ended one is sent to sign in; staff
    // get "not found" for the citizen's page, but are not sent anywhere): cheaper than signing in.
    const status = (await context.request.get('/en/account', { maxRedirects: 0 })).status();
    if (status < 300 || status >= 400) return;
    await context.clearCookies();
  }
  await signIn(page, identifier);
  storedSessions.set(identifier, await context.cookies());
}

const storedSessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

/**
 * Watches a page for what the browser refused under the portal's policies (a script, style,
 * frame or form blocked by the Content-Security-Policy, a feature by the Permissions-Policy) and
 * for a portal page served without the policy's nonce. Every test's page is watched (see `test`),
 * so every journey, with JavaScript and without, proves the pages work under the policy.
 */
async function watchPolicies(page: Page): Promise<{ violations: string[]; unguarded: string[] }> {
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
    const html = (response.headers()['content-type'] ?? '').startsWith('text/html');
    // The portal's own pages; the national digital ID's provider is another site with its own rules.
    const portal = [browserUrl, configuredUrl].includes(new URL(response.url()).origin);
    if (html && portal && response.request().isNavigationRequest() && response.frame() === page.mainFrame() && response.status() < 300) {
      // The API reference runs no inline script, so its policy of its own needs no nonce (lib/api/reference.ts).
      const ownPolicy = new URL(response.url()).pathname === '/api/reference';
      if (!ownPolicy && !/'nonce-[^']+'/.test(response.headers()['content-security-policy'] ?? '')) unguarded.push(response.url());
    }
  });
  return { violations, unguarded };
}

export const test = base.extend({
  page: async ({ page }, run) => {
    const seen = await watchPolicies(page);
    await run(page);
    expect(seen.violations, 'what the browser blocked under the policies').toEqual([]);
    expect(seen.unguarded, 'pages served without the policy').toEqual([]);
  },
});
