import { db } from '@/lib/db/client';
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
