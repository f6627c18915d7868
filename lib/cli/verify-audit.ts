// `npm run audit:verify`: walks the audit trail's hash chain and prints the first broken link.
// Exits 1 when the chain is broken, so it can run from cron or a monitoring check.
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { closeDatabase } from '@/lib/db/client';
import { withAppDatabase } from '@/lib/db/local-database';

const describe = {
  altered: 'its content no longer matches its hash (it was changed after it was written)',
  relinked: 'it does not point at the hash of the event before it',
  missing: 'the event that belongs here is missing (removed from the chain)',
  unchained: 'an event was written outside the chain, behind the trigger',
};

const report = await withAppDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  try {
    return await verifyAuditChain();
  } finally {
    await closeDatabase();
  }
});
if (report.ok) {
  console.log(`Audit trail intact: ${report.events} events, every link holds.`);
} else {
  console.error(
    `Audit trail BROKEN at position ${report.position} (event ${report.eventId}): ${describe[report.reason]}.\n` +
      `The ${report.events} events before it are intact.`,
  );
}
process.exit(report.ok ? 0 : 1);
