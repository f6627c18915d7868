// The public changelog: every published change of every service, newest first, with the legal
// instrument that made it and the day it takes effect. Read by the changelog pages and the
// open-data dataset (lib/open-data/service-changes.ts).
import 'server-only';
import { db } from '@/lib/db/client';
import { retirementChange, type Change } from './changes';
import type { LocalizedText } from './definition';

export interface ChangelogEntry {
  code: string;
  name: LocalizedText;
  version: number;
  publishedAt: Date;
  /** When new applications get it: the publication itself when it took effect at once. */
  effectiveFrom: Date;
  legalInstrument: LocalizedText | null;
  changes: Change[];
}

/**
 * Published versions with their changes, and retirements (closed to new applications, under the
 * last version), newest first; of one service, or of all.
 */
export async function changelog(serviceCode?: string, take = 1000): Promise<ChangelogEntry[]> {
  const ofService = serviceCode ? { service: { code: serviceCode } } : {};
  const [versions, retired] = await Promise.all([
    db.serviceVersion.findMany({
      where: { publishedAt: { not: null }, ...ofService },
      orderBy: [{ publishedAt: 'desc' }, { version: 'desc' }],
      take,
      select: { version: true, nameKm: true, nameEn: true, publishedAt: true, effectiveFrom: true, legalInstrument: true, changes: true, service: { select: { code: true } } },
    }),
    db.service.findMany({
      where: { retiredAt: { not: null }, ...(serviceCode ? { code: serviceCode } : {}) },
      orderBy: { retiredAt: 'desc' },
      take,
      select: { code: true, retiredAt: true, versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { version: true, nameKm: true, nameEn: true } } },
    }),
  ]);
  const published: ChangelogEntry[] = versions.map((v) => ({
    code: v.service.code,
    name: { km: v.nameKm, en: v.nameEn },
    version: v.version,
    publishedAt: v.publishedAt!,
    effectiveFrom: v.effectiveFrom ?? v.publishedAt!,
    legalInstrument: (v.legalInstrument as LocalizedText | null) ?? null,
    changes: (v.changes as Change[] | null) ?? [],
  }));
  const closed: ChangelogEntry[] = retired.flatMap((s) => {
    const last = s.versions[0];
    if (!last) return [];
    return [{ code: s.code, name: { km: last.nameKm, en: last.nameEn }, version: last.version, publishedAt: s.retiredAt!, effectiveFrom: s.retiredAt!, legalInstrument: null, changes: [retirementChange()] }];
  });
  return [...published, ...closed].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, take);
}
