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

test('the signed text is one canonical JSON object that reads back to the same fields', () => {
  const text = canonicalFields(fields);
  expect(text).toBe(
    '{"format":"MPWT-LICENCE-2","holder":"ចាន់ សុភា","number":"DLL-2026-000001","service":"driving-licence-renewal","validFrom":"2026-12-02","validUntil":"2036-12-01"}',
  );
  expect(parseCanonicalFields(text)).toEqual(fields);
  const forever = { ...fields, holder: 'O\'Brien "Tom" \\ Sok', validUntil: null };
  expect(parseCanonicalFields(canonicalFields(forever))).toEqual(forever);
});

test('a holder name with line breaks is not signed, so it cannot add dates under a genuine signature', () => {
  const forged = { ...fields, holder: 'Sok Dara\n2020-01-01\n2099-12-31' };
  expect(() => canonicalFields(forged)).toThrow(UnsignableFieldError);
  for (const holder of ['Sok\rDara', 'Sok\tDara', 'Sok\u0085Dara', 'Sok\u2028Dara', 'Sok\u0000']) {
    expect(() => canonicalFields({ ...fields, holder })).toThrow(UnsignableFieldError);
  }
});

test('only the canonical spelling of version 2 parses: no spaces, reordering, extra or repeated keys', () => {
  const text = canonicalFields(fields);
  const variants = [
    text.replace('","', '", "'),
    JSON.stringify({ holder: fields.holder, format: 'MPWT-LICENCE-2', number: fields.number, service: fields.service, validFrom: fields.validFrom, validUntil: fields.validUntil }),
    text.replace('}', ',"validUntil2":"2099-12-31"}'),
    text.replace('}', ',"holder":"Someone Else"}'),
    text.replace('"holder":"ចាន់ សុភា"', '"holder":"ចាន់\\nសុភា"'),
    text.replace('MPWT-LICENCE-2', 'MPWT-LICENCE-3'),
  ];
  for (const variant of variants) expect(parseCanonicalFields(variant)).toBeNull();
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
  const text = canonicalFields({ ...fields, validUntil: null });
  const link = new URL(qrContent('https://eservices.example.gov.kh/km', fields.number, text, signFields(text)));
  const dir = mkdtempSync(path.join(tmpdir(), 'licence-offline-'));
  writeFileSync(path.join(dir, 'ministry.pem'), publicKeyPem());
  const run = (d: string) =>
    execFileSync('sh', ['-ec', script], { cwd: dir, env: { ...process.env, d, s: link.searchParams.get('s')! }, encoding: 'utf8', stdio: 'pipe' });
  expect(run(link.searchParams.get('d')!)).toBe('Signature Verified Successfully\nMPWT-LICENCE-2\nDLL-2026-000001\nចាន់ សុភា\n2026-12-02\nnull\n');
  // One changed character in the details, and OpenSSL refuses them.
  const changed = Buffer.from(text.replace('2026-12-02', '2026-12-03')).toString('base64url');
  expect(() => run(changed)).toThrow();
});
