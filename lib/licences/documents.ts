// A licence's PDF and its public verification, from the database.
import 'server-only';
import { db } from '@/lib/db/client';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import type { LocalizedText } from '@/lib/services/definition';
import { definitionOfVersion } from '@/lib/services/queries';
import { factsOfSignedText } from './facts';
import { checkHolderName, type HolderNameCheck } from './holder-name';
import { publicAddress } from '@/lib/http/public-address';
import { licencePdfInput } from './licence-pdf';
import { documentPdf } from './pdf';
import { parseCanonicalFields, publicKeyPem, verifyFields } from './signature';

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function licencePdfFor(applicationId: string): Promise<{ number: string; pdf: Buffer } | null> {
  const licence = await db.licence.findUnique({
    where: { applicationId },
    include: { application: { select: { reference: true, serviceVersionId: true } } },
  });
  if (!licence) return null;
  const definition = await definitionOfVersion(licence.application.serviceVersionId);
  const pdf = await documentPdf(licencePdfInput({ ...licence, reference: licence.application.reference }, definition, publicAddress()));
  return { number: licence.number, pdf };
}

/** Whether a licence holds today (in Phnom Penh): revoked, expired after its last day, or valid. */
export function standingOf(licence: { status: 'valid' | 'revoked'; validUntil: Date | null }): 'valid' | 'expired' | 'revoked' {
  if (licence.status === 'revoked') return 'revoked';
  return licence.validUntil && day(licence.validUntil) < phnomPenhDay(new Date()) ? 'expired' : 'valid';
}

export type Verification =
  | { found: false }
  | {
      found: true;
      number: string;
      status: 'valid' | 'expired' | 'revoked';
      document: LocalizedText;
      /** Only for a genuine QR code or a typed name that matches (lib/licences/holder-name). */
      holder: string | null;
      validFrom: string;
      validUntil: string | null;
      /** What the document certifies: the public facts, and all of them when the holder is shown. */
      facts: { label: LocalizedText; value: LocalizedText }[];
      revokedReason: string | null;
      /** When the QR code's fields and signature came with the request: do they hold? */
      signature: 'genuine' | 'forged' | null;
      /** When a name was typed: does it match the holder's? */
      nameCheck: HolderNameCheck | null;
    };

/**
 * `fields` and `signature` are the QR code's `d` (the signed text, base64url) and `s`;
 * `typedName` is a name the visitor typed, with their address for throttling wrong guesses.
 */
export async function verifyLicence(
  number: string,
  fields?: string,
  signature?: string,
  typedName?: { name: string; clientAddress: string },
): Promise<Verification> {
  const licence = await db.licence.findUnique({ where: { number }, include: { application: { select: { serviceVersionId: true } } } });
  if (!licence) return { found: false };
  const definition = await definitionOfVersion(licence.application.serviceVersionId);
  const validUntil = licence.validUntil ? day(licence.validUntil) : null;
  const status = standingOf(licence);
  let checked: 'genuine' | 'forged' | null = null;
  if (fields && signature) {
    // Either version: licences signed before version 2 keep their QR codes.
    const text = Buffer.from(fields, 'base64url').toString('utf8');
    const genuine = verifyFields(text, signature, publicKeyPem()) && parseCanonicalFields(text)?.number === licence.number && text === licence.signedFields;
    checked = genuine ? 'genuine' : 'forged';
  }
  const typed = typedName?.name.trim();
  const nameCheck = checked !== 'genuine' && typed ? await checkHolderName(licence.holderName, typed, typedName!.clientAddress) : null;
  // Whoever holds the document (its QR code, or the name printed on it) reads all it certifies.
  const holdsDocument = checked === 'genuine' || nameCheck?.result === 'matches';
  return {
    found: true,
    number: licence.number,
    status,
    document: definition.issues ?? definition.name,
    holder: holdsDocument ? licence.holderName : null,
    validFrom: day(licence.validFrom),
    validUntil,
    facts: factsOfSignedText(definition, licence.signedFields).filter((fact) => fact.public || holdsDocument).map(({ label, value }) => ({ label, value })),
    revokedReason: licence.status === 'revoked' ? licence.revokedReason : null,
    signature: checked,
    nameCheck,
  };
}
