// The gauges read on each scrape: this instance's connection pool, and from the database the
// outbox and the department queues. Three small queries, each answered from an index
// ("NotificationDelivery" by status, "Application" by currentDepartmentId and stageDueAt).
import { poolStats, query } from '@/lib/db/client';
import { clockRunningStatuses } from '@/lib/workflow/status-groups';
import { log } from './log';
import { metrics } from './metrics';


export async function refreshDatabaseGauges(): Promise<void> {
  const m = metrics();
  const pool = poolStats();
  for (const state of ['total', 'idle', 'waiting'] as const) m.databasePool.set({ state }, pool[state]);

  try {
    const [outbox, failed, queues] = await Promise.all([
      query<{ channel: string; pending: number; oldest: number | null }>(
        `select channel::text, count(*)::int as pending, extract(epoch from now() - min("createdAt"))::float8 as oldest
         from "NotificationDelivery" where status = 'pending' group by channel`,
        [],
      ),
      query<{ failed: number }>(`select count(*)::int as failed from "NotificationDelivery" where status = 'failed'`, []),
      query<{ department: string; files: number; overdue: number }>(
        `select d.code as department, count(a.id)::int as files,
           (count(a.id) filter (where a.status::text = any($1) and a."stageDueAt" < now()))::int as overdue
         from "Department" d left join "Application" a on a."currentDepartmentId" = d.id
         group by d.code`,
        [clockRunningStatuses],
      ),
    ]);
    // Reset first: a channel or department with nothing left must read 0 or vanish, not keep its last value.
    m.outboxPending.reset();
    for (const channel of ['email', 'sms']) m.outboxPending.set({ channel }, 0);
    for (const row of outbox) m.outboxPending.set({ channel: row.channel }, row.pending);
    m.outboxOldestPendingAge.set(Math.max(0, ...outbox.map((row) => row.oldest ?? 0)));
    m.outboxFailed.set(failed[0]?.failed ?? 0);
    m.queueFiles.reset();
    m.queueOverdueFiles.reset();
    for (const row of queues) {
      m.queueFiles.set({ department: row.department }, row.files);
      m.queueOverdueFiles.set({ department: row.department }, row.overdue);
    }
    m.databaseUp.set(1);
  } catch (error) {
    log.warn({ err: error }, 'metrics: the database gauges could not be read');
    for (const gauge of [m.outboxPending, m.outboxOldestPendingAge, m.outboxFailed, m.queueFiles, m.queueOverdueFiles]) gauge.reset();
    m.databaseUp.set(0);
  }
}
