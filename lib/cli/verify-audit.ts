// `npm run audit:verify`: walks the audit trail's hash chain and prints the first broken link.
// `npm run audit:verify -- --head <hash>`: checks that a published head (performance page, open
// data) is still part of the chain, and prints how many events were added since.
// Exits 1 when the chain is broken or the head is not part of it, so it can run from cron or a
// monitoring check; 2 when the command is used wrongly.
import { checkAuditHead, headPattern } from '@/lib/audit/audit-heads';
import { verifyAuditChain, type ChainReport } from '@/lib/audit/verify-chain';
import { closeDatabase } from '@/lib/db/client';
import { withAppDatabase } from '@/lib/db/local-database';

const describe = {
  altered: 'its content no longer matches its hash (it was changed after it was written)',
  relinked: 'it does not point at the hash of the event before it',
  missing: 'the event that belongs here is missing (removed from the chain)',
  unchained: 'an event was written outside the chain, behind the trigger',
};

const brokenLine = (report: Extract<ChainReport, { ok: false }>) =>
  `Audit trail BROKEN at position ${report.position} (event ${report.eventId}): ${describe[report.reason]}.\n` +
  `The ${report.events} events before it are intact.`;

const args = process.argv.slice(2);
const headAt = args.indexOf('--head');
const head = headAt >= 0 ? (args[headAt + 1] ?? '').trim().toLowerCase() : null;
if (head !== null && !headPattern.test(head)) {
  console.error('Give the head as published: npm run audit:verify -- --head <hash>, the hash being 64 hexadecimal characters.');
  process.exit(2);
}

const ok = await withAppDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  try {
    return await (head === null ? chainOnly() : headCheck(head));
  } finally {
    await closeDatabase();
  }
});
process.exit(ok ? 0 : 1);

async function chainOnly(): Promise<boolean> {
  const report = await verifyAuditChain();
  if (report.ok) console.log(`Audit trail intact: ${report.events} events, every link holds.`);
  else console.error(brokenLine(report));
  return report.ok;
}

async function headCheck(hash: string): Promise<boolean> {
  const check = await checkAuditHead(hash);
  const named = (position: number, publishedOn: string | null) => `Head ${hash} (${position} events${publishedOn ? `, published for ${publishedOn}` : ''})`;
  switch (check.status) {
    case 'unknown':
      console.error(
        `Unknown head ${hash}: it was never published here and no event in the audit trail has this hash.\n` +
          'Check that it was copied whole. If it was saved from the published list, the history it vouched for has been rewritten since.',
      );
      return false;
    case 'broken':
      console.error(`${named(check.position, check.publishedOn)} is NOT part of the chain any more: history at or before it was changed.\n${brokenLine(check.chain)}`);
      return false;
    case 'rewritten':
      console.error(
        `${named(check.position, check.publishedOn)} is NOT part of the chain any more: the event at position ${check.position} ` +
          `now has hash ${check.hashNow ?? '(none: the chain is shorter)'}. The history up to it was rewritten and its hashes recomputed.`,
      );
      return false;
    case 'holds':
      console.log(
        `${named(check.position, check.publishedOn)} holds: events 1 to ${check.position} verify and event ${check.position} still has this hash.\n` +
          `${check.addedSince} events were added since.`,
      );
      if (!check.chain.ok) console.error(`But a later link is broken.\n${brokenLine(check.chain)}`);
      return check.chain.ok;
  }
}
