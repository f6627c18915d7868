// What a licence's PDF says: its rows, its QR code and, once revoked, the banner that says so.
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { formatDay } from '@/lib/i18n/format';
import type { LocalizedText, ServiceDefinition } from '@/lib/services/definition';
import { factsOfSignedText } from './facts';
import type { DocumentPdfInput } from './pdf';
import { qrContent } from './signature';

export interface LicenceRecord {
  number: string;
  holderName: string;
  reference: string | null;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date | null;
  signedFields: string;
  signature: string;
  status: 'valid' | 'revoked';
  revokedAt: Date | null;
  revokedReason: string | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
// On the document, a day in both languages, as the pages write it: "2 ធ្នូ 2026 / 2 December 2026".
const printedDay = (date: Date | string) => `${formatDay(date, 'km')} / ${formatDay(date, 'en')}`;
const both = (key: keyof typeof en.licence): LocalizedText => ({ km: km.licence[key], en: en.licence[key] });
const facts = (key: keyof typeof en.licenceFacts): LocalizedText => ({ km: km.licenceFacts[key], en: en.licenceFacts[key] });
const inBoth = ({ km, en }: LocalizedText) => (km === en ? en : `${km} / ${en}`);

/** The kingdom, motto and ministry lines at the top of every document. */
export const documentHeader = () => ({ kingdom: both('kingdom'), motto: both('motto'), ministry: both('ministry') });

/** `verifyAt`: the portal's public address, where the QR code opens the verification page. */
export function licencePdfInput(licence: LicenceRecord, definition: ServiceDefinition, verifyAt: string): DocumentPdfInput {
  return {
    title: definition.issues ?? definition.name,
    header: documentHeader(),
    rows: [
      [both('number'), licence.number],
      [both('holder'), licence.holderName],
      [both('service'), inBoth(definition.name)],
      [both('reference'), licence.reference ?? ''],
      ...factsOfSignedText(definition, licence.signedFields).map((fact): [LocalizedText, string] => [fact.label, inBoth(fact.value)]),
      [both('validFrom'), printedDay(day(licence.validFrom))],
      [both('validUntil'), licence.validUntil ? printedDay(day(licence.validUntil)) : inBoth(both('noExpiry'))],
      [both('issuedOn'), printedDay(phnomPenhDay(licence.issuedAt))],
      ...definition.conditions.map((condition, i): [LocalizedText, string] => [i === 0 ? both('conditions') : { km: '', en: '' }, inBoth(condition)]),
    ],
    qr: { content: qrContent(verifyAt, licence.number, licence.signedFields, licence.signature), caption: both('scan') },
    // The paper a holder downloads after revocation must not pass for a valid one.
    revoked:
      licence.status === 'revoked'
        ? {
            heading: facts('revoked'),
            lines: [
              `${inBoth(facts('revokedOn'))}: ${licence.revokedAt ? printedDay(phnomPenhDay(licence.revokedAt)) : ''}`,
              `${inBoth(facts('reason'))}: ${licence.revokedReason ?? ''}`,
              km.licenceFacts.notValid,
              en.licenceFacts.notValid,
            ],
          }
        : undefined,
  };
}
