// What the service designer reads: the definition to edit (the open draft, or a copy of the live
// version) and the departments a stage may name. Saving goes through drafts.ts.
import 'server-only';
import { db } from '@/lib/db/client';
import { serviceDefinition, type ServiceDefinition } from './definition';

export interface DesignerDraft {
  code: string;
  /** Whether this is the open draft (false: a copy of the latest published version, not saved yet). */
  isDraft: boolean;
  definition: ServiceDefinition;
}

/** The definition the designer edits for a service, or null when the service does not exist. */
export async function draftFor(code: string): Promise<DesignerDraft | null> {
  const service = await db.service.findUnique({
    where: { code },
    select: { versions: { orderBy: { version: 'desc' }, take: 1, select: { publishedAt: true, definition: true } } },
  });
  // The latest version is the open draft when there is one: a draft is always numbered after the published ones.
  const latest = service?.versions[0];
  if (!latest) return null;
  return { code, isDraft: latest.publishedAt === null, definition: serviceDefinition.parse(latest.definition) };
}

/** The departments a service or stage may belong to, with their names, in code order. */
export function designerDepartments(): Promise<{ code: string; nameKm: string; nameEn: string }[]> {
  return db.department.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameKm: true, nameEn: true } });
}
