import type { Page } from '@playwright/test';

/** The button that confirms a decision, as the confirmation step words it in each language. */
const confirmButton = (button: string, locale: 'en' | 'km') => (locale === 'km' ? `បាទ/ចាស ${button}` : `Yes, ${button[0]!.toLowerCase()}${button.slice(1)}`);

/**
 * Takes a decision that ends a stage (approve a stage, approve or reject the application) on the
 * open file page: presses its button, then confirms on the step that says what it will do.
 */
export async function decide(page: Page, button: string, locale: 'en' | 'km' = 'en'): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('button', { name: confirmButton(button, locale), exact: true }).click();
}
