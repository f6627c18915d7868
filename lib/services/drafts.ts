// A service's draft in the designer: a ServiceVersion not yet published (at most one per service,
// a partial unique index). Every save is checked by the same schema as seeded and imported
// definitions; whoever saves it becomes one of its editors, and no editor may publish it.
// These are the acts an administrator does on services, each re-checking who may do it.
import 'server-only';
import type { Actor } from '@/lib/policy/policy';
import { can } from '@/lib/policy/policy';
import { recordAdminAct } from '@/lib/administration/audit';
import { db } from '@/lib/db/client';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import type { ServiceDefinition } from './definition';
import { checkDefinitionAgainst, importDefinition, publishDraft, type DraftProblem, type PublishResult } from './publishing';

export type { DraftProblem } from './publishing';

export type DraftSave = { ok: true; draftId: string } | { ok: false; problems: DraftProblem[] } | { ok: false; notFound: true };

/** The department codes a definition may name: those that exist now. */
export async function departmentCodes(): Promise<string[]> {
  return (await db.department.findMany({ select: { code: true } })).map((d) => d.code);
}

/** Checks a definition as a draft would be: the shape, then the cross-field problems, against today's departments. */
export async function checkDefinition(input: unknown): Promise<{ ok: true; definition: ServiceDefinition } | { ok: false; problems: DraftProblem[] }> {
  return checkDefinitionAgainst(input, await departmentCodes());
}

/**
 * Saves a definition as the service's draft: the one open draft is updated, or a new one made
 * (numbered after the service's last version, based on its latest published one). A service
 * that does not exist yet is created, unlisted until its first version is published.
 */
export async function saveDraft(actor: Actor, input: unknown): Promise<DraftSave> {
  if (!can(actor, 'admin.services')) return { ok: false, notFound: true };
  return db.$transaction(async (tx) => {
    const imported = await importDefinition(tx, input, actor.id);
    if (!imported.ok) return imported;
    await recordAdminAct(tx, { actorId: actor.id, type: 'service_draft_saved', subject: `service:${imported.draft.code}`, data: { version: imported.draft.version } });
    return { ok: true as const, draftId: imported.draft.id };
  });
}

export type ImportResult =
  | { ok: true; code: string; version: number }
  | { ok: false; reason: 'notFound' | 'notJson' }
  | { ok: false; reason: 'invalid'; problems: DraftProblem[] };

/** Imports a definition file (JSON text) as its service's draft; a file that is not JSON or not a valid definition changes nothing. */
export async function importDraftFile(actor: Actor, fileText: string): Promise<ImportResult> {
  if (!can(actor, 'admin.services')) return { ok: false, reason: 'notFound' };
  let input: unknown;
  try {
    input = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  return db.$transaction(async (tx) => {
    const imported = await importDefinition(tx, input, actor.id);
    if (!imported.ok) return { ok: false as const, reason: 'invalid' as const, problems: imported.problems };
    await recordAdminAct(tx, { actorId: actor.id, type: 'service_draft_imported', subject: `service:${imported.draft.code}`, data: { version: imported.draft.version } });
    return { ok: true as const, code: imported.draft.code, version: imported.draft.version };
  });
}

export interface PublishInput {
  /** The fingerprint of the draft the reviewer read (lib/services/publishing.ts). */
  reviewed: string;
  instrumentKm: string;
  instrumentEn: string;
  /** A Phnom Penh day 'YYYY-MM-DD', today or later; empty: at once. */
  effectiveFrom: string;
}

export type PublishAttempt = PublishResult | { ok: false; reason: 'notFound' | 'instrumentIncomplete' | 'effectiveFromPast' };

/** Publishes a service's draft as this administrator, who must not be one of its editors. */
export async function publishServiceDraft(actor: Actor, serviceCode: string, input: PublishInput): Promise<PublishAttempt> {
  if (!can(actor, 'admin.services')) return { ok: false, reason: 'notFound' };
  const [km, en] = [input.instrumentKm.trim(), input.instrumentEn.trim()];
  if (!km !== !en || km.length > 500 || en.length > 500) return { ok: false, reason: 'instrumentIncomplete' };
  const day = input.effectiveFrom.trim();
  if (day && (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)) || day < phnomPenhDay(new Date()))) return { ok: false, reason: 'effectiveFromPast' };
  return db.$transaction((tx) =>
    publishDraft(tx, serviceCode, {
      publisherId: actor.id,
      legalInstrument: km ? { km, en } : null,
      // The start of that day in Phnom Penh (UTC+7 all year).
      effectiveFrom: day ? new Date(`${day}T00:00:00+07:00`) : null,
      reviewed: input.reviewed,
    }),
  );
}

/** Closes a service to new applications; files already started or filed finish under their version. */
export async function retireService(actor: Actor, serviceCode: string): Promise<boolean> {
  if (!can(actor, 'admin.services')) return false;
  return db.$transaction(async (tx) => {
    const retired = await tx.service.updateMany({ where: { code: serviceCode, retiredAt: null }, data: { retiredAt: new Date() } });
    if (retired.count === 0) return false;
    await recordAdminAct(tx, { actorId: actor.id, type: 'service_retired', subject: `service:${serviceCode}` });
    return true;
  });
}

/** One version's definition as the file an import takes; null when there is none or the actor may not. */
export async function exportVersion(actor: Actor, serviceCode: string, version: number): Promise<unknown> {
  if (!can(actor, 'admin.services')) return null;
  const found = await db.serviceVersion.findFirst({ where: { service: { code: serviceCode }, version }, select: { definition: true } });
  return found?.definition ?? null;
}
