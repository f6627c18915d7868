// Licences are signed with Ed25519 so that a police officer or a bank can check one offline:
// the QR code carries the signed fields and the signature, and the public key is published on
// the verification page. The key comes from LICENCE_SIGNING_KEY (a PKCS#8 PEM); without it
// (demo, tests) one is made once and kept in .data/licence-signing-key.pem.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer, Answers } from '@/lib/services/answers';
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

/** The number plate allocated at issuance (lib/licences/plates.ts). */
export interface Plate {
  /** A province code of lib/services/provinces.ts. */
  province: string;
  /** '2A-1234' */
  number: string;
}

export interface SignedLicenceFields {
  number: string;
  service: string;
  holder: string;
  validFrom: string;
  /** 'YYYY-MM-DD', or null when it does not expire. */
  validUntil: string | null;
  /** Since version 3: the answers the document certifies, by question key (lib/licences/facts.ts). */
  facts?: Answers;
  /** Since version 3: the number plate allocated at issuance, or null. */
  plate?: Plate | null;
}

// Version 3 of the signed text adds what the document certifies: the printed answers (`facts`,
// as the application stored them: option codes, numbers, ISO dates, addresses as objects) and the
// plate number, so that a QR code certifies the vehicle or the site, not only the holder.
// Like version 2 it is one JSON object, keys sorted at every depth by code unit (as RFC 8785
// sorts them), no whitespace, so the bytes in the QR code parse one way only. (Version 1, one
// field a line, let a holder name with line breaks add lines that a line-by-line checker read
// as other fields.) An offline checker verifies the signature over the exact bytes, then reads
// them with any JSON parser (README, "Checking a licence offline").
const formatV3 = 'MPWT-LICENCE-3';
const formatV2 = 'MPWT-LICENCE-2';
const formatV1 = 'MPWT-LICENCE-1';

export class UnsignableFieldError extends Error {}

/** JSON with the keys of every object in code-unit order and no whitespace. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const textsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(textsIn) : [];

/** The exact text that new licences are signed over (version 3). */
export function canonicalFields(fields: SignedLicenceFields): string {
  const facts = fields.facts ?? {};
  const plate = fields.plate ?? null;
  for (const value of [fields.number, fields.service, fields.holder, fields.validFrom, fields.validUntil ?? '', ...textsIn(facts), ...textsIn(plate)]) {
    // Forms refuse these already; a name that reached here another way is not signed.
    if (controlCharacters.test(value)) throw new UnsignableFieldError('A signed field holds a control character');
  }
  const { number, service, holder, validFrom, validUntil } = fields;
  return canonicalJson({ facts, format: formatV3, holder, number, plate, service, validFrom, validUntil });
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && !controlCharacters.test(value);
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function isAnswer(value: unknown): value is Answer {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.every(isText);
  if (isObject(value)) {
    const keys = Object.keys(value).sort().join();
    return keys === 'district,line,province' && Object.values(value).every((part) => typeof part === 'string' && !controlCharacters.test(part));
  }
  return isText(value);
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The fields every version since 2 has, or null. */
function commonFields(parsed: Record<string, unknown>): SignedLicenceFields | null {
  const { number, service, holder, validFrom, validUntil } = parsed;
  if (!isText(number) || !isText(service) || !isText(holder) || !isText(validFrom)) return null;
  if (validUntil !== null && !isText(validUntil)) return null;
  return { number, service, holder, validFrom, validUntil };
}

function parseV3(parsed: Record<string, unknown>): SignedLicenceFields | null {
  const common = commonFields(parsed);
  const { facts, plate } = parsed;
  if (!common || !isObject(facts) || !Object.values(facts).every(isAnswer)) return null;
  if (plate !== null && !(isObject(plate) && isText(plate.province) && isText(plate.number))) return null;
  return { ...common, facts: facts as Answers, plate: plate && { province: plate.province as string, number: plate.number as string } };
}

/** Version 2, read only: { format, holder, number, service, validFrom, validUntil }. */
function parseV2(parsed: Record<string, unknown>): { fields: SignedLicenceFields; canonical: string } | null {
  const fields = commonFields(parsed);
  if (!fields) return null;
  const { number, service, holder, validFrom, validUntil } = fields;
  return { fields, canonical: JSON.stringify({ format: formatV2, holder, number, service, validFrom, validUntil }) };
}

/** Version 1, read only: licences issued before version 2 still verify with their QR codes. */
function parseV1(text: string): SignedLicenceFields | null {
  const [tag, number, service, holder, validFrom, validUntil, ...rest] = text.split('\n');
  if (tag !== formatV1 || !number || !service || !holder || !validFrom || !validUntil || rest.length) return null;
  return { number, service, holder, validFrom, validUntil: validUntil === '-' ? null : validUntil };
}

/** The fields of a signed text of any version, or null when it is none, exactly. */
export function parseCanonicalFields(text: string): SignedLicenceFields | null {
  if (!text.startsWith('{')) return parseV1(text);
  const parsed = parseJson(text);
  if (parsed?.format === formatV3) {
    const fields = parseV3(parsed);
    // Only the one canonical spelling counts: no extra keys, spaces, escapes or reordering.
    return fields && canonicalFields(fields) === text ? fields : null;
  }
  if (parsed?.format === formatV2) {
    const v2 = parseV2(parsed);
    return v2 && v2.canonical === text ? v2.fields : null;
  }
  return null;
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
