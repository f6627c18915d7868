import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { Answers } from '@/lib/services/answers';
import { pruneAnswers, requiredDocuments } from '@/lib/services/answers';
import { isDeepStrictEqual } from 'node:util';
import type { Change } from '@/lib/services/changes';
import { serviceDefinition, type ServiceDefinition } from '@/lib/services/definition';
import { feeFor } from '@/lib/services/fees';
import { inEffect } from '@/lib/services/queries';

/**
 * A citizen's draft started under an older version moves to the service's current one at its
 * next save: the answers to questions that still exist are kept (and those the new conditions
 * hide are dropped). Returns the version it moved from, or null when it was current. A filed
 * application never moves: only drafts are looked at.
 */
export async function moveDraftToCurrentVersion(application: { id: string; serviceId: string; serviceVersion: { version: number } }): Promise<number | null> {
  const current = await db.serviceVersion.findFirst({ where: { serviceId: application.serviceId, ...inEffect() }, orderBy: { version: 'desc' }, select: { id: true, version: true, definition: true } });
  if (!current || current.version <= application.serviceVersion.version) return null;
  return db.$transaction(async (tx) => {
    const draft = await tx.application.findFirst({ where: { id: application.id, status: 'draft' }, select: { answers: true } });
    if (!draft) return null;
    const answers = pruneAnswers(serviceDefinition.parse(current.definition), draft.answers as Answers);
    await tx.application.update({
      where: { id: application.id },
      data: { serviceVersionId: current.id, answers: answers as Prisma.InputJsonObject, version: { increment: 1 } },
    });
    return application.serviceVersion.version;
  });
}

/** What changed in a service after a version, up to its current one, oldest first: what a moved draft is told. */
export async function changesSince(serviceId: string, version: number): Promise<Change[]> {
  const versions = await db.serviceVersion.findMany({
    where: { serviceId, version: { gt: version }, ...inEffect() },
    orderBy: { version: 'asc' },
    select: { changes: true },
  });
  return versions.flatMap((v) => (v.changes ?? []) as unknown as Change[]);
}

type Draft = { definition: ServiceDefinition; answers: Answers };

/** Whether a moved draft asks the person to confirm the same answers, documents and fee as before its move. */
export function confirmsTheSame(before: Draft, after: Draft): boolean {
  const confirmed = (d: Draft) => [d.answers, requiredDocuments(d.definition, d.answers).map((r) => r.key), feeFor(d.definition, d.answers).lines];
  return isDeepStrictEqual(confirmed(before), confirmed(after));
}
