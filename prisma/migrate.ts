// `npm run db:migrate`: applies pending migrations from prisma/migrations, exactly as
// `prisma migrate deploy` would, through Prisma's WebAssembly schema engine.
import { applyMigrations } from '../lib/db/schema-engine';
import { withAppDatabase } from '../lib/db/local-database';

const applied = await withAppDatabase((url) => applyMigrations(url));
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
process.exit(0);
