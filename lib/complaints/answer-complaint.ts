import 'server-only';
import { db } from '@/lib/db/client';
import { isLocale } from '@/lib/i18n/routing';
import { notify } from '@/lib/notifications/notify';
import type { Actor } from '@/lib/policy/policy';
import { findComplaint } from './complaint';
import { complaintLink } from './file-complaint';

export type AnswerOutcome = 'answered' | 'alreadyAnswered' | 'notFound';

/**
 * The Inspectorate answers a complaint, once: the answer is kept, the complainant is told through
 * the outbox (in-app, email, SMS) in the same transaction. A second answer, or one from anyone
 * policy does not let work the complaint, changes nothing.
 */
export async function answerComplaint(actor: Actor, id: string, answer: string, at = new Date()): Promise<AnswerOutcome> {
  const complaint = await findComplaint(actor, id, 'complaint.work');
  if (!complaint) return 'notFound';
  return db.$transaction(async (tx) => {
    const updated = await tx.complaint.updateMany({ where: { id, answeredAt: null }, data: { answer, answeredAt: at, answeredById: actor.id } });
    if (updated.count === 0) return 'alreadyAnswered';
    const locale = isLocale(complaint.locale) ? complaint.locale : 'km';
    await notify(tx, complaint.complainantId, null, 'complaint_answered', {
      reference: complaint.reference,
      service: { km: '', en: '' },
      message: answer,
      link: complaintLink(locale, id),
    });
    return 'answered';
  });
}
