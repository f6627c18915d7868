import { db, query } from '@/lib/db/client';
import { serviceDefinition, type ServiceDefinition } from './definition';

export interface PublishedService {
  code: string;
  department: { code: string; nameKm: string; nameEn: string };
  version: number;
  definition: ServiceDefinition;
}

/** Every service at its latest published version, with its owning department. */
export async function listPublishedServices(): Promise<PublishedService[]> {
  const services = await db.service.findMany({
    orderBy: { code: 'asc' },
    select: {
      code: true,
      department: { select: { code: true, nameKm: true, nameEn: true } },
      versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { version: true, definition: true } },
    },
  });
  return services.flatMap((s) => {
    const latest = s.versions[0];
    return latest ? [{ code: s.code, department: s.department, version: latest.version, definition: serviceDefinition.parse(latest.definition) }] : [];
  });
}

export async function findPublishedService(code: string): Promise<PublishedService | null> {
  return (await listPublishedServices()).find((s) => s.code === code) ?? null;
}

/** Search by words in either language, so a Khmer speaker typing English finds it too. */
export function matchesQuery(service: PublishedService, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const d = service.definition;
  const haystack = [d.name, d.summary, d.legalBasis, d.issues, ...d.stages.map((s) => s.name)]
    .flatMap((text) => (text ? [text.km, text.en] : []))
    .concat(service.department.nameKm, service.department.nameEn)
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** Department names by code, for stages and routing shown to people. */
export async function departmentsByCode(): Promise<Map<string, { id: string; nameKm: string; nameEn: string }>> {
  const rows = await db.department.findMany({ select: { id: true, code: true, nameKm: true, nameEn: true } });
  return new Map(rows.map((d) => [d.code, d]));
}

// Published versions never change, so each is read and parsed once per process.
const versions = new Map<string, Promise<ServiceDefinition>>();

/** The definition of one service version, by its id (cached). */
export function definitionOfVersion(versionId: string): Promise<ServiceDefinition> {
  let definition = versions.get(versionId);
  if (!definition) {
    definition = query<{ definition: unknown }>('select definition from "ServiceVersion" where id = $1', [versionId]).then(([row]) =>
      serviceDefinition.parse(row!.definition),
    );
    definition.catch(() => versions.delete(versionId));
    versions.set(versionId, definition);
  }
  return definition;
}
