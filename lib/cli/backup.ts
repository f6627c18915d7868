// `npm run backup [-- <folder>]`: the database (DATABASE_URL, or the embedded one, also while
// `npm start` runs it) and every document of the configured store (S3_* or the local folder)
// into a new folder inside <folder> (default .data/backups). Exits 1 when a document could not
// be backed up as uploaded, after writing everything else. README "Backup and restore".
import path from 'node:path';
import { backupPortal } from '@/lib/backup/backup';
import { withAppDatabase, projectDir } from '@/lib/db/local-database';
import { documentStorage } from '@/lib/documents/storage';

const into = path.resolve(process.argv[2] ?? path.join(projectDir, '.data', 'backups'));
const log = (line: string) => console.log(`[backup] ${line}`);
try {
  const { folder, manifest } = await withAppDatabase((databaseUrl) => backupPortal({ databaseUrl, storage: documentStorage, into, log }));
  log(`Written to ${folder}`);
  for (const problem of manifest.problems) console.error(`[backup] NOT BACKED UP: ${problem}`);
  process.exit(manifest.problems.length ? 1 : 0);
} catch (error) {
  console.error(`[backup] FAILED: ${error instanceof Error ? error.message : error}`);
  console.error('[backup] Nothing complete was written (an unfinished backup folder ends in .partial and can be deleted).');
  process.exit(1);
}
