import { NextResponse } from 'next/server';
import { openApplication } from '@/lib/applications/find-application';
import { currentActor } from '@/lib/auth/session';
import { licencePdfFor } from '@/lib/licences/documents';
import { isApplicantSide } from '@/lib/policy/policy';

type Params = { params: Promise<{ locale: string; id: string }> };

/** The issued licence as a PDF, to the applicant's side and to staff who may see the file. */
export async function GET(_: Request, { params }: Params) {
  const { id } = await params;
  const actor = await currentActor();
  // Recorded on the audit trail (for anyone not on the applicant's side) before a byte is sent.
  const application = actor ? await openApplication(actor, id, 'application.view', { part: 'licence' }) : null;
  // Released to the applicant's side once the fee is paid; staff may always open it.
  const applicantSide = application && isApplicantSide(actor!, application);
  const released = application && (!applicantSide || application.payment?.status === 'paid' || !application.feeRiel);
  const licence = application?.licence && released ? await licencePdfFor(id) : null;
  if (!licence) return new NextResponse('Not found', { status: 404 });
  return new NextResponse(new Uint8Array(licence.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${licence.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
