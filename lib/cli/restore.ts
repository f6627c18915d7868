// `npm run restore -- <backup folder>`: into the empty database DATABASE_URL names (or a fresh
// embedded one) and the configured document store (S3_* or the local folder).
// README "Backup and restore".
import path from 'node:path';
import { RestoreError, restorePortal } from '@/lib/backup/restore';
import { withAppDatabase } from '@/lib/db/local-database';
import { documentStorage } from '@/lib/documents/storage';

const log = (line: string) => console.log(`[restore] ${line}`);
const from = process.argv[2];
if (!from) {
  console.error('Usage: npm run restore -- <backup folder>   (into the empty database DATABASE_URL names)');
  process.exit(2);
}
try {
  const manifest = await withAppDatabase((databaseUrl) => restorePortal({ from: path.resolve(from), databaseUrl, storage: documentStorage, log }));
  log(`Restored the backup of ${manifest.createdAt}. Start the portal (npm start applies any newer migrations); npm run audit:verify checks the audit trail.`);
  process.exit(0);
} catch (error) {
  console.error(`[restore] FAILED: ${error instanceof Error ? error.message : error}`);
  if (!(error instanceof RestoreError)) {
    console.error('[restore] The database may hold part of the backup: drop it and create it empty again before retrying.');
  }
  process.exit(1);
}
