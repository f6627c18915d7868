import { randomUUID } from 'node:crypto';
import { createDraft } from '@/lib/applications/create-draft';
import { findApplication } from '@/lib/applications/find-application';
import { submitApplication } from '@/lib/applications/submit-application';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { perform } from '@/lib/workflow/machine';
import type { Role } from '@/lib/db/generated/enums';
import type { Actor } from '@/lib/policy/policy';
import { requiredDocuments } from '@/lib/services/answers';
import { permitAnswers, renewalAnswers, vehicleAnswers } from '../../support/answers';

export async function newCitizen(): Promise<Actor> {
  const user = await db.user.create({
    // Proven, as registration leaves it: notifications go to it.
    data: { name: 'Test Citizen', email: `it-${randomUUID()}@example.com`, emailVerifiedAt: new Date(), roles: { create: { role: 'citizen' } } },
  });
  return (await findActor(user.id))!;
}

/** A member of staff holding `role` in the department with `departmentCode`. */
export async function newStaff(role: Role, departmentCode: string): Promise<Actor> {
  const department = await db.department.findUniqueOrThrow({ where: { code: departmentCode } });
  const user = await db.user.create({
    data: { name: `Test ${role}`, email: `it-${randomUUID()}@example.com`, roles: { create: { role, departmentId: department.id } } },
  });
  return (await findActor(user.id))!;
}

const answersFor = { 'driving-licence-renewal': renewalAnswers, 'construction-permit': permitAnswers, 'vehicle-registration': vehicleAnswers };

/** A draft with every answer and document, ready to submit. */
export async function readyDraft(actor: Actor, service: keyof typeof answersFor = 'driving-licence-renewal', organisationId?: string) {
  const draft = (await createDraft(actor, service, organisationId))!;
  await db.application.update({ where: { id: draft.id }, data: { answers: answersFor[service] } });
  const withAnswers = (await findApplication(actor, draft.id, 'application.edit'))!;
  for (const { key } of requiredDocuments(withAnswers.definition, withAnswers.answers)) {
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

/** A submitted application of `actor`'s, waiting in its first department's queue. */
export async function filedApplication(actor: Actor, service: keyof typeof answersFor = 'driving-licence-renewal', organisationId?: string) {
  const draft = await readyDraft(actor, service, organisationId);
  const result = await submitApplication(draft, actor, draft.version, true);
  if (!result.ok) throw new Error(`could not file the test application: ${result.error}`);
  return draft.id;
}

/** A vehicle registration through both its stages, issued (with a number plate) by the head of land transport. */
export async function issuedVehicle() {
  const id = await filedApplication(await newCitizen(), 'vehicle-registration');
  const head = await newStaff('department_head', 'land-transport');
  let file = (await findApplication(head, id, 'application.view'))!;
  await perform(head, file, 'approveStage', {}, file.version);
  file = (await findApplication(head, id, 'application.view'))!;
  await perform(head, file, 'finalApprove', {}, file.version);
  return { id, head, licence: await db.licence.findUniqueOrThrow({ where: { applicationId: id } }) };
}
