// Runs the worker's minute pass (escalation, the day's audit head) once, at the instant given
// as the first argument, on the database in DATABASE_URL: end-to-end tests set the clock.
import { closeDatabase } from '../../../lib/db/client';
import { runTransparencyPass } from '../../../lib/operations/transparency-passes';

await runTransparencyPass(new Date(process.argv[2]!));
await closeDatabase();
