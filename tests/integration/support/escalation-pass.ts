// One worker's escalation pass, in a process of its own, at the instant given as the first
// argument, on the database in DATABASE_URL: the tests set the clock of two workers at once.
import { closeDatabase } from '../../../lib/db/client';
import { escalateLateStages } from '../../../lib/escalation/escalate-late-stages';

await escalateLateStages({ now: new Date(process.argv[2]!) });
await closeDatabase();
