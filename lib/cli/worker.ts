// The notification and webhook worker as its own process (npm start runs it beside the portal; run more
// than one for more throughput). DATABASE_URL as the portal's; SMTP_URL, SMS_GATEWAY_URL as in
// the README; NEXTAUTH_URL for the links in messages. On SIGTERM it finishes the batch it holds
// (a message half-sent would otherwise wait for its lease to run out) and exits.
import path from 'node:path';
import { closeDatabase } from '@/lib/db/client';
import { publicAddress } from '@/lib/http/public-address';
import { requireConfiguration } from '@/lib/operations/configuration';
import { log as processLog } from '@/lib/operations/log';
import { configuredSenders } from '@/lib/notifications/transports';
import { startWorker } from '@/lib/notifications/worker';
import { startTransparencyPasses } from '@/lib/operations/transparency-passes';
import { startPerformanceRefresh } from '@/lib/performance/worker';
import { startWebhookWorker } from '@/lib/webhooks/worker';

requireConfiguration('worker');
const log = processLog.child({ process: 'worker' });
const worker = startWorker({
  senders: configuredSenders(path.resolve(import.meta.dirname, '../../.data')),
  portalUrl: publicAddress(),
  leaseMs: Number(process.env.WORKER_LEASE_MS ?? 60_000),
  log,
});
// Its own loop: a receiver slow to answer must not hold back people's notices.
const webhooks = startWebhookWorker({ leaseMs: Number(process.env.WORKER_LEASE_MS ?? 60_000), log });
// Every minute: late stages escalate (80/100/150 % of their deadline), the day's audit head is published.
const transparency = startTransparencyPasses({ log });
// The public performance figures, refreshed every few minutes (lib/performance/refresh.ts).
const performanceFigures = startPerformanceRefresh({ log });
log.info(
  { emailBy: process.env.SMTP_URL ? 'smtp' : 'folder .data/mail', smsBy: process.env.SMS_GATEWAY_URL ? 'gateway' : 'written to this output' },
  'sending notifications',
);
process.send?.('ready');

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping after the current batch');
  void Promise.all([worker.stop(), webhooks.stop(), transparency.stop(), performanceFigures.stop()]).then(closeDatabase).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
