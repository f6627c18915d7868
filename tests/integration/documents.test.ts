import { expect, test } from 'vitest';
import { createDraft } from '@/lib/applications/create-draft';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import { removeDocument, uploadDocument } from '@/lib/documents/upload-document';
import type { Actor } from '@/lib/policy/policy';
import { renewalAnswers } from '../support/answers';
import { newCitizen } from './support/applicants';

const png = (name: string) =>
  new File([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')], name, { type: 'image/png' });

async function draft(actor: Actor) {
  const { id } = (await createDraft(actor, 'driving-licence-renewal'))!;
  await db.application.update({ where: { id }, data: { answers: renewalAnswers } });
  return id;
}

const open = async (actor: Actor, id: string) => (await findApplication(actor, id, 'application.edit'))!;
const current = (applicationId: string, requirementKey: string) =>
  db.document.findMany({ where: { applicationId, requirementKey, removedAt: null }, orderBy: { createdAt: 'asc' } });

test('a document of two files keeps both, refuses a third, and counts uploads made at once one after the other', async () => {
  const citizen = await newCitizen();
  const id = await draft(citizen);
  expect(await uploadDocument(await open(citizen, id), citizen, 'national-id', png('front.png'))).toEqual({ ok: true });
  expect(await uploadDocument(await open(citizen, id), citizen, 'national-id', png('back.png'))).toEqual({ ok: true });
  expect(await uploadDocument(await open(citizen, id), citizen, 'national-id', png('third.png'))).toEqual({ ok: false, error: 'tooMany' });
  expect((await current(id, 'national-id')).map((d) => d.fileName)).toEqual(['front.png', 'back.png']);

  // One place left, two uploads at once (two tabs): one is kept, the other told the document is full.
  const [front] = await current(id, 'national-id');
  await removeDocument(await open(citizen, id), front!.id);
  const file = await open(citizen, id);
  const results = await Promise.all([uploadDocument(file, citizen, 'national-id', png('a.png')), uploadDocument(file, citizen, 'national-id', png('b.png'))]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'tooMany' }]);
  expect(await current(id, 'national-id')).toHaveLength(2);
});

test('a document of one file is replaced by the next upload', async () => {
  const citizen = await newCitizen();
  const id = await draft(citizen);
  await uploadDocument(await open(citizen, id), citizen, 'medical-certificate', png('old.png'));
  await uploadDocument(await open(citizen, id), citizen, 'medical-certificate', png('new.png'));
  expect((await current(id, 'medical-certificate')).map((d) => d.fileName)).toEqual(['new.png']);
});
