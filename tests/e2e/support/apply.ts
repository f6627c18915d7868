import { expect, type Page } from '@playwright/test';
import { uniqueEmail } from './fixtures';
import { finishRegistration } from './registration';

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
  await finishRegistration(page, email, locale);
  await expect(page.getByRole('heading', { level: 1, name: w.heading })).toBeVisible();
  return email;
}

const dateLabels = { en: ['Day', 'Month', 'Year'], km: ['ថ្ងៃ', 'ខែ', 'ឆ្នាំ'] } as const;

/** Types a date into the day, month and year boxes of the question with this legend. */
export async function fillDate(page: Page, question: string, [day, month, year]: [string, string, string], locale: 'en' | 'km' = 'en') {
  const group = page.getByRole('group', { name: question });
  const [dayLabel, monthLabel, yearLabel] = dateLabels[locale];
  await group.getByLabel(dayLabel, { exact: true }).fill(day);
  await group.getByLabel(monthLabel, { exact: true }).fill(month);
  await group.getByLabel(yearLabel, { exact: true }).fill(year);
}

/** Uploads one file for the document with this heading on the documents page. */
export async function upload(page: Page, document: string, file: { name: string; mimeType: string; buffer: Buffer }, button = /Upload|Replace|បញ្ចូល|ប្តូរ/) {
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: document }) });
  await item.locator('input[type=file]').setInputFiles(file);
  await item.getByRole('button', { name: button }).click();
}

/** Opens the service from the catalogue and starts an application, for an organisation when `forWhom` names one. */
export async function startService(page: Page, locale: 'en' | 'km', serviceName: string, start = locale === 'en' ? 'Start now' : 'ចាប់ផ្តើមឥឡូវនេះ', forWhom?: string) {
  await page.goto(`/${locale}/services`);
  await page.getByRole('link', { name: serviceName }).click();
  await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
  if (forWhom) await page.getByRole('group', { name: 'Who is this application for?' }).getByLabel(forWhom).check();
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

/** Files a vehicle registration (a car unless said) in English from a signed-in citizen's browser, for an organisation if named; returns its id and reference. */
export async function fileVehicleRegistration(page: Page, vin = 'JTFSS22P0K0123456', { for: forWhom, vehicle = 'Car' }: { for?: string; vehicle?: 'Car' | 'Motorcycle' } = {}) {
  await startService(page, 'en', 'Register a new vehicle', undefined, forWhom);
  await page.getByLabel(vehicle, { exact: true }).check();
  await page.getByLabel('Make').fill('Toyota');
  await page.getByLabel('Model').fill('Vios');
  await page.getByLabel('Year of manufacture').fill('2026');
  await page.getByLabel('Vehicle identification number (VIN)').fill(vin);
  await page.getByLabel('Engine number').fill('2NR-7654321');
  await page.getByLabel('Colour').fill('Silver');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('Bought new from a dealer in Cambodia').check();
  await fillDate(page, 'Date of purchase', ['2', '11', '2026']);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('National ID number').fill('010 234 567');
  await page.getByLabel('Province or capital').selectOption({ label: 'Phnom Penh' });
  await page.getByLabel('District (Khan or Srok)').fill('Chamkar Mon');
  await page.getByLabel('Mobile number').fill('012 345 678');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await upload(page, "Owner's national ID card (front and back)", files.png());
  await upload(page, 'Sales invoice for the vehicle', files.pdf());
  await upload(page, 'Photos of the vehicle from the front and the side', files.png());
  await expect(page.getByText('Photos of the vehicle from the front and the side has been uploaded.')).toBeVisible();
  return checkAndSubmit(page);
}

/** Files a construction permit for housing in English, for an organisation if named; returns its id and reference. */
export async function fileConstructionPermit(page: Page, { for: forWhom }: { for?: string } = {}) {
  await startService(page, 'en', 'Construction permit', undefined, forWhom);
  await page.getByLabel('Project name').fill('Riverside flats');
  await page.getByLabel('What the building will be used for').selectOption({ label: 'Housing' });
  await page.getByLabel('Number of floors').fill('4');
  await page.getByLabel('Total floor area (square metres)').fill('800');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('Province or capital').selectOption({ label: 'Phnom Penh' });
  await page.getByLabel('District (Khan or Srok)').fill('Tuol Kouk');
  await page.getByLabel('Land title number').fill('12020304-0099');
  await page.getByLabel('Land area (square metres)').fill('300');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel("Architect's name").fill('Heng Visal');
  await page.getByLabel("Engineer's licence number").fill('ENG-2211');
  await page.getByLabel('Contact mobile number').fill('011 222 333');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  for (const document of ['Land title certificate', 'Architectural drawings', 'Structural drawings', 'Site plan', 'National ID card or company registration certificate']) {
    await upload(page, document, files.pdf());
    await expect(page.getByText(`${document} has been uploaded.`)).toBeVisible();
  }
  return checkAndSubmit(page);
}

async function checkAndSubmit(page: Page) {
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  await page.getByLabel(/I confirm that the information/).check();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  const id = new URL(page.url()).pathname.split('/')[3]!;
  return { id, reference };
}
