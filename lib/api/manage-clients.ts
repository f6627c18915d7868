// Registering, rotating and revoking API clients from the screens: administrators any client, a
// company's owner the company's own (canManageApiClient). Every function takes the actor as this
// request's session gives it, re-reads the client it acts on and asks policy, so a replayed or
// forged post finds "not found" and changes nothing. What was done is an AccountEvent of the
// person who did it, in the same transaction, as administrators' other acts are (the audit page).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { registerApiClient, revokeApiClient, rotateApiClientSecret } from '@/lib/api/clients';
import { addressRanges } from '@/lib/auth/client-address';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { apiScopes, can, canManageApiClient, type Actor } from '@/lib/policy/policy';

/** Which screens: the administration's (any client, any owner) or one company's (its own clients only). */
export type ClientArea = { kind: 'admin' } | { kind: 'company'; organisationId: string };

export const requestsPerMinuteBounds = { min: 1, max: 6000, usual: 300 } as const;
const maxAllowedIps = 100;

/** A problem with one field, as a message key and its arguments (the action translates it). */
export type FieldProblems = Record<string, { key: string; values?: Record<string, string | number> }>;

const uuid = z.uuid();

/** Whether the actor may use the area's screens at all (pages and actions ask first). */
export function mayEnter(actor: Actor | null, area: ClientArea): boolean {
  if (area.kind === 'admin') return can(actor, 'admin.enter');
  return uuid.safeParse(area.organisationId).success && canManageApiClient(actor, { organisationId: area.organisationId });
}

// What a page may show of a client: never its secret's hash.
const shown = {
  id: true, name: true, institutionKm: true, institutionEn: true, organisationId: true, scopes: true,
  allowedIps: true, requestsPerMinute: true, createdAt: true, revokedAt: true,
  organisation: { select: { registrationNumber: true } },
} as const satisfies Prisma.ApiClientSelect;

export type ShownClient = Prisma.ApiClientGetPayload<{ select: typeof shown }>;

/** The clients the area lists, newest first; null when the actor may not enter it. */
export async function listClientsAs(actor: Actor | null, area: ClientArea): Promise<ShownClient[] | null> {
  if (!mayEnter(actor, area)) return null;
  return db.apiClient.findMany({
    where: area.kind === 'company' ? { organisationId: area.organisationId } : {},
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: shown,
  });
}

/**
 * One client as the area shows it, or null: unknown, someone else's, or another company's.
 * `secretVersion` names the secret the page saw (a digest of its salted hash, which changes with
 * every secret), so that a rotation posted again, by a reload, does not make yet another secret.
 */
export async function findClientAs(actor: Actor | null, area: ClientArea, clientId: string, tx: Prisma.TransactionClient = db): Promise<(ShownClient & { secretVersion: string }) | null> {
  if (!uuid.safeParse(clientId).success || !mayEnter(actor, area)) return null;
  const found = await tx.apiClient.findUnique({ where: { id: clientId }, select: { ...shown, secretHash: true } });
  if (!found || !canManageApiClient(actor, found)) return null;
  // A company's screens show that company's clients only, whatever else the actor may manage.
  if (area.kind === 'company' && found.organisationId !== area.organisationId) return null;
  const { secretHash, ...client } = found;
  return { ...client, secretVersion: createHash('sha256').update(secretHash).digest('base64url').slice(0, 16) };
}

const required = (key: string, max: number, tooLong: string) => z.string(key).trim().min(1, key).max(max, tooLong);
const common = z.object({
  name: required('apiClients.errors.name', 100, 'apiClients.errors.nameTooLong'),
  scopes: z.array(z.enum(apiScopes, 'apiClients.errors.scopes'), 'apiClients.errors.scopes').min(1, 'apiClients.errors.scopes'),
  allowedIps: z.string().default(''),
  requestsPerMinute: z.coerce.number('apiClients.errors.requestsPerMinute').int('apiClients.errors.requestsPerMinute')
    .min(requestsPerMinuteBounds.min, 'apiClients.errors.requestsPerMinute').max(requestsPerMinuteBounds.max, 'apiClients.errors.requestsPerMinute'),
});
// Only the administration chooses the owner; a company's screens register for that company.
const owner = z.discriminatedUnion('owner', [
  z.object({
    owner: z.literal('institution'),
    institutionEn: required('apiClients.errors.institutionEn', 200, 'apiClients.errors.institutionTooLong'),
    institutionKm: required('apiClients.errors.institutionKm', 200, 'apiClients.errors.institutionTooLong'),
  }),
  z.object({ owner: z.literal('company'), registrationNumber: required('apiClients.errors.registrationNumber', 50, 'apiClients.errors.registrationNumber') }),
], { error: 'apiClients.errors.owner' });

/** The lines of the allowed-addresses box, each an IP or CIDR; the first wrong one is named with its line number. */
export function readAllowedIps(text: string): { ok: true; ranges: string[] } | { ok: false; problem: FieldProblems[string] } {
  const ranges: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const entry = line.trim();
    if (!entry) continue;
    try {
      addressRanges([entry], 'allowed IP ranges');
    } catch {
      return { ok: false, problem: { key: 'apiClients.errors.allowedIps', values: { line: index + 1, entry: entry.length > 60 ? `${entry.slice(0, 60)}…` : entry } } };
    }
    ranges.push(entry);
  }
  if (ranges.length > maxAllowedIps) return { ok: false, problem: { key: 'apiClients.errors.allowedIpsTooMany' } };
  return { ok: true, ranges };
}

function problemsOf(error: z.ZodError): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of error.issues) problems[String(issue.path[0] ?? 'form')] ??= { key: issue.message };
  return problems;
}

export type RegisterResult =
  | { outcome: 'registered'; clientId: string; secret: string }
  | { outcome: 'invalid'; problems: FieldProblems }
  /** The same form posted again (a double click, a reload of the answer): nothing new, and no secret again. */
  | { outcome: 'alreadyRegistered'; clientId: string }
  | { outcome: 'notFound' };

/**
 * Registers a client from the form's fields (`scopes` a list). `formToken` is the one the form
 * was rendered with: a second post of the same form registers nothing and says so, because the
 * secret of the first exists only in the first answer.
 */
export async function registerClientAs(actor: Actor | null, area: ClientArea, fields: Record<string, unknown>, formToken: unknown): Promise<RegisterResult> {
  if (!actor || !mayEnter(actor, area)) return { outcome: 'notFound' };
  if (!uuid.safeParse(formToken).success) return { outcome: 'invalid', problems: { form: { key: 'apiClients.errors.formToken' } } };
  const token = formToken as string;
  const base = common.safeParse(fields);
  const chosen = area.kind === 'admin' ? owner.safeParse(fields) : null;
  const allowed = readAllowedIps(typeof fields.allowedIps === 'string' ? fields.allowedIps : '');
  const problems: FieldProblems = {
    ...(base.success ? {} : problemsOf(base.error)),
    ...(chosen && !chosen.success ? problemsOf(chosen.error) : {}),
    ...(allowed.ok ? {} : { allowedIps: allowed.problem }),
  };
  if (!base.success || (chosen && !chosen.success) || !allowed.ok) return { outcome: 'invalid', problems };

  // The company a client reads for, and the name people see: the company's own.
  const ownerData = chosen?.data;
  let organisation: { id: string; nameKm: string; nameEn: string } | null = null;
  if (area.kind === 'company') {
    organisation = await db.organisation.findUnique({ where: { id: area.organisationId }, select: { id: true, nameKm: true, nameEn: true } });
    if (!organisation) return { outcome: 'notFound' };
  } else if (ownerData?.owner === 'company') {
    organisation = await db.organisation.findUnique({ where: { registrationNumber: ownerData.registrationNumber }, select: { id: true, nameKm: true, nameEn: true } });
    if (!organisation) return { outcome: 'invalid', problems: { registrationNumber: { key: 'apiClients.errors.noCompany', values: { number: ownerData.registrationNumber } } } };
  }
  const institution = organisation
    ? { km: organisation.nameKm, en: organisation.nameEn }
    : { km: (ownerData as { institutionKm: string }).institutionKm, en: (ownerData as { institutionEn: string }).institutionEn };
  const client = {
    name: base.data.name,
    institution,
    organisationId: organisation?.id ?? null,
    scopes: base.data.scopes,
    allowedIps: allowed.ranges,
    requestsPerMinute: base.data.requestsPerMinute,
  };

  return db.$transaction(async (tx): Promise<RegisterResult> => {
    // Two posts of one form wait for each other here; the second finds the first's record.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`api-client-form:${token}`}, 0))`;
    const earlier = await tx.accountEvent.findFirst({
      where: { userId: actor.id, type: 'api_client_registered', data: { path: ['formToken'], equals: token } },
      select: { data: true },
    });
    if (earlier) return { outcome: 'alreadyRegistered', clientId: (earlier.data as { clientId: string }).clientId };
    const { clientId, secret } = await registerApiClient(client, tx);
    await tx.accountEvent.create({
      data: { userId: actor.id, actorId: actor.id, type: 'api_client_registered', data: { clientId, ...client, formToken: token } },
    });
    return { outcome: 'registered', clientId, secret };
  });
}

type Change = { outcome: 'done'; secret?: string } | { outcome: 'revoked' } | { outcome: 'stale' } | { outcome: 'notFound' };

/** The client, locked for this transaction and checked again: rotate and revoke never cross. */
async function lockedClient(tx: Prisma.TransactionClient, actor: Actor, area: ClientArea, clientId: string) {
  if (!uuid.safeParse(clientId).success) return null;
  await tx.$queryRaw`select 1 from "ApiClient" where id = ${clientId}::uuid for update`;
  return findClientAs(actor, area, clientId, tx);
}

const auditData = (client: ShownClient & { secretVersion?: string }) => ({ clientId: client.id, name: client.name, institution: { km: client.institutionKm, en: client.institutionEn }, organisationId: client.organisationId });

/**
 * A new secret (answered once, here) in place of the one the page saw (`secretVersion`); the old
 * one and its tokens stop working. A revoked client gets none; a secret replaced since, no other.
 */
export async function rotateClientAs(actor: Actor | null, area: ClientArea, clientId: string, secretVersion: unknown): Promise<Change> {
  if (!actor || !mayEnter(actor, area)) return { outcome: 'notFound' };
  return db.$transaction(async (tx): Promise<Change> => {
    const client = await lockedClient(tx, actor, area, clientId);
    if (!client) return { outcome: 'notFound' };
    if (client.revokedAt) return { outcome: 'revoked' };
    if (client.secretVersion !== secretVersion) return { outcome: 'stale' };
    const secret = await rotateApiClientSecret(client.id, tx);
    await tx.accountEvent.create({ data: { userId: actor.id, actorId: actor.id, type: 'api_client_secret_rotated', data: auditData(client) } });
    return { outcome: 'done', secret };
  });
}

/** Revokes a client at once. Revoking it again changes nothing and records nothing. */
export async function revokeClientAs(actor: Actor | null, area: ClientArea, clientId: string): Promise<Change> {
  if (!actor || !mayEnter(actor, area)) return { outcome: 'notFound' };
  return db.$transaction(async (tx): Promise<Change> => {
    const client = await lockedClient(tx, actor, area, clientId);
    if (!client) return { outcome: 'notFound' };
    if (client.revokedAt) return { outcome: 'revoked' };
    await revokeApiClient(client.id, tx);
    await tx.accountEvent.create({ data: { userId: actor.id, actorId: actor.id, type: 'api_client_revoked', data: auditData(client) } });
    return { outcome: 'done' };
  });
}
