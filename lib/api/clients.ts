// Registered systems and their access tokens: the OAuth 2.0 client-credentials grant (RFC 6749
// section 4.4). A client proves itself with its id and secret (kept as an argon2 hash, shown once)
// and gets an opaque access token for ten minutes, kept as its SHA-256 only: a copy of the
// database lets nobody call the API. Revoking a client ends its tokens at once. No server-only
// marker: `npm run api:client` (lib/cli/api-clients.ts) registers clients with it too.
import { createHash, randomBytes } from 'node:crypto';
import { addressRanges, inRanges } from '@/lib/auth/client-address';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { lockedMinutes, recordFailure } from '@/lib/auth/throttle';
import { db, query } from '@/lib/db/client';
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

/** Registers a client; the secret is in the answer and nowhere else. */
export async function registerApiClient(input: NewApiClient): Promise<{ clientId: string; secret: string }> {
  const allowedIps = input.allowedIps ?? [];
  addressRanges(allowedIps, 'allowed IP ranges'); // a wrong entry throws before anything is stored
  const secret = newSecret();
  const client = await db.apiClient.create({
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
export async function rotateApiClientSecret(clientId: string): Promise<string> {
  const secret = newSecret();
  await db.$transaction([
    db.apiClient.update({ where: { id: clientId }, data: { secretHash: await hashPassword(secret) } }),
    db.apiAccessToken.deleteMany({ where: { clientId } }),
  ]);
  return secret;
}

export async function revokeApiClient(clientId: string): Promise<void> {
  await db.$transaction([
    db.apiClient.update({ where: { id: clientId }, data: { revokedAt: new Date() } }),
    db.apiAccessToken.deleteMany({ where: { clientId } }),
  ]);
}

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

/**
 * The client behind a request's bearer token: null when it is missing, unknown, expired, revoked
 * or called from elsewhere. On every read, so one plain query rather than Prisma's.
 */
export async function clientOfToken(authorization: string | null, address: string): Promise<(ApiClientActor & { requestsPerMinute: number }) | null> {
  const token = /^Bearer ([\w-]{20,100})$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const [found] = await query<{ id: string; institutionKm: string; institutionEn: string; organisationId: string | null; allowedIps: string[]; requestsPerMinute: number; scopes: string[] }>(
    `select c.id, c."institutionKm", c."institutionEn", c."organisationId", c."allowedIps", c."requestsPerMinute", t.scopes
     from "ApiAccessToken" t join "ApiClient" c on c.id = t."clientId"
     where t."tokenHash" = $1 and t."expiresAt" > now() and c."revokedAt" is null`,
    [sha256(token)],
  );
  if (!found || !callsFrom(found.allowedIps, address)) return null;
  return {
    clientId: found.id,
    institution: { km: found.institutionKm, en: found.institutionEn },
    organisationId: found.organisationId,
    scopes: found.scopes.filter(isScope),
    requestsPerMinute: found.requestsPerMinute,
  };
}
