import { Readable } from 'node:stream';
import { NextResponse } from 'next/server';
import { openApplication } from '@/lib/applications/find-application';
import { currentActor } from '@/lib/auth/session';
import { documentStorage } from '@/lib/documents/storage';

type Params = { params: Promise<{ locale: string; id: string; documentId: string }> };

/** A document, to the applicant and to staff allowed to see the application; anyone else: 404. */
export async function GET(_: Request, { params }: Params) {
  const { id, documentId } = await params;
  const actor = await currentActor();
  // Recorded on the audit trail (for anyone not on the applicant's side) before a byte is sent.
  const application = actor ? await openApplication(actor, id, 'application.view', { documentId }) : null;
  const document = application?.documents.find((d) => d.id === documentId);
  const bytes = document ? await documentStorage.open(document.storageKey) : null;
  if (!document || !bytes) return new NextResponse('Not found', { status: 404 });
  // Streamed from the store as it is read: a 10 MB scan never sits whole in the server's memory.
  return new NextResponse(Readable.toWeb(bytes) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': document.contentType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
