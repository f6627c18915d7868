// Each registered client's requests, counted per minute in PostgreSQL: however many app instances
// serve the API, a client gets its limit once. One upsert per request; the answer carries the
// IETF RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers), and a
// request past the limit is refused with 429 and Retry-After until the minute turns. The upsert is
// atomic, so instances counting the same client at once each see their own total.
import 'server-only';
import { bearerTokenHash, tokenClientOf, tokenClientSelect, type TokenClient, type TokenClientRow } from '@/lib/api/clients';
import { query } from '@/lib/db/client';

const windowSeconds = 60;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window turns: Retry-After when refused. */
  resetSeconds: number;
  headers: Record<string, string>;
}

const windowOf = (now: Date) => new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);

const countSql = `insert into "ApiRateWindow" ("clientId", "windowStart", requests) values ($1, $2, 1)
  on conflict ("clientId", "windowStart") do update set requests = "ApiRateWindow".requests + 1
  returning requests`;

async function decide(clientId: string, limit: number, requests: number, windowStart: Date, now: Date): Promise<RateDecision> {
  // The first request of a minute clears the client's earlier minutes.
  if (requests === 1) await query('delete from "ApiRateWindow" where "clientId" = $1 and "windowStart" < $2', [clientId, windowStart]);
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
  return {
    allowed: requests <= limit,
    resetSeconds,
    headers: {
      'RateLimit-Policy': `"per-client";q=${limit};w=${windowSeconds}`,
      RateLimit: `"per-client";r=${Math.max(0, limit - requests)};t=${resetSeconds}`,
    },
  };
}

/**
 * The client behind a request's bearer token (null when it is missing, unknown, expired, revoked
 * or called from elsewhere), with the request counted. Every read asks, so for a client open to
 * every address it is one round trip: the token's client and its count in one statement. A client
 * held to IP ranges is counted only once its address is checked here (a stolen token used from
 * elsewhere must not spend its limit): a second statement.
 */
export async function countedClientOfToken(authorization: string | null, address: string, now = new Date()): Promise<{ client: TokenClient; rate: RateDecision } | null> {
  const tokenHash = bearerTokenHash(authorization);
  if (!tokenHash) return null;
  const windowStart = windowOf(now);
  const [row] = await query<TokenClientRow & { requests: number | null }>(
    `with client as (${tokenClientSelect}),
     counted as (
       insert into "ApiRateWindow" ("clientId", "windowStart", requests) select id, $2::timestamp, 1 from client where cardinality("allowedIps") = 0
       on conflict ("clientId", "windowStart") do update set requests = "ApiRateWindow".requests + 1
       returning requests)
     select client.*, (select requests from counted) as requests from client`,
    [tokenHash, windowStart],
  );
  const client = row ? tokenClientOf(row, address) : null;
  if (!row || !client) return null;
  const requests = row.requests ?? (await query<{ requests: number }>(countSql, [client.clientId, windowStart]))[0]!.requests;
  return { client, rate: await decide(client.clientId, client.requestsPerMinute, requests, windowStart, now) };
}
