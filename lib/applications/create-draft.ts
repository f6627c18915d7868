import 'server-only';
import { db } from '@/lib/db/client';
import { can, canInOrganisation, type Actor } from '@/lib/policy/policy';
import { inEffect } from '@/lib/services/queries';

/**
 * Starts a draft under the service's current version (lib/services/queries.ts `inEffect`); a
 * draft moves to a newer one at its next save (save-answers.ts), a filed application never does.
 * Null when the service does not exist, is retired, or the actor may not apply (for that organisation).
 */
export async function createDraft(actor: Actor, serviceCode: string, organisationId: string | null = null): Promise<{ id: string } | null> {
  if (!can(actor, 'application.start')) return null;
  // For an organisation: only its owners and managers apply in its name.
  if (organisationId && !canInOrganisation(actor, 'organisation.apply', organisationId)) return null;
  const version = await db.serviceVersion.findFirst({
    where: { service: { code: serviceCode, retiredAt: null }, ...inEffect() },
    orderBy: { version: 'desc' },
    select: { id: true, serviceId: true },
  });
  if (!version) return null;
  return db.application.create({
    data: { serviceId: version.serviceId, serviceVersionId: version.id, applicantId: actor.id, organisationId },
    select: { id: true },
  });
}
