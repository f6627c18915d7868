// Licences are signed with Ed25519 so that a police officer or a bank can check one offline:
// the QR code carries the signed fields and the signature, and the public key is published on
// the verification page. The key comes from LICENCE_SIGNING_KEY (a PKCS#8 PEM); without it
// (demo, tests) one is made once and kept in .data/licence-signing-key.pem.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { controlCharacters } from '@/lib/validation/plain-text';

// Relative to the working directory, which is the project for npm start, the worker and tests.
const keyFile = path.join(process.cwd(), '.data', 'licence-signing-key.pem');
let cached: KeyObject | undefined;

function signingKey(): KeyObject {
  if (cached) return cached;
  let pem = process.env.LICENCE_SIGNING_KEY;
  if (!pem) {
    if (!existsSync(keyFile)) {
      mkdirSync(path.dirname(keyFile), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    pem = readFileSync(keyFile, 'utf8');
  }
  return (cached = createPrivateKey(pem.replace(/\\n/g, '\n')));
}

/** The public key, as published for offline checks. */
export function publicKeyPem(): string {
  return createPublicKey(signingKey()).export({ type: 'spki', format: 'pem' }).toString();
}

export interface SignedLicenceFields {
  number: string;
  service: string;
  holder: string;
  validFrom: string;
  /** 'YYYY-MM-DD', or null when it does not expire. */
  validUntil: string | null;
}

// Version 2 of the signed text: a JSON object with its keys in sorted order and no whitespace,
// so that the bytes in the QR code parse one way only. (Version 1, one field a line, let a
// holder name with line breaks add lines that a line-by-line checker read as other fields.)
// An offline checker verifies the signature over the exact bytes, then reads them with any JSON
// parser (README, "Checking a licence offline").
const formatV2 = 'MPWT-LICENCE-2';
const formatV1 = 'MPWT-LICENCE-1';

export class UnsignableFieldError extends Error {}

/** The exact text that new licences are signed over (version 2). */
export function canonicalFields(fields: SignedLicenceFields): string {
  for (const value of [fields.number, fields.service, fields.holder, fields.validFrom, fields.validUntil ?? '']) {
    // Forms refuse these already; a name that reached here another way is not signed.
    if (controlCharacters.test(value)) throw new UnsignableFieldError('A signed field holds a control character');
  }
  // Keys in code-point order, as a canonicaliser (RFC 8785) would sort them.
  return JSON.stringify({
    format: formatV2,
    holder: fields.holder,
    number: fields.number,
    service: fields.service,
    validFrom: fields.validFrom,
    validUntil: fields.validUntil,
  });
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && !controlCharacters.test(value);

function parseV2(text: string): SignedLicenceFields | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { format, number, service, holder, validFrom, validUntil } = parsed as Record<string, unknown>;
  if (format !== formatV2 || !isText(number) || !isText(service) || !isText(holder) || !isText(validFrom)) return null;
  if (validUntil !== null && !isText(validUntil)) return null;
  const fields = { number, service, holder, validFrom, validUntil };
  // Only the one canonical spelling counts: no extra keys, spaces, escapes or reordering.
  return canonicalFields(fields) === text ? fields : null;
}

/** Version 1, read only: licences issued before version 2 still verify with their QR codes. */
function parseV1(text: string): SignedLicenceFields | null {
  const [tag, number, service, holder, validFrom, validUntil, ...rest] = text.split('\n');
  if (tag !== formatV1 || !number || !service || !holder || !validFrom || !validUntil || rest.length) return null;
  return { number, service, holder, validFrom, validUntil: validUntil === '-' ? null : validUntil };
}

/** The fields of a signed text of either version, or null when it is neither, exactly. */
export function parseCanonicalFields(text: string): SignedLicenceFields | null {
  return text.startsWith('{') ? parseV2(text) : parseV1(text);
}

export function signFields(text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), signingKey()).toString('base64url');
}

/** Checks a signature with a public key alone, as an offline checker does. */
export function verifyFields(text: string, signature: string, publicKey: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), createPublicKey(publicKey), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** What the QR code holds: the verification address, with the signed fields and signature. */
export function qrContent(portalUrl: string, number: string, text: string, signature: string): string {
  return `${portalUrl}/verify/${encodeURIComponent(number)}?d=${Buffer.from(text, 'utf8').toString('base64url')}&s=${signature}`;
}
