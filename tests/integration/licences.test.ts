import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import { licencePdfFor, verifyLicence } from '@/lib/licences/documents';
import { validUntil } from '@/lib/licences/issue';
import { canonicalFields, parseCanonicalFields, publicKeyPem, signFields, verifyFields } from '@/lib/licences/signature';
import { perform } from '@/lib/workflow/machine';
import { filedApplication, newCitizen, newStaff } from './support/applicants';

async function issuedRenewal(holder: string) {
  const citizen = await newCitizen();
  await db.user.update({ where: { id: citizen.id }, data: { name: holder } });
  const id = await filedApplication(citizen);
  const clerk = await newStaff('clerk', 'land-transport');
  const file = (await findApplication(clerk, id, 'application.view'))!;
  await perform(clerk, file, 'finalApprove', {}, file.version);
  return { id, licence: await db.licence.findUniqueOrThrow({ where: { applicationId: id } }) };
}

test("final approval issues a signed licence, valid for the service's term, and tells the applicant", async () => {
  const { id, licence } = await issuedRenewal('ចាន់ សុភា');
  const application = await db.application.findUniqueOrThrow({ where: { id } });
  expect(application.status).toBe('issued');
  expect(licence.number).toMatch(/^DLL-\d{4}-\d{6}$/);
  expect(licence.holderName).toBe('ចាន់ សុភា');
  // A renewed driving licence runs ten years.
  const from = licence.validFrom.toISOString().slice(0, 10);
  expect(licence.validUntil!.toISOString().slice(0, 10)).toBe(validUntil(from, 120));
  expect(Number(validUntil(from, 120).slice(0, 4)) - Number(from.slice(0, 4))).toBeGreaterThanOrEqual(9);
  expect(await db.applicationEvent.findMany({ where: { applicationId: id, visibility: 'public' }, orderBy: { id: 'asc' }, select: { type: true } })).toEqual([
    { type: 'submitted' }, { type: 'approved' }, { type: 'issued' },
  ]);
  expect(await db.notification.findMany({ where: { applicationId: id }, orderBy: { createdAt: 'asc' }, select: { kind: true } })).toEqual([
    { kind: 'submitted' }, { kind: 'approved' }, { kind: 'permit_issued' },
  ]);
});

test("a licence's signature checks with the published public key alone, and one changed field breaks it", async () => {
  const { licence } = await issuedRenewal('Sok Dara');
  const publicKey = publicKeyPem();
  expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  expect(verifyFields(licence.signedFields, licence.signature, publicKey)).toBe(true);
  const fields = parseCanonicalFields(licence.signedFields)!;
  expect(fields).toMatchObject({ number: licence.number, holder: 'Sok Dara', service: 'driving-licence-renewal' });
  for (const change of [{ holder: 'Sok Dara ' }, { validUntil: '2099-12-31' }, { number: licence.number.replace(/\d$/, '9') }]) {
    expect(verifyFields(canonicalFields({ ...fields, ...change }), licence.signature, publicKey)).toBe(false);
  }
  // The verification page's check: the QR code's fields and signature, against the record.
  const d = Buffer.from(licence.signedFields).toString('base64url');
  expect(await verifyLicence(licence.number, d, licence.signature)).toMatchObject({ found: true, status: 'valid', signature: 'genuine' });
  const forged = Buffer.from(licence.signedFields.replace('Sok Dara', 'Someone Else')).toString('base64url');
  expect(await verifyLicence(licence.number, forged, licence.signature)).toMatchObject({ signature: 'forged' });
  expect(await verifyLicence('DLL-1999-000001')).toEqual({ found: false });
});

test("the licence PDF's text holds the Khmer holder name and service name intact", async () => {
  const { id } = await issuedRenewal('ស្រី សុខន្ធា');
  const { pdf } = (await licencePdfFor(id))!;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  expect(text).toContain('ស្រី សុខន្ធា');
  expect(text).toContain('ការបន្តសុពលភាពប័ណ្ណបើកបរ');
  expect(text).toContain('ប័ណ្ណបើកបរ');
  expect(text).toContain('Renew a driving licence');
  // Days in words in both languages, as the pages write them, never 2026-12-02.
  expect(text).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

test('the head of the issuing department revokes a licence with a reason; the verification says so', async () => {
  const { id, licence } = await issuedRenewal('Keo Sreymom');
  const clerk = await newStaff('clerk', 'land-transport');
  const head = await newStaff('department_head', 'land-transport');
  let file = (await findApplication(head, id, 'application.view'))!;
  await expect(perform(clerk, (await findApplication(clerk, id, 'application.view'))!, 'revokeLicence', { reason: 'x' }, file.version)).rejects.toThrow();
  await perform(head, file, 'revokeLicence', { reason: 'Issued on a forged medical certificate.' }, file.version);
  expect(await verifyLicence(licence.number)).toMatchObject({ status: 'revoked', revokedReason: 'Issued on a forged medical certificate.' });
  file = (await findApplication(head, id, 'application.view'))!;
  await expect(perform(head, file, 'revokeLicence', { reason: 'again' }, file.version)).rejects.toThrow();
});

test('a licence signed the version 1 way (one field a line) still verifies with its QR code', async () => {
  const { licence } = await issuedRenewal('Sok Dara');
  const v1 = ['MPWT-LICENCE-1', licence.number, 'driving-licence-renewal', 'Sok Dara', licence.validFrom.toISOString().slice(0, 10), licence.validUntil!.toISOString().slice(0, 10)].join('\n');
  const signature = signFields(v1);
  await db.licence.update({ where: { id: licence.id }, data: { signedFields: v1, signature } });
  const d = Buffer.from(v1).toString('base64url');
  expect(await verifyLicence(licence.number, d, signature)).toMatchObject({ found: true, status: 'valid', signature: 'genuine', holder: 'Sok Dara' });
  // Its PDF's QR code carries the same version 1 text.
  expect(parseCanonicalFields(v1)).toMatchObject({ number: licence.number, holder: 'Sok Dara' });
  const forged = Buffer.from(v1.replace('Sok Dara', 'Sok Dara\n2020-01-01')).toString('base64url');
  expect(await verifyLicence(licence.number, forged, signature)).toMatchObject({ signature: 'forged', holder: null });
});

test('new licences are signed as version 2, and a holder name with a line break is never signed', async () => {
  const { licence } = await issuedRenewal('Sok Dara');
  expect(JSON.parse(licence.signedFields)).toMatchObject({ format: 'MPWT-LICENCE-2', holder: 'Sok Dara', number: licence.number });
  // A name that reached the database before forms refused line breaks: approval fails, nothing is issued.
  await expect(issuedRenewal('Sok Dara\n2020-01-01\n2099-12-31')).rejects.toThrow();
  expect(await db.licence.count({ where: { holderName: { contains: '\n' } } })).toBe(0);
});

test('the number alone does not name the holder; a genuine QR code or the printed name does, and wrong names are limited', async () => {
  const { licence } = await issuedRenewal('Chan Sophea');
  expect(await verifyLicence(licence.number)).toMatchObject({ found: true, status: 'valid', holder: null, nameCheck: null });
  const d = Buffer.from(licence.signedFields).toString('base64url');
  expect(await verifyLicence(licence.number, d, licence.signature)).toMatchObject({ holder: 'Chan Sophea' });
  const address = `test-${crypto.randomUUID()}`;
  expect(await verifyLicence(licence.number, undefined, undefined, { name: ' chan  SOPHEA ', clientAddress: address })).toMatchObject({
    holder: 'Chan Sophea', nameCheck: { result: 'matches' },
  });
  expect(await verifyLicence(licence.number, undefined, undefined, { name: 'Chan Sopheap', clientAddress: address })).toMatchObject({
    holder: null, nameCheck: { result: 'differs' },
  });
  for (let i = 0; i < 9; i++) await verifyLicence(licence.number, undefined, undefined, { name: `Guess ${i}`, clientAddress: address });
  // Locked now: even the right name is not checked from this address.
  expect(await verifyLicence(licence.number, undefined, undefined, { name: 'Chan Sophea', clientAddress: address })).toMatchObject({
    holder: null, nameCheck: { result: 'limited' },
  });
});
