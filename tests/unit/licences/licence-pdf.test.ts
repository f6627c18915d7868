import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { certifiedAnswers } from '@/lib/licences/facts';
import { licencePdfInput, type LicenceRecord } from '@/lib/licences/licence-pdf';
import { documentPdf } from '@/lib/licences/pdf';
import { canonicalFields, signFields, type Plate } from '@/lib/licences/signature';
import type { Answers } from '@/lib/services/answers';
import { seedServices } from '@/lib/services/catalogue';
import type { ServiceDefinition } from '@/lib/services/definition';
import { demoAnswers } from '../../../prisma/demo-applications';

beforeAll(() => {
  process.env.LICENCE_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
});

const answers: Record<string, Answers> = {
  ...demoAnswers,
  'transport-operator-licence': { operationType: 'passenger', companyName: 'Angkor Express Co., Ltd.', fleetSize: 24, routes: 'Phnom Penh to Siem Reap', depotAddress: { province: 'phnom-penh', district: 'Meanchey', line: 'Street 271' }, managerMobile: '+85512345678' },
  'road-excavation-permit': { utilityType: 'water', worksDescription: 'New water main', contractorName: 'Mekong Pipes', roadNumber: '5', province: { province: 'kandal', district: 'Ponhea Leu', line: '' }, excavationLength: 850, startDate: '2027-01-15', durationDays: 30 },
};

function licence(definition: ServiceDefinition, given: Answers, { plate = null as Plate | null, revoked = false, holder = 'ស្រី សុខន្ធា' } = {}): LicenceRecord {
  const text = canonicalFields({ number: `${definition.referencePrefix}L-2026-000001`, service: definition.code, holder, validFrom: '2026-12-02', validUntil: null, facts: certifiedAnswers(definition, given), plate });
  return {
    number: `${definition.referencePrefix}L-2026-000001`, holderName: holder, reference: `${definition.referencePrefix}-2026-000001`,
    issuedAt: new Date('2026-12-02T03:00:00Z'), validFrom: new Date('2026-12-02'), validUntil: null,
    signedFields: text, signature: signFields(text), status: revoked ? 'revoked' : 'valid',
    revokedAt: revoked ? new Date('2026-12-20T03:00:00Z') : null, revokedReason: revoked ? 'ឯកសារក្លែងក្លាយ: the sales invoice was forged.' : null,
  };
}

const pages = (pdf: Buffer) => /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())![1];
const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

// Revoked is the longest a document gets (a banner above the same rows), and the slowest to set.
test.each(seedServices.filter((s) => s.issues).map((s) => [s.code, s] as const))('a %s fits one page, revoked too', async (_, definition) => {
  const pdf = await documentPdf(licencePdfInput(licence(definition, answers[definition.code]!, { revoked: true }), definition, 'https://e-services.example.gov.kh/km'));
  expect(pages(pdf)).toBe('1');
}, 30_000);

test('a vehicle card prints the plate and the vehicle, in both languages where they differ', async () => {
  const definition = seedServices.find((s) => s.code === 'vehicle-registration')!;
  const pdf = await documentPdf(licencePdfInput(licence(definition, answers['vehicle-registration']!, { plate: { province: 'phnom-penh', number: '2A-0001' } }), definition, 'https://e-services.example.gov.kh/km'));
  const text = textOf(pdf);
  for (const expected of ['ស្លាកលេខ', 'Plate number', 'ភ្នំពេញ 2A-0001 / Phnom Penh 2A-0001', 'JTFSS22P0K0123456', 'Toyota', 'Hilux', 'White', '2025', 'រថយន្ត / Car', '2GD-1234567']) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('REVOKED');
}, 30_000);

test('a revoked document says so on its face, with the date and the reason', async () => {
  const definition = seedServices.find((s) => s.code === 'construction-permit')!;
  const text = textOf(await documentPdf(licencePdfInput(licence(definition, answers['construction-permit']!, { revoked: true }), definition, 'https://e-services.example.gov.kh/km')));
  expect(text).toContain('បានដកហូត REVOKED');
  expect(text).toContain('ដកហូតនៅថ្ងៃ / Revoked on: 20 ធ្នូ 2026 / 20 December 2026');
  expect(text).toContain('the sales invoice was forged.');
  expect(text).toContain('This document is no longer valid.');
}, 30_000);

test('answers at their longest are set smaller, still on one page', async () => {
  const definition = seedServices.find((s) => s.code === 'construction-permit')!;
  const long = 'ផ្ទះលេខ ១២៣ ផ្លូវ ៣១០ '.repeat(9);
  const given = { ...answers['construction-permit']!, siteAddress: { province: 'phnom-penh', district: long.slice(0, 100), line: long.slice(0, 200) }, landTitleNumber: long.slice(0, 180) };
  const pdf = await documentPdf(licencePdfInput(licence(definition, given, { revoked: true, holder: 'Sok Dara '.repeat(10).trim() }), definition, 'https://e-services.example.gov.kh/km'));
  expect(pages(pdf)).toBe('1');
  expect(textOf(pdf)).toContain('REVOKED');
}, 30_000);
