// The notification worker: leases due deliveries from the outbox (SKIP LOCKED, so several
// workers share the work), sends each in its recipient's language, and marks it sent. A failed
// send is retried with exponential backoff; a worker that dies mid-send leaves a lease that
// expires, and the next worker sends the message then: sent once, or at worst resent with the
// same Message-ID, never lost. It also runs the hourly housekeeping (see startWorker).
import { query } from '@/lib/db/client';
import { sweepOrphanedDocuments } from '@/lib/documents/sweep-orphans';
import { noticeExpiringLicences } from '@/lib/licences/expiry';
import { log as processLog, type Logger } from '@/lib/operations/log';
import { startPollLoop, type PollLoop } from '@/lib/operations/poll-loop';
import { renderNotification } from './messages';
import { staffNotificationKinds, type NotificationData, type NotificationKind } from './notify';
import type { EmailSender, SmsSender } from './transports';

export interface WorkerOptions {
  senders: { email: EmailSender; sms: SmsSender };
  /** The portal's public address, for links in messages. */
  portalUrl: string;
  /** How long a claimed delivery stays with one worker before another may take it. */
  leaseMs?: number;
  batch?: number;
  maxAttempts?: number;
  /** Where the worker reports failures (the process's JSON log by default). */
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

interface Claimed {
  id: string;
  channel: 'email' | 'sms';
  address: string;
  attempts: number;
  kind: NotificationKind;
  data: NotificationData;
  applicationId: string | null;
  name: string;
  locale: string;
  order: number;
}

/** Backoff after the nth failed attempt: 30 s, 1 min, 2 min, ... at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000);
}

/** Sends what is due now, one batch; answers how many deliveries it took. */
export async function deliverDue(options: WorkerOptions): Promise<number> {
  const { leaseMs = 60_000, batch = 20, maxAttempts = 8, log = processLog } = options;
  const claimed = await query<Claimed>(
    `with due as (
       select id from "NotificationDelivery"
       where status = 'pending' and "nextAttemptAt" <= now() and ("leasedUntil" is null or "leasedUntil" < now())
       order by "nextAttemptAt", "createdAt" limit $1 for update skip locked
     )
     update "NotificationDelivery" d set "leasedUntil" = now() + make_interval(secs => $2::float8 / 1000), attempts = d.attempts + 1
     from due, "Notification" n left join "User" u on u.id = n."userId"
     where d.id = due.id and n.id = d."notificationId"
     returning d.id, d.channel, d.address, d.attempts, n.kind, n.data, n."applicationId",
       coalesce(u.name, n.data->'recipient'->>'name', '') as name, coalesce(u.locale, n.data->'recipient'->>'locale', 'km') as locale,
       extract(epoch from d."createdAt")::float8 as "order"`,
    [batch, leaseMs],
  );
  // One after another, in the order they were written: a person hears "received" before "approved".
  claimed.sort((a, b) => a.order - b.order);
  for (const delivery of claimed) {
    const locale = delivery.locale === 'en' ? 'en' : 'km';
    const side = staffNotificationKinds.has(delivery.kind) ? 'staff/' : '';
    const link = delivery.applicationId ? `${options.portalUrl}/${locale}/${side}applications/${delivery.applicationId}` : `${options.portalUrl}/${locale}/account`;
    const message = renderNotification(delivery.kind, delivery.data, delivery, link);
    try {
      if (delivery.channel === 'email') {
        await options.senders.email.send({ to: delivery.address, subject: message.subject, text: message.text, messageId: `<${delivery.id}@e-services.mpwt.gov.kh>` });
      } else {
        await options.senders.sms.send(delivery.address, message.sms);
      }
      await query(`update "NotificationDelivery" set status = 'sent', "sentAt" = now(), "leasedUntil" = null, "lastError" = null where id = $1`, [delivery.id]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const gaveUp = delivery.attempts >= maxAttempts;
      // The reason may quote the address (a mail server's refusal): it stays in the row, not the log.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      log.warn({ deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attempts, gaveUp, errorCode: code, responseCode }, 'notification delivery failed; the reason is in its lastError');
      await query(
        `update "NotificationDelivery" set status = $2, "leasedUntil" = null, "lastError" = $3,
           "nextAttemptAt" = now() + make_interval(secs => $4::float8 / 1000) where id = $1`,
        [delivery.id, gaveUp ? 'failed' : 'pending', reason.slice(0, 1000), retryDelayMs(delivery.attempts)],
      );
    }
  }
  return claimed.length;
}

/** Runs until stopped: a batch whenever there is work, a short pause when there is none. */
export function startWorker(options: WorkerOptions & { pollMs?: number }): PollLoop {
  const { pollMs = 1_000, log = processLog } = options;
  let nextHourly = 0;
  return startPollLoop(
    async () => {
      // Once an hour: licences that expire within a month get their notice (written to the
      // outbox), and uploaded files whose row never committed are deleted.
      if (Date.now() >= nextHourly) {
        nextHourly = Date.now() + 60 * 60_000;
        await noticeExpiringLicences().catch((error: unknown) => log.error({ err: error }, 'expiry notices failed'));
        await sweepOrphanedDocuments()
          .then((deleted) => deleted && log.info({ deleted }, 'deleted orphaned document files'))
          .catch((error: unknown) => log.error({ err: error }, 'orphaned documents sweep failed'));
      }
      return deliverDue(options);
    },
    { pollMs, log, failure: 'cannot reach the outbox' },
  );
}
