// The worker's minute passes for transparency (issue 15): late stages escalate, and the day's
// audit head is published. Both are safe with several workers running: each escalation and
// each day's head is one row under a unique key, written once whoever gets there first.
import { publishAuditHead } from '@/lib/audit/audit-heads';
import { escalateLateStages } from '@/lib/escalation/escalate-late-stages';
import { log as processLog, type Logger } from '@/lib/operations/log';
import { startPollLoop, type PollLoop } from '@/lib/operations/poll-loop';

/** One pass at `now`: what the worker does every minute, and what tests call with their own clock. */
export async function runTransparencyPass(now: Date, log: Pick<Logger, 'info' | 'error'> = processLog): Promise<void> {
  await escalateLateStages({ now })
    .then((escalated) => escalated && log.info({ escalated }, 'late stages escalated'))
    .catch((error: unknown) => log.error({ err: error }, 'escalation pass failed'));
  await publishAuditHead(now)
    .then(({ head, published }) => published && log.info({ day: head.day, position: head.position, hash: head.hash }, 'audit head published'))
    .catch((error: unknown) => log.error({ err: error }, 'publishing the audit head failed'));
}

/** Every `intervalMs` (a minute), one pass at the current time. */
export function startTransparencyPasses(options: { intervalMs?: number; log?: Pick<Logger, 'info' | 'error'> } = {}): PollLoop {
  const { intervalMs = 60_000, log = processLog } = options;
  const pass = () => runTransparencyPass(new Date(), log).then(() => 0);
  return startPollLoop(pass, { pollMs: intervalMs, log, failure: 'transparency pass failed' });
}
