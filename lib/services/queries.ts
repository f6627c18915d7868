import { db, query } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { serviceDefinition, type ServiceDefinition } from './definition';

export interface PublishedService {
  code: string;
  department: { code: string; nameKm: string; nameEn: string };
  version: number;
  definition: ServiceDefinition;
}

/**
/**
 * The versions new applications may get now: published, and in effect (a version published to
 * take effect on a later day waits; the one before it stays current until then). The current
 * one is the latest of these.
 */
export function inEffect(now = new Date()): Prisma.ServiceVersionWhereInput {
  return { publishedAt: { not: null }, OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }] };
}

/**
 * Every service at its current version (as `inEffect`), with its owning department. Retired
 * services are left out (no new applications), except for lists that filter files already made
 * (`includeRetired`). One small query says which versions are current; their definitions are
 * parsed once per process (a published version never changes), so a catalogue of hundreds of
 * services costs no parsing per request.
 */
export async function listPublishedServices({ includeRetired = false } = {}): Promise<PublishedService[]> {
  const rows = await query<{ code: string; departmentCode: string; nameKm: string; nameEn: string; versionId: string; version: number }>(
    `select distinct on (s.code) s.code, d.code as "departmentCode", d."nameKm", d."nameEn", v.id as "versionId", v.version
     from "Service" s join "Department" d on d.id = s."departmentId"
     join "ServiceVersion" v on v."serviceId" = s.id and v."publishedAt" is not null and (v."effectiveFrom" is null or v."effectiveFrom" <= $2)
     where $1::boolean or s."retiredAt" is null
     order by s.code, v.version desc`,
    [includeRetired, new Date()],
  );
  await readDefinitions(rows.map((r) => r.versionId).filter((id) => !versions.has(id)));
  return Promise.all(
    rows.map(async (r) => ({
      code: r.code,
      department: { code: r.departmentCode, nameKm: r.nameKm, nameEn: r.nameEn },
      version: r.version,
      definition: await definitionOfVersion(r.versionId),
    })),
  );
}

export async function findPublishedService(code: string): Promise<PublishedService | null> {
  return (await listPublishedServices()).find((s) => s.code === code) ?? null;
}

/**
 * Text as searched: canonical Unicode (a Khmer word typed with its signs in another order or
 * as decomposed characters is the same word), lower case, and without the invisible word
 * breaks that Khmer typists put between words.
 */
export function searchable(text: string): string {
  return text.normalize('NFC').replace(/[\u200b-\u200d\ufeff]/g, '').toLowerCase();
}

// The searched text of each definition, made once per parsed definition.
const definitionTexts = new WeakMap<ServiceDefinition, string>();

function searchedText(service: PublishedService): string {
  const d = service.definition;
  let text = definitionTexts.get(d);
  if (text === undefined) {
    text = searchable(
      [d.name, d.summary, d.legalBasis, d.issues, ...d.documents.map((doc) => doc.label), ...d.stages.map((s) => s.name)]
        .flatMap((t) => (t ? [t.km, t.en] : []))
        .join(' '),
    );
    definitionTexts.set(d, text);
  }
  return `${text} ${searchable(`${service.department.nameKm} ${service.department.nameEn}`)}`;
}

/**
 * Search by words in either language (names, summaries, documents, stages, the department), so a
 * Khmer speaker typing English finds it too. Khmer has no spaces between words, so each word of
 * the query is found anywhere in the text.
 */
export function matchesQuery(service: PublishedService, query: string): boolean {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  const text = searchedText(service);
  return words.every((w) => text.includes(w));
}

/** Department names by code, for stages and routing shown to people. */
export async function departmentsByCode(): Promise<Map<string, { id: string; nameKm: string; nameEn: string }>> {
  const rows = await db.department.findMany({ select: { id: true, code: true, nameKm: true, nameEn: true } });
  return new Map(rows.map((d) => [d.code, d]));
}

// Published versions never change, so each is read and parsed once per process.
const versions = new Map<string, Promise<ServiceDefinition>>();

/** Reads and caches the definitions of many versions in one query. */
async function readDefinitions(versionIds: string[]): Promise<void> {
  if (versionIds.length === 0) return;
  const rows = await query<{ id: string; definition: unknown }>('select id, definition from "ServiceVersion" where id = any($1::uuid[])', [versionIds]);
  for (const row of rows) if (!versions.has(row.id)) versions.set(row.id, Promise.resolve(serviceDefinition.parse(row.definition)));
}

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

export const applicantKinds = ['person', 'company'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

export interface CatalogueSearch {
  query: string;
  /** A department's code, or '' for all. */
  department: string;
  applicant: ApplicantKind | null;
}

/** The catalogue's search from its form's GET parameters; anything unknown searches nothing by it. */
export function catalogueSearch(params: { q?: string | string[]; department?: string | string[]; applicant?: string | string[] }): CatalogueSearch {
  const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : '');
  const applicant = one(params.applicant);
  return {
    query: one(params.q).slice(0, 100),
    department: one(params.department).slice(0, 100),
    applicant: (applicantKinds as readonly string[]).includes(applicant) ? (applicant as ApplicantKind) : null,
  };
}

export function searchCatalogue(services: PublishedService[], search: CatalogueSearch): PublishedService[] {
  return services.filter(
    (s) =>
      (!search.department || s.department.code === search.department) &&
      (!search.applicant || s.definition.applicants.includes(search.applicant)) &&
      (!search.query || matchesQuery(s, search.query)),
  );
}
