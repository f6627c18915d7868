import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createDraft } from '@/lib/applications/create-draft';
import { findApplication } from '@/lib/applications/find-application';
import { currentActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { S3Storage } from '@/lib/documents/s3-storage';
import { LocalFolderStorage, storageFromEnvironment, type DocumentStorage } from '@/lib/documents/storage';
import { sweepOrphanedDocuments } from '@/lib/documents/sweep-orphans';
import { uploadDocument } from '@/lib/documents/upload-document';
import { GET as downloadDocument } from '@/app/[locale]/(applicant)/applications/[id]/documents/[documentId]/route';
import { startS3Server, type TestS3Server } from '../support/s3-server';
import { newCitizen } from './support/applicants';

vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<typeof import('@/lib/auth/session')>()), currentActor: vi.fn() }));

let s3: TestS3Server;
let folder: string;
beforeAll(async () => {
  [s3, folder] = await Promise.all([startS3Server(), mkdtemp(path.join(os.tmpdir(), 'storage-contract-'))]);
});
afterAll(async () => {
  await s3?.close();
  await rm(folder, { recursive: true, force: true });
});

const stores: [string, () => DocumentStorage][] = [
  ['a local folder', () => new LocalFolderStorage(folder)],
  [
    'an S3 bucket',
    // Two objects a page, so that listing crosses pages as it does past 1000 objects.
    () => new S3Storage({ bucket: s3.env.S3_BUCKET, endpoint: s3.env.S3_ENDPOINT, region: s3.env.S3_REGION, accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY, forcePathStyle: true, listPageSize: 2 }),
  ],
];

const read = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
};
const scan = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 256));
const key = (prefix: string = randomUUID()) => `${prefix}/${randomUUID()}`;

describe.each(stores)('documents in %s', (_, makeStore) => {
  test('a stored file comes back byte for byte as a stream, in pieces rather than whole', async () => {
    const store = makeStore();
    await store.check();
    const stored = key();
    const bytes = scan(1024 * 1024);
    await store.put(stored, bytes);
    const { bytes: back, chunks } = await read((await store.open(stored))!);
    expect(back.equals(bytes)).toBe(true);
    expect(chunks).toBeGreaterThan(1);
  });

  test('a missing file opens as nothing; a deleted one is gone from reads and from the list', async () => {
    const store = makeStore();
    expect(await store.open(key())).toBeNull();
    const stored = key();
    await store.put(stored, scan(10));
    await store.delete(stored);
    expect(await store.open(stored)).toBeNull();
    await store.delete(stored); // twice is not an error
    const listed = [];
    for await (const object of store.list()) listed.push(object.key);
    expect(listed).not.toContain(stored);
  });

  test('the list names every stored file with its size and when it was stored', async () => {
    const store = makeStore();
    const prefix = randomUUID();
    const stored = [key(prefix), key(prefix), key(prefix), key(prefix), key(prefix)];
    const before = Date.now();
    for (const [i, name] of stored.entries()) await store.put(name, scan(100 + i));
    const listed = [];
    for await (const object of store.list()) if (object.key.startsWith(prefix)) listed.push(object);
    expect(listed.map((o) => o.key).sort()).toEqual([...stored].sort());
    for (const object of listed) {
      expect(object.size).toBe(100 + stored.indexOf(object.key));
      // S3 keeps whole seconds.
      expect(object.lastModified.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(object.lastModified.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  test('a key the portal would not make is refused before it reaches the store', async () => {
    const store = makeStore();
    for (const unsafe of ['../etc/passwd', '/absolute', 'a//b', 'Upper/case', 'trailing/']) {
      await expect(store.put(unsafe, scan(1))).rejects.toThrow('Unsafe storage key');
    }
  });

  test('the sweep deletes an old file no document names, and keeps the rest', async () => {
    const store = makeStore();
    const citizen = await newCitizen();
    const { id: applicationId } = (await createDraft(citizen, 'driving-licence-renewal'))!;
    const named = key(applicationId);
    await db.document.create({
      data: { applicationId, requirementKey: 'national-id', fileName: 'id.png', contentType: 'image/png', sizeBytes: 10, sha256: '0'.repeat(64), storageKey: named, uploadedById: citizen.id },
    });
    const orphan = key(applicationId);
    // A file of an application this database does not hold, and one the portal did not write.
    const foreign = key();
    const other = `notes/${randomUUID()}`;
    for (const name of [named, orphan, foreign, other]) await store.put(name, scan(10));
    const exists = async (name: string) => (await store.open(name).then((s) => (s?.destroy(), s))) !== null;

    // Younger than an hour: its upload may still be committing its row.
    expect(await sweepOrphanedDocuments({ storage: store })).toBe(0);
    expect(await exists(orphan)).toBe(true);

    const inTwoHours = new Date(Date.now() + 2 * 60 * 60_000);
    expect(await sweepOrphanedDocuments({ storage: store, now: inTwoHours })).toBe(1);
    expect(await exists(orphan)).toBe(false);
    for (const kept of [named, foreign, other]) expect(await exists(kept)).toBe(true);
  });
});

describe('the portal on an S3 bucket', () => {
  test('S3_BUCKET with its keys selects the bucket; half a configuration is refused by name', () => {
    expect(storageFromEnvironment(s3.env)).toBeInstanceOf(S3Storage);
    expect(storageFromEnvironment({ DOCUMENT_STORAGE_DIR: folder })).toBeInstanceOf(LocalFolderStorage);
    expect(() => storageFromEnvironment({ ...s3.env, S3_SECRET_ACCESS_KEY: '' })).toThrow('S3_BUCKET is set but S3_SECRET_ACCESS_KEY is not.');
    expect(() => storageFromEnvironment({ S3_ENDPOINT: s3.env.S3_ENDPOINT })).toThrow('S3_ENDPOINT set but S3_BUCKET is not');
    expect(() => storageFromEnvironment({ ...s3.env, S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE must be 0 or 1');
  });

  test('an upload is stored in the bucket and downloads through the document route', async () => {
    Object.assign(process.env, s3.env);
    const citizen = await newCitizen();
    const { id } = (await createDraft(citizen, 'driving-licence-renewal'))!;
    const file = (await findApplication(citizen, id, 'application.edit'))!;
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), scan(1024 * 1024)]);
    expect(await uploadDocument(file, citizen, 'medical-certificate', new File([png], 'scan.png', { type: 'image/png' }))).toEqual({ ok: true });
    const document = await db.document.findFirstOrThrow({ where: { applicationId: id } });
    const inBucket = storageFromEnvironment(s3.env);
    expect((await read((await inBucket.open(document.storageKey))!)).bytes.equals(png)).toBe(true);

    vi.mocked(currentActor).mockResolvedValue(citizen);
    const response = await downloadDocument(new Request(`http://127.0.0.1/en/applications/${id}/documents/${document.id}`), {
      params: Promise.resolve({ locale: 'en', id, documentId: document.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });
});
