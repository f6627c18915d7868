import { expect, type Page } from '@playwright/test';
import { uniqueEmail } from './fixtures';

// Small files whose bytes are what their names say: the portal judges content, not names.
export const files = {
  pdf: () => ({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') }),
  png: () => ({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  }),
  renamedProgram: () => ({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]) }),
  oversized: () => ({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]) }),
};

const words = {
  en: { name: 'Full name', identifier: 'Email address or mobile number', password: 'Create a password', create: 'Create account', heading: 'Your applications' },
  km: { name: 'ឈ្មោះពេញ', identifier: 'អាសយដ្ឋានអ៊ីមែល ឬលេខទូរស័ព្ទដៃ', password: 'បង្កើតពាក្យសម្ងាត់', create: 'បង្កើតគណនី', heading: 'ពាក្យស្នើសុំរបស់អ្នក' },
};

export async function registerCitizen(page: Page, locale: 'en' | 'km' = 'en', name = 'Sok Dara'): Promise<string> {
  const email = uniqueEmail();
  const w = words[locale];
  await page.goto(`/${locale}/register`);
  await page.getByLabel(w.name).fill(name);
  await page.getByLabel(w.identifier).fill(email);
  await page.getByLabel(w.password).fill('river lotus morning');
  await page.getByRole('button', { name: w.create }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.heading })).toBeVisible();
  return email;
}

/** Uploads one file for the document with this heading on the documents page. */
export async function upload(page: Page, document: string, file: { name: string; mimeType: string; buffer: Buffer }, button = /Upload|Replace|បញ្ចូល|ប្តូរ/) {
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: document }) });
  await item.locator('input[type=file]').setInputFiles(file);
  await item.getByRole('button', { name: button }).click();
}

export async function startService(page: Page, locale: 'en' | 'km', serviceName: string, start = locale === 'en' ? 'Start now' : 'ចាប់ផ្តើមឥឡូវនេះ') {
  await page.goto(`/${locale}/services`);
  await page.getByRole('link', { name: serviceName }).click();
  await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
  await page.getByRole('button', { name: start }).click();
}

/** Follows an application on the public tracking page, signed out; returns the result's region. */
export async function trackPublicly(page: Page, locale: 'en' | 'km', reference: string, code: string) {
  const w = locale === 'en'
    ? { reference: 'Reference number', code: 'Tracking code', submit: 'Track', result: 'Application' }
    : { reference: 'លេខយោង', code: 'លេខកូដតាមដាន', submit: 'តាមដាន', result: 'ពាក្យស្នើសុំ' };
  await page.goto(`/${locale}/track`);
  await page.getByLabel(w.reference).fill(reference);
  await page.getByLabel(w.code).fill(code);
  await page.getByRole('button', { name: w.submit }).click();
  return page.getByRole('region', { name: `${w.result} ${reference}` });
}
