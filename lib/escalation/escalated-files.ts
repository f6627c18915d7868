// The supervisor's view of escalation: the department's files whose current stage has climbed
// the hierarchy and is still open, the highest level each reached and since when.
import { query } from '@/lib/db/client';
import type { LocalizedText } from '@/lib/services/definition';
import type { EscalationLevel } from './levels';

export interface EscalatedFile {
  applicationId: string;
  reference: string | null;
  service: LocalizedText;
  stageKey: string;
  level: EscalationLevel;
  since: Date;
  dueAt: Date;
  /** The stage waits for the applicant (the clock is stopped). */
  paused: boolean;
}

export async function escalatedFiles(departmentId: string, limit = 100): Promise<EscalatedFile[]> {
  const rows = await query<Omit<EscalatedFile, 'service'> & { nameKm: string; nameEn: string }>(
    `select * from (
       select distinct on (e."stageId") a.id as "applicationId", a.reference, v."nameKm", v."nameEn", s."stageKey", e.level,
              e."reachedAt" at time zone 'UTC' as since, s."dueAt" at time zone 'UTC' as "dueAt", s.status = 'info_requested' as paused
         from "StageEscalation" e
         join "ApplicationStage" s on s.id = e."stageId" and s.status in ('active', 'info_requested')
         join "Application" a on a.id = s."applicationId"
         join "ServiceVersion" v on v.id = a."serviceVersionId"
        where e."departmentId" = $1
        order by e."stageId", e.level desc
     ) latest
     order by level desc, since, reference
     limit $2`,
    [departmentId, limit],
  );
  return rows.map(({ nameKm, nameEn, ...row }) => ({ ...row, service: { km: nameKm, en: nameEn } }));
}
