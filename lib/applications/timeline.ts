// What the applicant's page shows of a file's history. The file is one the reader has opened
// (openApplication), so that the check and the recording of the reading come first.
import 'server-only';
import { db } from '@/lib/db/client';

/** The events the applicant is shown, latest first. */
export function publicTimeline(applicationId: string) {
  return db.applicationEvent.findMany({
    where: { applicationId, visibility: 'public' },
    orderBy: { id: 'desc' },
    select: { id: true, type: true, createdAt: true, data: true },
  });
}

/**
 * "Who opened your file": the latest 50 readings of the file or one of its documents (recorded
 * by openApplication and the API), with the department or institution; never the person's name.
 */
export function fileOpenings(applicationId: string) {
  return db.applicationEvent.findMany({
    where: { applicationId, type: { in: ['record_viewed', 'document_viewed'] } },
    orderBy: { id: 'desc' },
    take: 50,
    select: { id: true, type: true, createdAt: true, departmentId: true, actorRole: true, data: true },
  });
}
