// Each registered client's requests, counted per minute in PostgreSQL: however many app instances
// serve the API, a client gets its limit once. One upsert per request; the answer carries the
// IETF RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers), and a
// request past the limit is refused with 429 and Retry-After until the minute turns.
import 'server-only';
import { query } from '@/lib/db/client';

const windowSeconds = 60;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window turns: Retry-After when refused. */
  resetSeconds: number;
  headers: Record<string, string>;
}

export async function countRequest(clientId: string, limit: number, now = new Date()): Promise<RateDecision> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await query<{ requests: number }>(
    `insert into "ApiRateWindow" ("clientId", "windowStart", requests) values ($1, $2, 1)
     on conflict ("clientId", "windowStart") do update set requests = "ApiRateWindow".requests + 1
     returning requests`,
    [clientId, windowStart],
  );
  const requests = row!.requests;
  // The first request of a minute clears the client's earlier minutes.
  if (requests === 1) await query('delete from "ApiRateWindow" where "clientId" = $1 and "windowStart" < $2', [clientId, windowStart]);
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return {
    allowed: requests <= limit,
    resetSeconds,
    headers: {
      'RateLimit-Policy': `"per-client";q=${limit};w=${windowSeconds}`,
      RateLimit: `"per-client";r=${Math.max(0, limit - requests)};t=${resetSeconds}`,
    },
  };
}
