import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import pg from 'pg';
import { demoPassword } from '../../../prisma/seed';

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

export async function signIn(page: Page, identifier: string, password = demoPassword, locale: 'km' | 'en' = 'en'): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(locale === 'en' ? 'Email address or mobile number' : 'អាសយដ្ឋានអ៊ីមែល ឬលេខទូរស័ព្ទដៃ').fill(identifier);
  await page.getByLabel(locale === 'en' ? 'Password' : 'ពាក្យសម្ងាត់', { exact: true }).fill(password);
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'ចូលគណនី' }).click();
  // Done when the portal has answered: it moved on, or it explained what went wrong.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith('/sign-in')),
    page.locator('main').getByRole('alert').first().waitFor(),
  ]);
}

export async function signOut(page: Page, locale: 'km' | 'en' = 'en'): Promise<void> {
  await page.getByRole('button', { name: locale === 'en' ? 'Sign out' : 'ចាកចេញ' }).click();
  await expect(page.getByText(locale === 'en' ? 'You have signed out.' : 'អ្នកបានចាកចេញហើយ។')).toBeVisible();
}

/** Messages about the page (Next.js keeps its own empty route announcer outside main). */
export const pageAlert = (page: Page) => page.locator('main').getByRole('alert');

export const uniqueEmail = (label = 'citizen') => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;

export const test = base;
