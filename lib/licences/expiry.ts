// Tells holders that a licence expires soon: once per licence, a month ahead, from the worker.
import { db } from '@/lib/db/client';
import { notify } from '@/lib/notifications/notify';
import { serviceDefinition } from '@/lib/services/definition';

export const expiryNoticeDays = 30;

/** Writes the "expires soon" notifications that are due; answers how many. */
export async function noticeExpiringLicences(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      select id from "Licence"
      where status = 'valid' and "expiryNoticeAt" is null and "validUntil" is not null
        and "validUntil" <= (${now}::timestamptz at time zone 'Asia/Phnom_Penh')::date + ${expiryNoticeDays}::int
        and "validUntil" >= (${now}::timestamptz at time zone 'Asia/Phnom_Penh')::date
      order by "validUntil" limit 100
      for update skip locked`;
    for (const { id } of due) {
      const licence = await tx.licence.update({
        where: { id },
        data: { expiryNoticeAt: now },
        select: { number: true, validUntil: true, application: { select: { id: true, applicantId: true, reference: true, serviceVersion: { select: { definition: true } } } } },
      });
      const definition = serviceDefinition.parse(licence.application.serviceVersion.definition);
      await notify(tx, licence.application.applicantId, licence.application.id, 'permit_expiring', {
        reference: licence.application.reference ?? '',
        service: definition.issues ?? definition.name,
        message: licence.number,
        validUntil: licence.validUntil!.toISOString().slice(0, 10),
      });
    }
    return due.length;
  });
}
