import { timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db/client';
import type { ApplicationStatus } from '@/lib/db/generated/enums';
import { failureDelayMs, lockedMinutes, recordFailure } from '@/lib/auth/throttle';
import { serviceDefinition, type LocalizedText } from '@/lib/services/definition';

/** What public tracking shows: status and routing, never the applicant or their answers. */
export interface TrackedApplication {
  reference: string;
  service: LocalizedText;
  status: ApplicationStatus;
  stage: LocalizedText | null;
  department: LocalizedText | null;
  dueAt: Date | null;
}

export type TrackResult = { ok: true; application: TrackedApplication } | { ok: false; error: 'notFound' } | { ok: false; error: 'limited'; minutes: number };

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Looks an application up by reference and tracking code. A wrong code answers exactly as an
 * unknown reference does, and wrong guesses from one address are limited.
 */
export async function trackApplication(reference: string, code: string, clientAddress: string): Promise<TrackResult> {
  const keys = { tracking: clientAddress };
  const locked = await lockedMinutes(keys);
  if (locked > 0) return { ok: false, error: 'limited', minutes: locked };

  const application = await db.application.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    select: {
      reference: true,
      trackingCode: true,
      status: true,
      currentStageKey: true,
      dueAt: true,
      serviceVersion: { select: { definition: true } },
      currentDepartment: { select: { nameKm: true, nameEn: true } },
    },
  });
  if (!application?.trackingCode || !same(application.trackingCode, code.trim().toUpperCase())) {
    const failures = await recordFailure(keys);
    await new Promise((resolve) => setTimeout(resolve, Math.min(failureDelayMs(failures), 1_000)));
    return { ok: false, error: 'notFound' };
  }
  const definition = serviceDefinition.parse(application.serviceVersion.definition);
  const department = application.currentDepartment;
  return {
    ok: true,
    application: {
      reference: application.reference!,
      service: definition.name,
      status: application.status,
      stage: definition.stages.find((s) => s.key === application.currentStageKey)?.name ?? null,
      department: department ? { km: department.nameKm, en: department.nameEn } : null,
      dueAt: application.dueAt,
    },
  };
}
