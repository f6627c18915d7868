// What every /api/v1 read shares: input checked by its zod schema (a 400 problem naming the
// parameters otherwise), an ETag over the exact bytes answered so that a client that asks again
// with If-None-Match gets 304 and no body, and opaque cursors for pages.
import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { countedClientOfToken } from '@/lib/api/rate-limit';
import { clientAddress } from '@/lib/auth/session';
import { publicUrl } from '@/lib/http/public-address';
import type { ApiClientActor } from '@/lib/policy/policy';
import { problemResponse } from './problems';

export type Checked<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Checks query or path parameters; a failure answers invalid-parameter naming each one. */
export function checkParams<S extends z.ZodType>(request: Request, schema: S, input: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean);
  return {
    ok: false,
    response: problemResponse(request, 'invalid-parameter', 'parameters', { values: { names: names.join(', ') }, invalidParams: names.map((name) => ({ name })) }),
  };
}

/** The query string as an object of single values (a repeated parameter keeps its first value). */
export function queryOf(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in query)) query[key] = value;
  return query;
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** RFC 9110's weak comparison: a list of tags (or *) that may be weak (W/"…"). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export interface ReadOptions {
  /** Public data may be kept by shared caches; what a secret in the address unlocks may not. */
  cache: 'public' | 'private';
  headers?: Record<string, string>;
}

/**
 * A JSON read with its ETag. Caches (and clients) may keep it but must ask again before using it
 * (no-cache): a licence revoked a minute ago must not read as valid; asking again costs a 304.
 */
export function readResponse(request: Request, body: unknown, { cache, headers = {} }: ReadOptions): Response {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  // What a token unlocks differs by client: caches must key it by the Authorization header too.
  const common = { ETag: etag, 'Cache-Control': `${cache}, no-cache`, ...(cache === 'private' ? { Vary: 'Authorization' } : {}), ...headers };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json', ...common } });
}

// A cursor names the last item of the page before, opaquely: clients pass it back unchanged, and
// the portal may change what is inside without breaking them.
const cursorVersion = 1;

export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ v: cursorVersion, after })).toString('base64url');
}

/** The item a cursor names, or null when it is not one this API gave. */
export function decodeCursor(cursor: string): string | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return null;
    const { v, after } = decoded as { v?: unknown; after?: unknown };
    return v === cursorVersion && typeof after === 'string' && after.length > 0 ? after : null;
  } catch {
    return null;
  }
}

export type Paged<T> = { ok: true; items: T[]; nextCursor: string | null; headers: Record<string, string> } | { ok: false; response: Response };

/**
 * One page of `all` in the order of `keyOf` (by code unit, not the database's collation, so that
 * the cursor's comparison agrees), after the cursor's item.
 */
export function page<T>(request: Request, all: T[], keyOf: (item: T) => string, { limit, cursor }: { limit: number; cursor?: string }): Paged<T> {
  let rest = all.toSorted((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    if (after === null) return { ok: false, response: problemResponse(request, 'invalid-cursor', 'cursor', { invalidParams: [{ name: 'cursor' }] }) };
    rest = rest.filter((item) => keyOf(item) > after);
  }
  const items = rest.slice(0, limit);
  const nextCursor = rest.length > limit ? encodeCursor(keyOf(items.at(-1)!)) : null;
  return { ok: true, items, nextCursor, headers: nextPageLink(request, nextCursor, limit) };
}

/** The Link header to the next page (this address with its cursor), on the public address, for clients that follow links. */
export function nextPageLink(request: Request, nextCursor: string | null, limit: number): Record<string, string> {
  if (!nextCursor) return {};
  const next = new URL(request.url);
  next.searchParams.set('cursor', nextCursor);
  next.searchParams.set('limit', String(limit));
  return { Link: `<${publicUrl(`${next.pathname}${next.search}`)}>; rel="next"` };
}

/**
 * A registered client's read: its bearer token checked (401 otherwise), its request counted
 * against its limit (429 past it), and the rate fields on whatever it is answered.
 */
export async function asClient(request: Request, read: (client: ApiClientActor) => Promise<Response>): Promise<Response> {
  const authorization = request.headers.get('authorization');
  const counted = await countedClientOfToken(authorization, await clientAddress(request.headers));
  if (!counted) {
    // RFC 6750: a request with no credentials at all is told only which scheme to use.
    const challenge = authorization ? 'Bearer error="invalid_token"' : 'Bearer';
    return problemResponse(request, 'unauthorized', 'token', { headers: { 'WWW-Authenticate': challenge } });
  }
  const { client, rate } = counted;
  if (!rate.allowed) {
    const values = { limit: client.requestsPerMinute, seconds: rate.resetSeconds };
    return problemResponse(request, 'too-many-requests', 'client', { values, retryAfterSeconds: rate.resetSeconds, headers: rate.headers });
  }
  const response = await read(client);
  for (const [name, value] of Object.entries(rate.headers)) response.headers.set(name, value);
  return response;
}
