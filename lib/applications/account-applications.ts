import 'server-only';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/policy/policy';

/** The account page's list: the person's own applications and those of the organisations they belong to, latest changed first. */
export function accountApplications(actor: Pick<Actor, 'id' | 'organisations'>) {
  return db.application.findMany({
    where: { OR: [{ applicantId: actor.id }, { organisationId: { in: actor.organisations.map((m) => m.organisationId) } }] },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: { id: true, reference: true, status: true, updatedAt: true, serviceVersion: { select: { nameKm: true, nameEn: true } } },
  });
}
