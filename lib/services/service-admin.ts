// What the administrators' service pages show: each service's live, scheduled and draft
// versions, a service's history, and a draft under review. Callers have checked 'admin.services'.
import 'server-only';
import { db } from '@/lib/db/client';
import type { LocalizedText } from './definition';
import { draftAgainstLive } from './publishing';

const versionSelect = { version: true, nameKm: true, nameEn: true, publishedAt: true, effectiveFrom: true, legalInstrument: true, editorIds: true } as const;

/** Every service, with its versions newest first (the admin list shows live, scheduled and draft). */
export async function servicesForAdmin() {
  const services = await db.service.findMany({
    orderBy: { code: 'asc' },
    select: { code: true, retiredAt: true, versions: { orderBy: { version: 'desc' }, select: versionSelect } },
  });
  return services.map((s) => ({ ...s, ...versionStates(s.versions) }));
}

/** One service with its versions, or null. */
export async function serviceForAdmin(code: string) {
  const service = await db.service.findUnique({ where: { code }, select: { code: true, retiredAt: true, versions: { orderBy: { version: 'desc' }, select: versionSelect } } });
  return service ? { ...service, ...versionStates(service.versions) } : null;
}

type VersionRow = { version: number; nameKm: string; nameEn: string; publishedAt: Date | null; effectiveFrom: Date | null; legalInstrument: unknown };

/** Which version is live now, which is published to take effect later, and the open draft. */
function versionStates<V extends VersionRow>(versions: V[], now = new Date()) {
  const published = versions.filter((v) => v.publishedAt);
  const live = published.find((v) => !v.effectiveFrom || v.effectiveFrom <= now) ?? null;
  return {
    live,
    scheduled: published.find((v) => v.effectiveFrom && v.effectiveFrom > now) ?? null,
    draft: versions.find((v) => !v.publishedAt) ?? null,
    name: (versions[0] ? { km: versions[0].nameKm, en: versions[0].nameEn } : { km: '', en: '' }) satisfies LocalizedText,
  };
}

/** A service's draft against its live version: the reviewer's diff, with its editors' names. */
export async function draftReview(code: string) {
  const found = await draftAgainstLive(db, code);
  if (!found) return null;
  const editors = await db.user.findMany({ where: { id: { in: found.draft.editorIds } }, select: { name: true }, orderBy: { name: 'asc' } });
  return { ...found, editorNames: editors.map((e) => e.name) };
}
