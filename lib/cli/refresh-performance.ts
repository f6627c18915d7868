// `npm run performance:refresh` refreshes the public performance figures now (the worker does
// it every few minutes); `-- --full` rebuilds them from every application.
import { closeDatabase, withConnection } from '@/lib/db/client';
import { withAppDatabase } from '@/lib/db/local-database';
import { refreshPerformance } from '@/lib/performance/refresh';

const result = await withAppDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  try {
    return await withConnection((client) => refreshPerformance(client, { full: process.argv.includes('--full'), wait: true }));
  } finally {
    await closeDatabase();
  }
});
console.log(result.ran ? `Refreshed (${result.full ? 'full' : 'since the last run'}): ${result.changed} applications in ${result.tookMs} ms.` : 'Another refresh is running; nothing done.');
