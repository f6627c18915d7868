import { timingSafeEqual } from 'node:crypto';
import { query } from '@/lib/db/client';
import type { ApplicationStatus, LicenceStatus } from '@/lib/db/generated/enums';
import { failureDelayMs, recordFailure } from '@/lib/auth/throttle';
import type { LocalizedText } from '@/lib/services/definition';
import { applicationOutcome, type Outcome } from './outcome';
import { definitionOfVersion } from '@/lib/services/queries';

/**
 * What public tracking shows: status and routing, never the applicant or their answers. A decided
 * file shows its outcome instead of a stage, a department and an expected date (all null).
 */
export interface TrackedApplication {
  reference: string;
  service: LocalizedText;
  status: ApplicationStatus;
  outcome: Outcome | null;
  stage: LocalizedText | null;
  department: LocalizedText | null;
  dueAt: Date | null;
}

export type TrackResult = { ok: true; application: TrackedApplication } | { ok: false; error: 'notFound' } | { ok: false; error: 'limited'; minutes: number };

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

interface Row {
  reference: string | null;
  trackingCode: string | null;
  status: ApplicationStatus | null;
  currentStageKey: string | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  licenceStatus: LicenceStatus | null;
  revokedAt: Date | null;
  versionId: string | null;
  nameKm: string | null;
  nameEn: string | null;
  lockedUntil: Date | null;
}

/**
 * Looks an application up by reference and tracking code, in one round trip with the address's
 * lock. A wrong code answers exactly as an unknown reference does, and wrong guesses from one
 * address are limited.
 */
export async function trackApplication(reference: string, code: string, clientAddress: string): Promise<TrackResult> {
  const [row] = await query<Row>(
    `select a.reference, a."trackingCode", a.status, a."currentStageKey", a."dueAt", a."decidedAt",
            l.status as "licenceStatus", l."revokedAt",
            a."serviceVersionId" as "versionId", d."nameKm", d."nameEn",
            (select t."lockedUntil" from "SignInThrottle" t where t.key = $2 and t."lockedUntil" > now()) as "lockedUntil"
     from (select 1) as one
     left join "Application" a on a.reference = $1
     left join "Department" d on d.id = a."currentDepartmentId"
     left join "Licence" l on l."applicationId" = a.id`,
    [reference.trim().toUpperCase(), `tracking:${clientAddress}`],
  );
  if (row?.lockedUntil) return { ok: false, error: 'limited', minutes: Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60_000) };
  if (!row?.reference || !row.trackingCode || !same(row.trackingCode, code.trim().toUpperCase())) {
    const failures = await recordFailure({ tracking: clientAddress });
    await new Promise((resolve) => setTimeout(resolve, Math.min(failureDelayMs(failures), 1_000)));
    return { ok: false, error: 'notFound' };
  }
  const definition = await definitionOfVersion(row.versionId!);
  const outcome = applicationOutcome({ status: row.status!, decidedAt: row.decidedAt }, row.licenceStatus ? { status: row.licenceStatus, revokedAt: row.revokedAt } : null);
  return {
    ok: true,
    application: {
      reference: row.reference,
      service: definition.name,
      status: row.status!,
      outcome,
      stage: outcome ? null : (definition.stages.find((s) => s.key === row.currentStageKey)?.name ?? null),
      department: !outcome && row.nameKm && row.nameEn ? { km: row.nameKm, en: row.nameEn } : null,
      dueAt: outcome ? null : row.dueAt,
    },
  };
}

export interface LookupAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The tracking lookup as JSON for other systems (SMS and call-centre systems, other government
 * services): the portal's route and the lookup server (lib/cli/lookup-server.ts) both answer it.
 */
export async function trackingLookup(params: URLSearchParams, clientAddress: string): Promise<LookupAnswer> {
  const reference = (params.get('reference') ?? '').slice(0, 40);
  const code = (params.get('code') ?? '').slice(0, 20);
  if (!reference || !code) return { status: 400, body: { error: 'referenceAndCodeRequired' }, headers: {} };
  const result = await trackApplication(reference, code, clientAddress);
  if (result.ok) return { status: 200, body: result.application, headers: { 'Cache-Control': 'no-store' } };
  return result.error === 'limited'
    ? { status: 429, body: { error: 'limited', minutes: result.minutes }, headers: { 'Retry-After': String(result.minutes * 60) } }
    : { status: 404, body: { error: 'notFound' }, headers: {} };
}
