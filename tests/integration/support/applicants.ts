import { randomUUID } from 'node:crypto';
import { createDraft } from '@/lib/applications/create-draft';
import { findApplication } from '@/lib/applications/find-application';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/policy/policy';
import { renewalAnswers } from '../../support/answers';

export async function newCitizen(): Promise<Actor> {
  const user = await db.user.create({
    data: { name: 'Test Citizen', email: `it-${randomUUID()}@example.com`, roles: { create: { role: 'citizen' } } },
  });
  return (await findActor(user.id))!;
}


/** A driving-licence renewal draft with every answer and document, ready to submit. */
export async function readyDraft(actor: Actor) {
  const draft = (await createDraft(actor, 'driving-licence-renewal'))!;
  await db.application.update({ where: { id: draft.id }, data: { answers: renewalAnswers } });
  for (const key of ['current-licence', 'national-id', 'medical-certificate', 'photo']) {
    await db.document.create({
      data: {
        applicationId: draft.id,
        requirementKey: key,
        fileName: `${key}.pdf`,
        contentType: 'application/pdf',
        sizeBytes: 10,
        sha256: '0'.repeat(64),
        storageKey: `${draft.id}/${randomUUID()}`,
        uploadedById: actor.id,
      },
    });
  }
  return (await findApplication(actor, draft.id, 'application.edit'))!;
}
