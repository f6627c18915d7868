// Licences are signed with Ed25519 so that a police officer or a bank can check one offline:
// the QR code carries the signed fields and the signature, and the public key is published on
// the verification page. The key comes from LICENCE_SIGNING_KEY (a PKCS#8 PEM); without it
// (demo, tests) one is made once and kept in .data/licence-signing-key.pem.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/** The exact text that is signed: a version tag, then one field a line. */
export function canonicalFields(fields: SignedLicenceFields): string {
  return ['MPWT-LICENCE-1', fields.number, fields.service, fields.holder, fields.validFrom, fields.validUntil ?? '-'].join('\n');
}

export function parseCanonicalFields(text: string): SignedLicenceFields | null {
  const [tag, number, service, holder, validFrom, validUntil, ...rest] = text.split('\n');
  if (tag !== 'MPWT-LICENCE-1' || !number || !service || !holder || !validFrom || !validUntil || rest.length) return null;
  return { number, service, holder, validFrom, validUntil: validUntil === '-' ? null : validUntil };
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
