import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import {
  canonicalFields,
  parseCanonicalFields,
  publicKeyPem,
  qrContent,
  signFields,
  UnsignableFieldError,
  verifyFields,
  type SignedLicenceFields,
} from '@/lib/licences/signature';

beforeAll(() => {
  // A key of this test's own, so that nothing is written under .data.
  process.env.LICENCE_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
});

const fields: SignedLicenceFields = {
  number: 'DLL-2026-000001',
  service: 'driving-licence-renewal',
  holder: 'ចាន់ សុភា',
  validFrom: '2026-12-02',
  validUntil: '2036-12-01',
};

const vehicle: SignedLicenceFields = {
  number: 'VRL-2026-000001',
  service: 'vehicle-registration',
  holder: 'Sok Dara',
  validFrom: '2026-12-02',
  validUntil: null,
  facts: {
    vin: 'JTFSS22P0K0123456',
    make: 'Toyota',
    yearOfManufacture: 2025,
    ownerAddress: { province: 'phnom-penh', line: 'No. 5, Street 310', district: 'Chamkar Mon' },
    categories: ['b', 'a1'],
  },
  plate: { province: 'phnom-penh', number: '2A-0001' },
};

test('the signed text is one canonical JSON object, keys sorted at every depth, that reads back to the same fields', () => {
  expect(canonicalFields(fields)).toBe(
    '{"facts":{},"format":"MPWT-LICENCE-3","holder":"ចាន់ សុភា","number":"DLL-2026-000001","plate":null,"service":"driving-licence-renewal","validFrom":"2026-12-02","validUntil":"2036-12-01"}',
  );
  expect(parseCanonicalFields(canonicalFields(fields))).toEqual({ ...fields, facts: {}, plate: null });
  const text = canonicalFields(vehicle);
  expect(text).toBe(
    '{"facts":{"categories":["b","a1"],"make":"Toyota","ownerAddress":{"district":"Chamkar Mon","line":"No. 5, Street 310","province":"phnom-penh"},"vin":"JTFSS22P0K0123456","yearOfManufacture":2025},' +
      '"format":"MPWT-LICENCE-3","holder":"Sok Dara","number":"VRL-2026-000001","plate":{"number":"2A-0001","province":"phnom-penh"},"service":"vehicle-registration","validFrom":"2026-12-02","validUntil":null}',
  );
  expect(parseCanonicalFields(text)).toEqual(vehicle);
  const forever = { ...fields, holder: 'O\'Brien "Tom" \\ Sok', validUntil: null };
  expect(parseCanonicalFields(canonicalFields(forever))).toMatchObject(forever);
});

test('a holder name with line breaks is not signed, so it cannot add dates under a genuine signature', () => {
  const forged = { ...fields, holder: 'Sok Dara\n2020-01-01\n2099-12-31' };
  expect(() => canonicalFields(forged)).toThrow(UnsignableFieldError);
  for (const holder of ['Sok\rDara', 'Sok\tDara', 'Sok\u0085Dara', 'Sok\u2028Dara', 'Sok\u0000']) {
    expect(() => canonicalFields({ ...fields, holder })).toThrow(UnsignableFieldError);
  }
  // Nor a certified answer, however deep.
  expect(() => canonicalFields({ ...vehicle, facts: { make: 'Toyota\nValid until 2099-12-31' } })).toThrow(UnsignableFieldError);
  expect(() => canonicalFields({ ...vehicle, facts: { ownerAddress: { province: 'kep', district: 'Kep', line: 'a\u2028b' } } })).toThrow(UnsignableFieldError);
});

test('only the canonical spelling of version 3 parses: no spaces, reordering, extra, repeated or malformed keys', () => {
  const text = canonicalFields(vehicle);
  const variants = [
    text.replace('","', '", "'),
    text.replace('"make":"Toyota","ownerAddress"', '"ownerAddress"').replace('"vin"', '"make":"Toyota","vin"'),
    text.replace('"district":"Chamkar Mon","line":"No. 5, Street 310"', '"line":"No. 5, Street 310","district":"Chamkar Mon"'),
    text.replace('"facts":{', '"facts":{"extra":{"a":"b"},'),
    text.replace('"yearOfManufacture":2025', '"yearOfManufacture":2025.5'),
    text.replace(',"validUntil":null}', ',"validUntil":null,"validUntil2":"2099-12-31"}'),
    text.replace(',"validUntil":null}', ',"validUntil":null,"holder":"Someone Else"}'),
    text.replace('"plate":{"number":"2A-0001","province":"phnom-penh"}', '"plate":{"number":"2A-0001"}'),
    text.replace('"holder":"Sok Dara"', '"holder":"Sok\\nDara"'),
    text.replace('MPWT-LICENCE-3', 'MPWT-LICENCE-4'),
    text.replace('MPWT-LICENCE-3', 'MPWT-LICENCE-2'),
  ];
  for (const variant of variants) expect(parseCanonicalFields(variant), variant).toBeNull();
});

test('version 2 texts (licences issued before version 3) still read, in their one canonical spelling only', () => {
  const v2 = '{"format":"MPWT-LICENCE-2","holder":"ចាន់ សុភា","number":"DLL-2026-000001","service":"driving-licence-renewal","validFrom":"2026-12-02","validUntil":"2036-12-01"}';
  expect(parseCanonicalFields(v2)).toEqual(fields);
  expect(verifyFields(v2, signFields(v2), publicKeyPem())).toBe(true);
  const variants = [
    v2.replace('","', '", "'),
    v2.replace('}', ',"facts":{}}'),
    v2.replace('}', ',"holder":"Someone Else"}'),
    v2.replace('"holder":"ចាន់ សុភា"', '"holder":"ចាន់\\nសុភា"'),
  ];
  for (const variant of variants) expect(parseCanonicalFields(variant), variant).toBeNull();
});

test('version 1 texts (licences issued before) still read, and only with exactly six lines', () => {
  const v1 = ['MPWT-LICENCE-1', 'DLL-2025-000007', 'driving-licence-renewal', 'Sok Dara', '2025-03-01', '-'].join('\n');
  expect(parseCanonicalFields(v1)).toEqual({ number: 'DLL-2025-000007', service: 'driving-licence-renewal', holder: 'Sok Dara', validFrom: '2025-03-01', validUntil: null });
  expect(parseCanonicalFields(`${v1}\n2099-12-31`)).toBeNull();
  const signature = signFields(v1);
  expect(verifyFields(v1, signature, publicKeyPem())).toBe(true);
});

test("the README's offline steps verify a QR code with OpenSSL and read its fields with jq", () => {
  const readme = readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Checking a licence offline'));
  const script = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  const text = canonicalFields(vehicle);
  const link = new URL(qrContent('https://eservices.example.gov.kh/km', fields.number, text, signFields(text)));
  const dir = mkdtempSync(path.join(tmpdir(), 'licence-offline-'));
  writeFileSync(path.join(dir, 'ministry.pem'), publicKeyPem());
  const run = (d: string) =>
    execFileSync('sh', ['-ec', script], { cwd: dir, env: { ...process.env, d, s: link.searchParams.get('s')! }, encoding: 'utf8', stdio: 'pipe' });
  expect(run(link.searchParams.get('d')!)).toBe(
    'Signature Verified Successfully\nMPWT-LICENCE-3\nVRL-2026-000001\nSok Dara\n2026-12-02\nnull\n2A-0001\nJTFSS22P0K0123456\n',
  );
  // One changed character in the details, and OpenSSL refuses them.
  const changed = Buffer.from(text.replace('2026-12-02', '2026-12-03')).toString('base64url');
  expect(() => run(changed)).toThrow();
});
