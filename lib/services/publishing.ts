// How a definition becomes a draft and a draft becomes a published version, inside a transaction
// the caller opens. The designer, an imported file and the seed all go through here: the seed
// imports each service's definition file and publishes it as the system (publisher null).
// Who may do it is checked by the callers in ./drafts.ts; four eyes and the legal instrument here.
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/db/generated/client';
import { recordAdminAct } from '@/lib/administration/audit';
import { checkedServiceDefinition, serviceDefinition, type LocalizedText, type ServiceDefinition } from './definition';
import { describeChanges, needsLegalInstrument, type Change } from './changes';

type Tx = Prisma.TransactionClient;

/** A problem with a definition, where it is: a `definitionProblems` key, or a zod issue code for the shape. */
export interface DraftProblem {
  path: (string | number)[];
  message: string;
  params?: Record<string, unknown>;
}

export type CheckedDefinition = { ok: true; definition: ServiceDefinition } | { ok: false; problems: DraftProblem[] };

/** Checks a definition as every written one is: the shape, then the cross-field problems against these departments. */
export function checkDefinitionAgainst(input: unknown, departments: readonly string[]): CheckedDefinition {
  const result = checkedServiceDefinition(departments).safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: issue.message,
      params: issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined,
    })),
  };
}

/**
 * Writes a checked definition as the service's draft: the one open draft is updated, or a new
 * one made (numbered after the service's last version, based on its latest published one). A
 * service that does not exist yet is created, unlisted until its first version is published.
 * `editorId` joins the draft's editors (null: the system, for the seed).
 */
export async function writeDraft(tx: Tx, definition: ServiceDefinition, editorId: string | null): Promise<{ id: string; version: number }> {
  const department = await tx.department.findUniqueOrThrow({ where: { code: definition.department }, select: { id: true } });
  const service = await tx.service.upsert({ where: { code: definition.code }, update: {}, create: { code: definition.code, departmentId: department.id } });
  const versions = await tx.serviceVersion.findMany({ where: { serviceId: service.id }, orderBy: { version: 'desc' }, select: { id: true, version: true, publishedAt: true, editorIds: true } });
  const draft = versions.find((v) => v.publishedAt === null);
  const published = versions.find((v) => v.publishedAt !== null);
  const columns = {
    nameKm: definition.name.km,
    nameEn: definition.name.en,
    summaryKm: definition.summary.km,
    summaryEn: definition.summary.en,
    legalBasisKm: definition.legalBasis.km,
    legalBasisEn: definition.legalBasis.en,
    feeRiel: definition.feeRiel,
    deadlineWorkingDays: definition.deadlineWorkingDays,
    definition,
  };
  const joins = (editorIds: string[]) => (editorId && !editorIds.includes(editorId) ? { push: editorId } : undefined);
  return draft
    ? tx.serviceVersion.update({ where: { id: draft.id }, data: { ...columns, basedOnVersion: published?.version ?? null, editorIds: joins(draft.editorIds) }, select: { id: true, version: true } })
    : tx.serviceVersion.create({
        data: { ...columns, serviceId: service.id, version: (versions[0]?.version ?? 0) + 1, basedOnVersion: published?.version ?? null, createdById: editorId, editorIds: editorId ? [editorId] : [] },
        select: { id: true, version: true },
      });
}

/** Checks a definition (designer's form, imported file or the seed's) against today's departments and writes it as the draft. */
export async function importDefinition(tx: Tx, input: unknown, editorId: string | null): Promise<{ ok: true; draft: { id: string; version: number; code: string } } | { ok: false; problems: DraftProblem[] }> {
  const departments = (await tx.department.findMany({ select: { code: true } })).map((d) => d.code);
  const checked = checkDefinitionAgainst(input, departments);
  if (!checked.ok) return checked;
  const draft = await writeDraft(tx, checked.definition, editorId);
  return { ok: true, draft: { ...draft, code: checked.definition.code } };
}

/** Department names by code, for the words of a change. */
export async function departmentNames(tx: Tx) {
  return new Map((await tx.department.findMany({ select: { code: true, nameKm: true, nameEn: true } })).map((d) => [d.code, d]));
}

/** A service's open draft and the latest published version it is compared with. */
export async function draftAgainstLive(tx: Tx, serviceCode: string) {
  const versions = await tx.serviceVersion.findMany({
    where: { service: { code: serviceCode } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, publishedAt: true, editorIds: true, definition: true },
  });
  const draft = versions.find((v) => v.publishedAt === null);
  const live = versions.find((v) => v.publishedAt !== null);
  if (!draft) return null;
  const draftDefinition = serviceDefinition.parse(draft.definition);
  const liveDefinition = live ? serviceDefinition.parse(live.definition) : null;
  return {
    draft: { id: draft.id, version: draft.version, editorIds: draft.editorIds, definition: draftDefinition, fingerprint: fingerprint(draftDefinition) },
    live: live ? { version: live.version, definition: liveDefinition! } : null,
    changes: describeChanges(liveDefinition, draftDefinition, await departmentNames(tx)),
    needsLegalInstrument: needsLegalInstrument(liveDefinition, draftDefinition),
  };
}

/** What the reviewer saw: publishing refuses a draft changed since. */
export function fingerprint(definition: ServiceDefinition): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('base64url');
}

export interface Publication {
  /** Null: the system (the seed publishes the definitions in code). */
  publisherId: string | null;
  legalInstrument: LocalizedText | null;
  /** From when new applications get it (the start of a Phnom Penh day); null: at once. */
  effectiveFrom: Date | null;
  /** The fingerprint of the draft the publisher reviewed; null for the system. */
  reviewed: string | null;
}

export type PublishResult =
  | { ok: true; version: number; changes: Change[] }
  | { ok: false; reason: 'noDraft' | 'ownDraft' | 'instrumentRequired' | 'draftChanged' };

/**
 * Publishes the service's draft: another person than its editors, naming the legal instrument
 * when the fee, a deadline or the legal basis changes. The draft's row is locked, so that a save
 * racing the publication either lands before it (and is refused as changed) or makes a new draft.
 */
export async function publishDraft(tx: Tx, serviceCode: string, publication: Publication): Promise<PublishResult> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    select v.id from "ServiceVersion" v join "Service" s on s.id = v."serviceId"
    where s.code = ${serviceCode} and v."publishedAt" is null for update of v`;
  if (!locked.length) return { ok: false, reason: 'noDraft' };
  const found = (await draftAgainstLive(tx, serviceCode))!;
  const { draft } = found;
  if (publication.publisherId !== null) {
    if (draft.editorIds.includes(publication.publisherId)) return { ok: false, reason: 'ownDraft' };
    if (publication.reviewed !== draft.fingerprint) return { ok: false, reason: 'draftChanged' };
    if (found.needsLegalInstrument && !publication.legalInstrument) return { ok: false, reason: 'instrumentRequired' };
  }
  const department = await tx.department.findUniqueOrThrow({ where: { code: draft.definition.department }, select: { id: true } });
  await tx.serviceVersion.update({
    where: { id: draft.id },
    data: {
      publishedAt: new Date(),
      publishedById: publication.publisherId,
      effectiveFrom: publication.effectiveFrom,
      legalInstrument: publication.legalInstrument ?? undefined,
      changes: found.changes as unknown as Prisma.InputJsonArray,
    },
  });
  await tx.service.update({ where: { code: serviceCode }, data: { departmentId: department.id } });
  if (publication.publisherId) {
    await recordAdminAct(tx, {
      actorId: publication.publisherId,
      type: 'service_published',
      subject: `service:${serviceCode}`,
      data: { version: draft.version, effectiveFrom: publication.effectiveFrom?.toISOString() ?? null, legalInstrument: publication.legalInstrument ?? null },
    });
  }
  return { ok: true, version: draft.version, changes: found.changes };
}
