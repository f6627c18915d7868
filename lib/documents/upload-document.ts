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

export type UploadError = 'missing' | 'tooLarge' | 'wrongType' | 'unknownDocument' | 'tooMany';

/**
 * Stores one file for one of the application's required documents: beside the ones before, up
 * to the document's number of files, or in place of the one before when it takes one. The file
 * is written before its row; a failure between the two leaves an orphan file, never a row
 * without its file.
 */
export async function uploadDocument(
  application: FoundApplication,
  actor: Actor,
  requirementKey: string,
  file: File | null,
): Promise<{ ok: true } | { ok: false; error: UploadError }> {
  const requirement = requiredDocuments(application.definition, application.answers).find((d) => d.key === requirementKey);
  if (!requirement) return { ok: false, error: 'unknownDocument' };
  const replaces = requirement.maxFiles === 1;
  const isFull = (count: number) => !replaces && count >= requirement.maxFiles;
  if (isFull(application.documents.filter((d) => d.requirementKey === requirementKey).length)) return { ok: false, error: 'tooMany' };
  if (!file || file.size === 0) return { ok: false, error: 'missing' };
  if (file.size > maxDocumentBytes) return { ok: false, error: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !allowedTypes.has(type.mime)) return { ok: false, error: 'wrongType' };

  const storageKey = `${application.id}/${randomUUID()}`;
  await documentStorage.put(storageKey, bytes);
  const stored = await db.$transaction(async (tx) => {
    // Two uploads at once for the same application are counted one after the other.
    await tx.$queryRaw`select 1 from "Application" where id = ${application.id}::uuid for update`;
    const current = { applicationId: application.id, requirementKey, removedAt: null };
    if (replaces) await tx.document.updateMany({ where: current, data: { removedAt: new Date() } });
    else if (isFull(await tx.document.count({ where: current }))) return false;
    await tx.document.create({
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
    });
    return true;
  });
  if (!stored) {
    await documentStorage.delete(storageKey);
    return { ok: false, error: 'tooMany' };
  }
  return { ok: true };
}

/** Removes a document before submission; the file is kept while the row records the removal. */
export async function removeDocument(application: FoundApplication, documentId: string): Promise<void> {
  await db.document.updateMany({ where: { id: documentId, applicationId: application.id, removedAt: null }, data: { removedAt: new Date() } });
}
