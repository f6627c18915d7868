// The notification worker as its own process (npm start runs it beside the portal; run more
// than one for more throughput). DATABASE_URL as the portal's; SMTP_URL, SMS_GATEWAY_URL as in
// the README; NEXTAUTH_URL for the links in messages.
import path from 'node:path';
import { closeDatabase } from '@/lib/db/client';
import { publicAddress } from '@/lib/http/public-address';
import { configuredSenders } from '@/lib/notifications/transports';
import { startWorker } from '@/lib/notifications/worker';

const log = (line: string) => console.log(line.startsWith('[') ? line : `[worker] ${line}`);
const worker = startWorker({
  senders: configuredSenders(path.resolve(import.meta.dirname, '../../.data')),
  portalUrl: publicAddress(),
  leaseMs: Number(process.env.WORKER_LEASE_MS ?? 60_000),
  log,
});
log(process.env.SMTP_URL ? 'Sending notifications by SMTP.' : 'Writing notification emails to .data/mail (no SMTP_URL set).');
process.send?.('ready');

const stop = () => void worker.stop().then(closeDatabase).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
