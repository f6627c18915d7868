// Who belongs to which organisation, as pages show it. Policy (canInOrganisation) decides who may
// see or act for an organisation; the callers ask it first.
import 'server-only';
import { db } from '@/lib/db/client';
import { canInOrganisation, type Actor } from '@/lib/policy/policy';

/** A person's organisations and their role in each. */
export function membershipsOf(userId: string) {
  return db.organisationMembership.findMany({
    where: { userId },
    select: { role: true, organisation: { select: { id: true, nameKm: true, nameEn: true } } },
  });
}

/** The organisations the actor owns or manages, by English name: those they may apply or complain for. */
export async function organisationsActedFor(actor: Actor | null) {
  const ids = actor?.organisations.map((m) => m.organisationId).filter((id) => canInOrganisation(actor, 'organisation.apply', id)) ?? [];
  return ids.length ? db.organisation.findMany({ where: { id: { in: ids } }, orderBy: { nameEn: 'asc' }, select: { id: true, nameKm: true, nameEn: true } }) : [];
}

/** An organisation with its members, first joined first, and (for its owners) the invitations still open, newest first. */
export function organisationWithPeople(id: string, withInvitations: boolean) {
  return db.organisation.findUniqueOrThrow({
    where: { id },
    include: {
      members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: 'asc' } },
      invitations: withInvitations ? { where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } } : false,
    },
  });
}
