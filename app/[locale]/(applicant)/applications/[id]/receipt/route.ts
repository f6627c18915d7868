import { NextResponse } from 'next/server';
import { openApplication } from '@/lib/applications/find-application';
import { currentActor } from '@/lib/auth/session';
import { receiptPdfFor } from '@/lib/payments/receipt';

type Params = { params: Promise<{ locale: string; id: string }> };

/** The receipt of a paid fee, to those who may see the application. */
export async function GET(_: Request, { params }: Params) {
  const { id } = await params;
  const actor = await currentActor();
  // Recorded on the audit trail (for anyone not on the applicant's side) before a byte is sent.
  const application = actor ? await openApplication(actor, id, 'application.view', { part: 'receipt' }) : null;
  const receipt = application ? await receiptPdfFor(id) : null;
  if (!receipt) return new NextResponse('Not found', { status: 404 });
  return new NextResponse(new Uint8Array(receipt.pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${receipt.number}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
