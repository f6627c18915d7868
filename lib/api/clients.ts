// Registered systems and their access tokens: the OAuth 2.0 client-credentials grant (RFC 6749
// section 4.4). A client proves itself with its id and secret (kept as an argon2 hash, shown once)
// and gets an opaque access token for ten minutes, kept as its SHA-256 only: a copy of the
// database lets nobody call the API. Revoking a client ends its tokens at once. No server-only
// marker: `npm run api:client` (lib/cli/api-clients.ts) registers clients with it too.
import { createHash, randomBytes } from 'node:crypto';
import { addressRanges, inRanges } from '@/lib/auth/client-address';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { lockedMinutes, recordFailure } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { apiScopes, type ApiClientActor, type ApiScope } from '@/lib/policy/policy';

export const accessTokenSeconds = 600;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');
const isScope = (scope: string): scope is ApiScope => (apiScopes as readonly string[]).includes(scope);

export interface NewApiClient {
  name: string;
  institution: { km: string; en: string };
  /** A company's own client reads that company's records only. */
  organisationId?: string | null;
  scopes: ApiScope[];
  /** IPs or CIDRs it may call from; none: anywhere. */
  allowedIps?: string[];
  requestsPerMinute?: number;
}

/**
 * Registers a client; the secret is in the answer and nowhere else. With `tx`, inside the
 * caller's transaction (the screens record who did it in the same one).
 */
export async function registerApiClient(input: NewApiClient, tx: Prisma.TransactionClient = db): Promise<{ clientId: string; secret: string }> {
  const allowedIps = input.allowedIps ?? [];
  addressRanges(allowedIps, 'allowed IP ranges'); // a wrong entry throws before anything is stored
  const secret = newSecret();
  const client = await tx.apiClient.create({
    data: {
      name: input.name,
      institutionKm: input.institution.km,
      institutionEn: input.institution.en,
      organisationId: input.organisationId ?? null,
      scopes: input.scopes,
      allowedIps,
      secretHash: await hashPassword(secret),
      requestsPerMinute: input.requestsPerMinute,
    },
  });
  return { clientId: client.id, secret };
}

/** A new secret for a client; the old one and every token issued with it stop working. */
export async function rotateApiClientSecret(clientId: string, tx?: Prisma.TransactionClient): Promise<string> {
  const secret = newSecret();
  const secretHash = await hashPassword(secret);
  await inTransaction(tx, async (t) => {
    await t.apiClient.update({ where: { id: clientId }, data: { secretHash } });
    await t.apiAccessToken.deleteMany({ where: { clientId } });
  });
  return secret;
}

export async function revokeApiClient(clientId: string, tx?: Prisma.TransactionClient): Promise<void> {
  await inTransaction(tx, async (t) => {
    await t.apiClient.update({ where: { id: clientId }, data: { revokedAt: new Date() } });
    await t.apiAccessToken.deleteMany({ where: { clientId } });
  });
}

/** The caller's transaction, or one of its own. */
const inTransaction = (tx: Prisma.TransactionClient | undefined, work: (t: Prisma.TransactionClient) => Promise<void>) => (tx ? work(tx) : db.$transaction(work));

const callsFrom = (allowedIps: readonly string[], address: string) => allowedIps.length === 0 || inRanges(address, addressRanges(allowedIps, 'allowed IP ranges'));

export type TokenGrant =
  | { ok: true; accessToken: string; expiresIn: number; scope: string }
  | { ok: false; error: 'invalid_client' | 'invalid_scope' }
  | { ok: false; error: 'limited'; minutes: number };

/**
 * The token endpoint's decision. A wrong id, a wrong secret, a revoked client and a call from
 * outside its ranges are one answer (invalid_client) after the same argon2 work; too many of
 * them from one address lock it for a while (lib/auth/throttle.ts).
 */
export async function grantAccessToken(clientId: string, secret: string, scope: string | undefined, address: string): Promise<TokenGrant> {
  const minutes = await lockedMinutes({ apiClientAddress: address });
  if (minutes) return { ok: false, error: 'limited', minutes };
  const client = uuid.test(clientId) ? await db.apiClient.findUnique({ where: { id: clientId } }) : null;
  const proven = await verifyPassword(client?.secretHash, secret);
  if (!client || !proven || client.revokedAt || !callsFrom(client.allowedIps, address)) {
    await recordFailure({ apiClientAddress: address });
    return { ok: false, error: 'invalid_client' };
  }
  const held = client.scopes.filter(isScope);
  const asked = scope === undefined ? held : [...new Set(scope.split(' ').filter(Boolean))];
  if (asked.length === 0 || asked.some((s) => !isScope(s) || !held.includes(s))) return { ok: false, error: 'invalid_scope' };
  const accessToken = newSecret();
  const now = new Date();
  await db.$transaction([
    db.apiAccessToken.deleteMany({ where: { clientId, expiresAt: { lt: now } } }),
    db.apiAccessToken.create({ data: { tokenHash: sha256(accessToken), clientId, scopes: asked, expiresAt: new Date(now.getTime() + accessTokenSeconds * 1000) } }),
  ]);
  return { ok: true, accessToken, expiresIn: accessTokenSeconds, scope: asked.join(' ') };
}

export type TokenClient = ApiClientActor & { requestsPerMinute: number };

export interface TokenClientRow {
  id: string;
  institutionKm: string;
  institutionEn: string;
  organisationId: string | null;
  allowedIps: string[];
  requestsPerMinute: number;
  scopes: string[];
}

/**
 * The client of a live token ($1: its SHA-256): not expired, its client not revoked. On every read,
 * so plain SQL rather than Prisma's, and lib/api/rate-limit.ts counts the request in the same statement.
 */
export const tokenClientSelect = `select c.id, c."institutionKm", c."institutionEn", c."organisationId", c."allowedIps", c."requestsPerMinute", t.scopes
  from "ApiAccessToken" t join "ApiClient" c on c.id = t."clientId"
  where t."tokenHash" = $1 and t."expiresAt" > now() and c."revokedAt" is null`;

/** The SHA-256 a bearer token is kept as, or null when the Authorization header holds none. */
export function bearerTokenHash(authorization: string | null): string | null {
  const token = /^Bearer ([\w-]{20,100})$/.exec(authorization ?? '')?.[1];
  return token ? sha256(token) : null;
}

/** The client of a token's row, or null when it was called from outside its allowed addresses. */
export function tokenClientOf(row: TokenClientRow, address: string): TokenClient | null {
  if (!callsFrom(row.allowedIps, address)) return null;
  return {
    clientId: row.id,
    institution: { km: row.institutionKm, en: row.institutionEn },
    organisationId: row.organisationId,
    scopes: row.scopes.filter(isScope),
    requestsPerMinute: row.requestsPerMinute,
  };
}
