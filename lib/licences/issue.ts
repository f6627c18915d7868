// Issuing the licence of a finally approved application, inside the approval's transaction.
import type { Prisma } from '@/lib/db/generated/client';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { nextNumber } from '@/lib/numbering/next-number';
import type { Answers } from '@/lib/services/answers';
import type { ServiceDefinition } from '@/lib/services/definition';
import { certifiedAnswers } from './facts';
import { allocatePlate } from './plates';
import { canonicalFields, signFields } from './signature';

/**
 * The last day of validity: the day before the same date `months` later, or the last day of
 * that month when it has no such date (from 31 January, one month runs to 28 February).
 */
export function validUntil(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (day > lastDay) target.setUTCDate(lastDay);
  else target.setUTCDate(day - 1); // day 0 is the last day of the month before
  return target.toISOString().slice(0, 10);
}

export async function issueLicence(
  tx: Prisma.TransactionClient,
  file: { id: string; applicantId: string; definition: ServiceDefinition },
  now: Date,
): Promise<string> {
  const { definition } = file;
  const number = await nextNumber(tx, `${definition.referencePrefix}L`, now);
  const holder = await tx.user.findUniqueOrThrow({ where: { id: file.applicantId }, select: { name: true } });
  const { answers } = await tx.application.findUniqueOrThrow({ where: { id: file.id }, select: { answers: true } });
  const plate = await allocatePlate(tx, definition, answers as Answers);
  const from = phnomPenhDay(now);
  const until = definition.validityMonths ? validUntil(from, definition.validityMonths) : null;
  const facts = certifiedAnswers(definition, answers as Answers);
  const text = canonicalFields({ number, service: definition.code, holder: holder.name, validFrom: from, validUntil: until, facts, plate });
  await tx.licence.create({
    data: {
      number,
      applicationId: file.id,
      holderName: holder.name,
      issuedAt: now,
      validFrom: new Date(`${from}T00:00:00Z`),
      validUntil: until ? new Date(`${until}T00:00:00Z`) : null,
      signedFields: text,
      signature: signFields(text),
      plateProvince: plate?.province,
      plateNumber: plate?.number,
    },
  });
  return number;
}
