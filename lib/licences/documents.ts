// A licence's PDF and its public verification, from the database.
import 'server-only';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { db } from '@/lib/db/client';
import { formatDay } from '@/lib/i18n/format';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import type { LocalizedText } from '@/lib/services/definition';
import { definitionOfVersion } from '@/lib/services/queries';
import { checkHolderName, type HolderNameCheck } from './holder-name';
import { publicAddress } from '@/lib/http/public-address';
import { documentPdf } from './pdf';
import { parseCanonicalFields, publicKeyPem, qrContent, verifyFields } from './signature';

const day = (date: Date) => date.toISOString().slice(0, 10);
// On the document, a day in both languages, as the pages write it: "2 ធ្នូ 2026 / 2 December 2026".
const printedDay = (date: Date | string) => `${formatDay(date, 'km')} / ${formatDay(date, 'en')}`;
const both = (key: keyof typeof en.licence): LocalizedText => ({ km: km.licence[key], en: en.licence[key] });

/** The kingdom, motto and ministry lines at the top of every document. */
export const documentHeader = () => ({ kingdom: both('kingdom'), motto: both('motto'), ministry: both('ministry') });

export async function licencePdfFor(applicationId: string): Promise<{ number: string; pdf: Buffer } | null> {
  const licence = await db.licence.findUnique({
    where: { applicationId },
    include: { application: { select: { reference: true, serviceVersionId: true } } },
  });
  if (!licence) return null;
  const definition = await definitionOfVersion(licence.application.serviceVersionId);
  const pdf = await documentPdf({
    title: definition.issues ?? definition.name,
    header: documentHeader(),
    rows: [
      [both('number'), licence.number],
      [both('holder'), licence.holderName],
      [both('service'), `${definition.name.km} / ${definition.name.en}`],
      [both('reference'), licence.application.reference ?? ''],
      [both('validFrom'), printedDay(day(licence.validFrom))],
      [both('validUntil'), licence.validUntil ? printedDay(day(licence.validUntil)) : `${km.licence.noExpiry} / ${en.licence.noExpiry}`],
      [both('issuedOn'), printedDay(phnomPenhDay(licence.issuedAt))],
      ...definition.conditions.map((condition, i): [LocalizedText, string] => [i === 0 ? both('conditions') : { km: '', en: '' }, `${condition.km} / ${condition.en}`]),
    ],
    qr: { content: qrContent(publicAddress(), licence.number, licence.signedFields, licence.signature), caption: both('scan') },
  });
  return { number: licence.number, pdf };
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
  const status = licence.status === 'revoked' ? 'revoked' : validUntil && validUntil < phnomPenhDay(new Date()) ? 'expired' : 'valid';
  let checked: 'genuine' | 'forged' | null = null;
  if (fields && signature) {
    // Either version: licences signed before version 2 keep their QR codes.
    const text = Buffer.from(fields, 'base64url').toString('utf8');
    const genuine = verifyFields(text, signature, publicKeyPem()) && parseCanonicalFields(text)?.number === licence.number && text === licence.signedFields;
    checked = genuine ? 'genuine' : 'forged';
  }
  const typed = typedName?.name.trim();
  const nameCheck = checked !== 'genuine' && typed ? await checkHolderName(licence.holderName, typed, typedName!.clientAddress) : null;
  return {
    found: true,
    number: licence.number,
    status,
    document: definition.issues ?? definition.name,
    holder: checked === 'genuine' || nameCheck?.result === 'matches' ? licence.holderName : null,
    validFrom: day(licence.validFrom),
    validUntil,
    revokedReason: licence.status === 'revoked' ? licence.revokedReason : null,
    signature: checked,
    nameCheck,
  };
}
