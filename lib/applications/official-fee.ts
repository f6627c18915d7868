// "What should I pay?": the official fee of a filed application, from the fee table of the
// service version it was filed under. Public: a reference is enough, and the answer holds no
// personal data, only amounts and what they are for. Unknown references count against the
// caller's address like wrong tracking codes.
import 'server-only';
import { db } from '@/lib/db/client';
import { lockedMinutes, recordFailure } from '@/lib/auth/throttle';
import type { Answers } from '@/lib/services/answers';
import type { LocalizedText } from '@/lib/services/definition';
import { feeFor, type FeeLine } from '@/lib/services/fees';
import { definitionOfVersion, inEffect } from '@/lib/services/queries';
import { isDeepStrictEqual } from 'node:util';

export type OfficialFee =
  | {
      ok: true;
      reference: string;
      service: LocalizedText;
      totalRiel: number;
      lines: FeeLine[];
      /** The service's fee changed after this application was filed: from when, by which instrument. It keeps its own. */
      feeChangedSince: { from: Date; legalInstrument: LocalizedText | null } | null;
    }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'limited'; minutes: number };

export async function officialFee(reference: string, clientAddress: string): Promise<OfficialFee> {
  const minutes = await lockedMinutes({ tracking: clientAddress });
  if (minutes > 0) return { ok: false, error: 'limited', minutes };
  const application = await db.application.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    select: { reference: true, serviceId: true, serviceVersionId: true, answers: true, feeRiel: true, serviceVersion: { select: { version: true } } },
  });
  if (!application?.reference || application.feeRiel === null) {
    await recordFailure({ tracking: clientAddress });
    return { ok: false, error: 'notFound' };
  }
  const definition = await definitionOfVersion(application.serviceVersionId);
  // The amount fixed at submission is what is owed; the lines say what it is for.
  const current = await db.serviceVersion.findFirst({
    where: { serviceId: application.serviceId, version: { gt: application.serviceVersion.version }, ...inEffect() },
    orderBy: { version: 'desc' },
    select: { id: true, publishedAt: true, effectiveFrom: true, legalInstrument: true },
  });
  const currentDefinition = current ? await definitionOfVersion(current.id) : null;
  const feeOf = (d: typeof definition) => [d.feeRiel, d.feeRules];
  const feeChangedSince = current && currentDefinition && !isDeepStrictEqual(feeOf(currentDefinition), feeOf(definition))
    ? { from: current.effectiveFrom ?? current.publishedAt!, legalInstrument: current.legalInstrument as LocalizedText | null }
    : null;
  return { ok: true, reference: application.reference, service: definition.name, totalRiel: application.feeRiel, lines: feeFor(definition, application.answers as Answers).lines, feeChangedSince };
}
