import { createHash, randomUUID } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDraft } from '@/lib/applications/create-draft';
import { findApplication } from '@/lib/applications/find-application';
import { submitApplication } from '@/lib/applications/submit-application';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { backupPortal } from '@/lib/backup/backup';
import { RestoreError, restorePortal } from '@/lib/backup/restore';
import { closeDatabase, db } from '@/lib/db/client';
import { PrismaClient } from '@/lib/db/generated/client';
import { S3Storage } from '@/lib/documents/s3-storage';
import { documentStorage } from '@/lib/documents/storage';
import { uploadDocument } from '@/lib/documents/upload-document';
import { verifyLicence } from '@/lib/licences/documents';
import { requiredDocuments } from '@/lib/services/answers';
import { perform } from '@/lib/workflow/machine';
import { seedReferenceData } from '@/prisma/seed';
import { renewalAnswers } from '../support/answers';
import { startS3Server, type TestS3Server } from '../support/s3-server';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';
import { newCitizen, newStaff } from './support/applicants';

let postgres: TestPostgres;
let s3: TestS3Server;
let backups: string;
beforeAll(async () => {
  [postgres, s3, backups] = await Promise.all([startTestPostgres(), startS3Server(), mkdtemp(path.join(os.tmpdir(), 'backups-'))]);
});
afterAll(async () => {
  await closeDatabase();
  await Promise.all([postgres?.stop(), s3?.close(), rm(backups, { recursive: true, force: true })]);
});

/** Points the app's database client at another database. */
async function pointAt(url: string) {
  await closeDatabase();
  process.env.DATABASE_URL = url;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A portal of its own: an applicant's uploads, a filed application and the licence it was issued. */
async function seedPortal(databaseUrl: string) {
  const seeding = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(seeding);
  await seeding.$disconnect();
  await pointAt(databaseUrl);

  const citizen = await newCitizen();
  const { id } = (await createDraft(citizen, 'driving-licence-renewal'))!;
  await db.application.update({ where: { id }, data: { answers: renewalAnswers } });
  let file = (await findApplication(citizen, id, 'application.edit'))!;
  const uploaded = new Map<string, Buffer>();
  for (const { key } of requiredDocuments(file.definition, file.answers)) {
    const bytes = Buffer.from(`%PDF-1.4\n% ${key} ${randomUUID()}\n`);
    expect(await uploadDocument(file, citizen, key, new File([bytes], `${key}.pdf`, { type: 'application/pdf' }))).toEqual({ ok: true });
    uploaded.set(sha256(bytes), bytes);
    file = (await findApplication(citizen, id, 'application.edit'))!;
  }
  expect(await submitApplication(file, citizen, file.version, true)).toMatchObject({ ok: true });
  const clerk = await newStaff('clerk', 'land-transport');
  const filed = (await findApplication(clerk, id, 'application.view'))!;
  await perform(clerk, filed, 'finalApprove', {}, filed.version);
  const licence = await db.licence.findUniqueOrThrow({ where: { applicationId: id } });
  return { applicationId: id, clerk, uploaded, licence, events: await db.applicationEvent.count() };
}

test('a backup restored into a fresh database and a fresh store keeps the audit chain, every document and the licence signature', async () => {
  const source = await postgres.createMigratedDatabase('backup_source');
  const seeded = await seedPortal(source);
  expect(seeded.uploaded.size).toBeGreaterThan(1);
  expect(seeded.events).toBeGreaterThan(3);

  const { folder, manifest } = await backupPortal({ databaseUrl: source, storage: documentStorage, into: backups });
  expect(manifest.problems).toEqual([]);
  expect(manifest.documents.count).toBe(seeded.uploaded.size);
  expect(manifest.tables.find((t) => t.name === 'ApplicationEvent')?.rows).toBe(seeded.events);
  // It holds personal data: only its owner may read it.
  expect((await stat(folder)).mode & 0o777).toBe(0o700);

  // From one box's folder to a cluster's bucket, into a database no one has touched.
  const target = await postgres.createDatabase('restore_target');
  const bucket = new S3Storage({ bucket: s3.env.S3_BUCKET, endpoint: s3.env.S3_ENDPOINT, region: s3.env.S3_REGION, accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY, forcePathStyle: true });
  await restorePortal({ from: folder, databaseUrl: target, storage: bucket });
  await pointAt(target);

  expect(await verifyAuditChain()).toEqual({ ok: true, events: seeded.events });
  const documents = await db.document.findMany();
  expect(documents).toHaveLength(seeded.uploaded.size);
  for (const document of documents) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await bucket.open(document.storageKey))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(seeded.uploaded.get(document.sha256)!)).toBe(true);
  }
  const { licence } = seeded;
  expect(await verifyLicence(licence.number, Buffer.from(licence.signedFields).toString('base64url'), licence.signature)).toMatchObject({ found: true, status: 'valid', signature: 'genuine' });

  // The restored portal carries on: its next event joins the chain where the backup left it.
  const file = (await findApplication(seeded.clerk, seeded.applicationId, 'application.view'))!;
  await perform(seeded.clerk, file, 'addNote', { text: 'Restored from backup' }, file.version);
  expect(await verifyAuditChain()).toEqual({ ok: true, events: seeded.events + 1 });

  // Only into an empty database, and never from a damaged backup.
  await expect(restorePortal({ from: folder, databaseUrl: target, storage: bucket })).rejects.toThrow(/^The database "restore_target_\w+" is not empty/);
  const damaged = `${folder}-damaged`;
  await cp(folder, damaged, { recursive: true });
  await appendFile(path.join(damaged, 'database', 'Licence.copy.gz'), 'x');
  await expect(restorePortal({ from: damaged, databaseUrl: target, storage: bucket })).rejects.toThrow(new RestoreError('database/Licence.copy.gz is not the file the backup wrote (its SHA-256 differs): the backup is damaged.'));
  expect(JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')).format).toBe('mpwt-portal-backup-1');
});
