// The worker's performance loop: a refresh every few minutes (PERFORMANCE_REFRESH_SECONDS, 120
// by default), so the public figures are never older than that. Several workers take turns
// (refreshPerformance holds an advisory lock); a failed run is logged and tried at the next turn.
import { withConnection } from '@/lib/db/client';
import { log as processLog, type Logger } from '@/lib/operations/log';
import { startPollLoop, type PollLoop } from '@/lib/operations/poll-loop';
import { refreshPerformance } from './refresh';

export function startPerformanceRefresh(options: { everyMs?: number; log?: Pick<Logger, 'info' | 'error'> } = {}): PollLoop {
  const { everyMs = Number(process.env.PERFORMANCE_REFRESH_SECONDS ?? 120) * 1000, log = processLog } = options;
  const pass = async () => {
    const result = await withConnection((client) => refreshPerformance(client));
    if (result.ran && result.full) log.info({ tookMs: result.tookMs, applications: result.changed }, 'rebuilt the performance figures');
    return 0;
  };
  return startPollLoop(pass, { pollMs: everyMs, log, failure: 'performance refresh failed' });
}
