import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { db } from '@/lib/db/client';
import { requiredDocuments } from '@/lib/services/answers';
import type { Actor } from '@/lib/policy/policy';
import type { FoundApplication } from '@/lib/applications/find-application';
import { documentStorage } from './storage';

export const maxDocumentBytes = 10 * 1024 * 1024;
// Judged by the bytes, not the name or the browser's claim: a renamed program stays refused.
const allowedTypes = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export type UploadError = 'missing' | 'tooLarge' | 'wrongType' | 'unknownDocument';

/**
 * Stores one file for one of the application's required documents, replacing the one before.
 * The file is written before its row; a failure between the two leaves an orphan file, never a
 * row without its file.
 */
export async function uploadDocument(
  application: FoundApplication,
  actor: Actor,
  requirementKey: string,
  file: File | null,
): Promise<{ ok: true } | { ok: false; error: UploadError }> {
  if (!requiredDocuments(application.definition, application.answers).some((d) => d.key === requirementKey)) {
    return { ok: false, error: 'unknownDocument' };
  }
  if (!file || file.size === 0) return { ok: false, error: 'missing' };
  if (file.size > maxDocumentBytes) return { ok: false, error: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !allowedTypes.has(type.mime)) return { ok: false, error: 'wrongType' };

  const storageKey = `${application.id}/${randomUUID()}`;
  await documentStorage.put(storageKey, bytes);
  await db.$transaction([
    db.document.updateMany({ where: { applicationId: application.id, requirementKey, removedAt: null }, data: { removedAt: new Date() } }),
    db.document.create({
      data: {
        applicationId: application.id,
        requirementKey,
        fileName: file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'document',
        contentType: type.mime,
        sizeBytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        uploadedById: actor.id,
      },
    }),
  ]);
  return { ok: true };
}

/** Removes a document before submission; the file is kept while the row records the removal. */
export async function removeDocument(application: FoundApplication, documentId: string): Promise<void> {
  await db.document.updateMany({ where: { id: documentId, applicationId: application.id, removedAt: null }, data: { removedAt: new Date() } });
}
