// What lib/cli/app-server.ts (loaded by tsx) and the Next.js build (its own bundled copy of lib/)
// must share in one process: the current request and whether the instance is shutting down.
// Each side loads this module separately, so the state lives on globalThis under one key.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export interface RequestContext {
  requestId: string;
}

interface ServerState {
  requests: AsyncLocalStorage<RequestContext>;
  draining: boolean;
}

const key = Symbol.for('mpwt-portal.server-state');
const shared = globalThis as unknown as Record<symbol, ServerState | undefined>;
const state: ServerState = (shared[key] ??= { requests: new AsyncLocalStorage(), draining: false });

/** The header a reverse proxy may set and every answer carries. */
export const requestIdHeader = 'x-request-id';

/** Runs `work` as part of one request: every log line written meanwhile carries its id. */
export function runWithRequest<T>(context: RequestContext, work: () => T): T {
  return state.requests.run(context, work);
}

export function currentRequestId(): string | undefined {
  return state.requests.getStore()?.requestId;
}

// Crockford's base32 without look-alikes (no I, L, O, U): a citizen reads it out on the phone.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new request id: 12 characters, 60 random bits (unique enough to find one request's lines). */
export function newRequestId(): string {
  return [...randomBytes(12)].map((byte) => alphabet[byte & 31]).join('');
}

/** An id a trusted proxy sent (nginx's $request_id is 32 hex digits), if it looks like one. */
export function acceptedRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : undefined;
}

/** From SIGTERM on: /api/ready answers 503 so the proxy sends new requests elsewhere. */
export function markDraining(): void {
  state.draining = true;
}

export function isDraining(): boolean {
  return state.draining;
}
