// Prometheus metrics (prom-client), served at GET /api/metrics to a scraper that knows
// METRICS_TOKEN (README, "Operations"). Request durations are measured by lib/cli/app-server.ts,
// which sees every request from its first byte to its last; failed sign-ins are counted where
// they fail; the gauges that read the database are refreshed on each scrape (database-gauges.ts).
// app-server.ts and the Next.js build each load this module: one registry per process, on globalThis.
import client from 'prom-client';

function createMetrics() {
  const registry = new client.Registry();
  // The process's own: CPU, memory, event-loop delay, open handles.
  client.collectDefaultMetrics({ register: registry, prefix: 'portal_' });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new client.Histogram({
      name: 'portal_http_request_duration_seconds',
      help: 'Requests by route pattern (as in app/, e.g. /[locale]/applications/[id]), method and status: from arrival to the last byte sent.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    signInFailures: new client.Counter({
      name: 'portal_sign_in_failures_total',
      help: 'Password sign-ins refused by this instance: wrong identifier or password ("failed"), or refused because the account or address is locked ("locked").',
      labelNames: ['outcome'] as const,
      registers,
    }),
    databasePool: new client.Gauge({
      name: 'portal_database_pool_connections',
      help: "This instance's PostgreSQL connections: open in all (total), open and unused (idle), and queries waiting for one (waiting).",
      labelNames: ['state'] as const,
      registers,
    }),
    outboxPending: new client.Gauge({
      name: 'portal_outbox_pending_deliveries',
      help: 'Notifications waiting to be sent, by channel (the whole database: every instance reports the same).',
      labelNames: ['channel'] as const,
      registers,
    }),
    outboxOldestPendingAge: new client.Gauge({
      name: 'portal_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest notification still waiting to be sent; 0 when none waits (the whole database).',
      registers,
    }),
    outboxFailed: new client.Gauge({
      name: 'portal_outbox_failed_deliveries',
      help: 'Notifications the worker gave up on after its retries (the whole database).',
      registers,
    }),
    queueFiles: new client.Gauge({
      name: 'portal_queue_files',
      help: "Files in each department's queue (the whole database).",
      labelNames: ['department'] as const,
      registers,
    }),
    queueOverdueFiles: new client.Gauge({
      name: 'portal_queue_overdue_files',
      help: "Files in each department's queue past their stage's due date, clock running (the whole database).",
      labelNames: ['department'] as const,
      registers,
    }),
    databaseUp: new client.Gauge({
      name: 'portal_metrics_database_up',
      help: '1 when this scrape could read the database gauges, 0 when it could not (they are then absent).',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const key = Symbol.for('mpwt-portal.metrics');
const shared = globalThis as unknown as Record<symbol, Metrics | undefined>;

export function metrics(): Metrics {
  return (shared[key] ??= createMetrics());
}
