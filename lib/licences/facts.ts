// What a document certifies, as people read it: the answers its service definition prints
// (`printedAnswers`) and the plate number, in Khmer and English, from the licence's signed text,
// so that the paper, the verification page and the QR code say the same thing.
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import type { Answers } from '@/lib/services/answers';
import type { LocalizedText, ServiceDefinition } from '@/lib/services/definition';
import { displayAnswer } from '@/lib/services/display-answer';
import { provinces } from '@/lib/services/provinces';
import { parseCanonicalFields, type Plate, type SignedLicenceFields } from './signature';

export interface CertifiedFact {
  label: LocalizedText;
  value: LocalizedText;
  /** Shown on the verification page to anyone with the number; otherwise only to a holder. */
  public: boolean;
}

/** The printed answers of an application, as they are signed (version 3). */
export function certifiedAnswers(definition: ServiceDefinition, answers: Answers): Answers {
  return Object.fromEntries(definition.printedAnswers.flatMap(({ field }) => (answers[field] === undefined ? [] : [[field, answers[field]]])));
}

function plateFact(plate: Plate): CertifiedFact {
  const province = provinces.find((p) => p.code === plate.province);
  return {
    label: { km: km.licenceFacts.plate, en: en.licenceFacts.plate },
    value: { km: `${province?.km ?? plate.province} ${plate.number}`, en: `${province?.en ?? plate.province} ${plate.number}` },
    public: true,
  };
}

/** The plate first, then the printed answers in the definition's order. Older licences (before version 3) certify none. */
export function certifiedFacts(definition: ServiceDefinition, signed: SignedLicenceFields): CertifiedFact[] {
  const fields = new Map(definition.pages.flatMap((p) => p.fields.map((f) => [f.key, f] as const)));
  const answers = definition.printedAnswers.flatMap(({ field, public: shown }): CertifiedFact[] => {
    const question = fields.get(field);
    const value = signed.facts?.[field];
    if (!question || value === undefined) return [];
    return [{ label: question.label, value: { km: displayAnswer(question, value, 'km') ?? '', en: displayAnswer(question, value, 'en') ?? '' }, public: shown }];
  });
  return [...(signed.plate ? [plateFact(signed.plate)] : []), ...answers];
}

/** What a licence certifies, read from the text it was signed over. */
export function factsOfSignedText(definition: ServiceDefinition, signedFields: string): CertifiedFact[] {
  const signed = parseCanonicalFields(signedFields);
  return signed ? certifiedFacts(definition, signed) : [];
}
