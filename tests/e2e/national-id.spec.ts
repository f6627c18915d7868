import type { BrowserContext, Cookie, Page } from '@playwright/test';
import { registerCitizen } from './support/apply';
import { expect, expectNoAxeViolations, pageAlert, signOut, sql, test } from './support/fixtures';
import { testIdentities } from './support/identities';
import { configuredUrl } from '../playwright.config';

// The national digital ID sends the person back to the callback address registered with it: the
// portal's configured address. So these journeys start there, as a person does who reaches the
// portal by its public address (the rest of the suite uses another host name on purpose).
test.use({ baseURL: configuredUrl });

type Person = (typeof testIdentities)[keyof typeof testIdentities];

const issuer = () => process.env.E2E_IDENTITY_ISSUER!;
const flowCookieName = 'mpwt.national-id-flow';
const words = {
  en: { start: 'Sign in with the national digital ID', share: 'Sign in and share these details', account: 'Your applications', signIn: 'Sign in' },
  km: { start: 'ចូលដោយអត្តសញ្ញាណឌីជីថលជាតិ', share: 'ចូល ហើយចែករំលែកព័ត៌មានទាំងនេះ', account: 'ពាក្យស្នើសុំរបស់អ្នក', signIn: 'ចូលគណនី' },
};

/** On the provider's page: picks the person and signs in as them. */
async function signInAtProvider(page: Page, person: Person, locale: 'en' | 'km' = 'en') {
  await page.getByLabel(new RegExp(person.name)).check();
  await page.getByRole('button', { name: words[locale].share }).click();
}

async function signInWithNationalId(page: Page, person: Person, locale: 'en' | 'km' = 'en') {
  await page.goto(`/${locale}/sign-in`);
  await page.getByRole('button', { name: words[locale].start }).click();
  await signInAtProvider(page, person, locale);
}

/** Starts a sign-in; answers the authorization request the portal sent the browser to the provider with. */
async function authorizationRequest(page: Page): Promise<URL> {
  await page.goto('/en/sign-in');
  const request = page.waitForRequest((r) => r.url().startsWith(`${issuer()}/auth`));
  await page.getByRole('button', { name: words.en.start }).click();
  const url = new URL((await request).url());
  await expect(page).toHaveURL(new RegExp(`^${issuer()}/interaction/`));
  return url;
}

/**
 * The provider's answer (the address it sends the person back to), kept unused so that a test can
 * alter or replay it: the browser reaches the callback without the flow's cookie, so the portal
 * refuses it before using its code. Returns the answer and the cookie, to put back.
 */
async function heldBackAnswer(page: Page, context: BrowserContext, person: Person): Promise<{ answer: URL; flowCookie: Cookie[] }> {
  await page.goto('/en/sign-in');
  await page.getByRole('button', { name: words.en.start }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer()}/interaction/`));
  const flowCookie = (await context.cookies()).filter((c) => c.name === flowCookieName);
  expect(flowCookie).toHaveLength(1);
  await context.clearCookies({ name: flowCookieName });
  const callback = page.waitForRequest((r) => r.url().includes('/api/national-id/callback?'));
  await signInAtProvider(page, person);
  const answer = new URL((await callback).url());
  await expectRefused(page, flowOverInKhmer, 'km');
  return { answer, flowCookie };
}

/**
 * The sign-in page explains, and no session was started. With no flow cookie the portal cannot
 * know the language the person started in, and answers in Khmer, the portal's first language.
 */
async function expectRefused(page: Page, message: string, locale: 'en' | 'km' = 'en') {
  await expect(page.getByRole('heading', { level: 1, name: words[locale].signIn })).toBeVisible();
  await expect(pageAlert(page)).toContainText(message);
  await page.goto(`/${locale}/account`);
  await expect(page.getByRole('heading', { level: 1, name: words[locale].signIn })).toBeVisible();
}

const flowOverInKhmer = 'ចំណាយពេលយូរពេក ឬបានបញ្ចប់រួចហើយ';

const accountsOf = (person: Person) => sql(`select count(*)::int as n from "User" where "nationalIdNumber" = $1`, [person.nationalIdNumber]);

test('a first sign-in with the national digital ID makes a citizen account from the verified details, in Khmer', async ({ page }) => {
  const person = testIdentities.firstSignIn;
  await page.goto('/km/sign-in');
  await page.getByRole('button', { name: words.km.start }).click();
  // A real provider on loopback, with PKCE, state and nonce in the request.
  await expect(page).toHaveURL(new RegExp(`^${issuer()}/interaction/`));
  await expect(page.getByRole('heading', { level: 1, name: 'អត្តសញ្ញាណឌីជីថលជាតិ (សាកល្បង)' })).toBeVisible();
  await signInAtProvider(page, person, 'km');

  await expect(page.getByRole('heading', { level: 1, name: words.km.account })).toBeVisible();
  const identity = page.getByRole('region', { name: 'អត្តសញ្ញាណរបស់អ្នក' });
  await expect(identity).toContainText('បានផ្ទៀងផ្ទាត់ដោយអត្តសញ្ញាណឌីជីថលជាតិ');
  await expect(identity).toContainText(person.name);
  await expect(identity).toContainText(person.nationalIdNumber);
  await expect(identity).toContainText('មិនអាចកែប្រែ');
  // Verified details are shown, never offered for editing.
  await expect(identity.getByRole('textbox')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(
    await sql(
      `select name, to_char("dateOfBirth", 'YYYY-MM-DD') as born, "nationalIdVerifiedAt" is not null as verified, "passwordHash" is null as "noPassword"
       from "User" where "nationalIdNumber" = $1`,
      [person.nationalIdNumber],
    ),
  ).toEqual([{ name: person.name, born: person.birthdate, verified: true, noPassword: true }]);

  // The next sign-in finds the same account.
  await signOut(page, 'km');
  await signInWithNationalId(page, person, 'km');
  await expect(page.getByRole('heading', { level: 1, name: words.km.account })).toBeVisible();
  expect(await accountsOf(person)).toEqual([{ n: 1 }]);
});

test('a password account links its national ID, which then signs in to it; no other account can take the same ID', async ({ page, browser }) => {
  const person = testIdentities.link;
  const email = await registerCitizen(page, 'en', 'Lim Sreymom');
  await page.getByRole('button', { name: 'Link your national digital ID' }).click();
  await signInAtProvider(page, person);
  await expect(page.getByText('Your national digital ID is linked.')).toBeVisible();
  const identity = page.getByRole('region', { name: 'Your identity' });
  await expect(identity).toContainText('Verified by the national digital ID');
  await expect(identity).toContainText(person.nationalIdNumber);

  await signOut(page);
  await signInWithNationalId(page, person);
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
  await expect(page.getByText(`Welcome, ${person.name}`)).toBeVisible();
  expect(await sql(`select "nationalIdNumber" from "User" where email = $1`, [email])).toEqual([{ nationalIdNumber: person.nationalIdNumber }]);

  const other = await (await browser.newContext()).newPage();
  const otherEmail = await registerCitizen(other, 'en', 'Someone Else');
  await other.getByRole('button', { name: 'Link your national digital ID' }).click();
  await signInAtProvider(other, person);
  await expect(pageAlert(other)).toContainText('This national ID is already linked to another account.');
  expect(await sql(`select "nationalIdNumber" from "User" where email = $1`, [otherEmail])).toEqual([{ nationalIdNumber: null }]);
});

test("a tampered state, a wrong nonce, another issuer's answer and a replayed code are each refused, with no session", async ({ page, context }) => {
  test.setTimeout(90_000);
  const person = testIdentities.refusals;

  // Tampered state: the answer does not belong to the sign-in this browser started.
  const held = await heldBackAnswer(page, context, person);
  await context.addCookies(held.flowCookie);
  const tampered = new URL(held.answer);
  tampered.searchParams.set('state', 'forged-state-value');
  await page.goto(tampered.href);
  await expectRefused(page, 'This sign-in did not start in this browser');

  // Wrong nonce: the provider is asked, behind the portal's back, to put another nonce in the ID token.
  const withOtherNonce = await authorizationRequest(page);
  expect(withOtherNonce.searchParams.get('code_challenge_method')).toBe('S256');
  withOtherNonce.searchParams.set('nonce', 'a-nonce-the-portal-never-made');
  await page.goto(withOtherNonce.href);
  await signInAtProvider(page, person);
  await expectRefused(page, 'The answer from the national digital ID could not be verified');

  // Another issuer: the same request answered by a provider the portal does not trust.
  const original = await authorizationRequest(page);
  await page.goto(new URL(original.pathname + original.search, process.env.E2E_IMPOSTOR_ISSUER!).href);
  await signInAtProvider(page, person);
  await expectRefused(page, 'The answer from the national digital ID could not be verified');
  expect(await accountsOf(person)).toEqual([{ n: 0 }]);

  // Replayed code: the answer is used once, then again with the flow's cookie put back.
  const { answer, flowCookie } = await heldBackAnswer(page, context, person);
  await context.addCookies(flowCookie);
  await page.goto(answer.href);
  await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
  await signOut(page);
  await context.addCookies(flowCookie);
  await page.goto(answer.href);
  await expectRefused(page, 'each one works only once');
  // And once the flow is over, the same answer finds nothing to finish.
  await page.goto(answer.href);
  await expectRefused(page, flowOverInKhmer, 'km');
  expect(await accountsOf(person)).toEqual([{ n: 1 }]);
});
