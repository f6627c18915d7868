// The receipt for a paid fee, as a PDF in Khmer and English.
import 'server-only';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { db } from '@/lib/db/client';
import { formatDateTime, formatRiel } from '@/lib/i18n/format';
import { documentHeader } from '@/lib/licences/licence-pdf';
import { documentPdf } from '@/lib/licences/pdf';
import { definitionOfVersion } from '@/lib/services/queries';

const both = (key: keyof typeof en.receipt) => ({ km: km.receipt[key], en: en.receipt[key] });

export async function receiptPdfFor(applicationId: string): Promise<{ number: string; pdf: Buffer } | null> {
  const payment = await db.payment.findUnique({
    where: { applicationId },
    include: { application: { select: { reference: true, serviceVersionId: true, applicant: { select: { name: true } } } } },
  });
  if (!payment?.receiptNumber || !payment.paidAt) return null;
  const definition = await definitionOfVersion(payment.application.serviceVersionId);
  const pdf = await documentPdf({
    title: both('title'),
    header: documentHeader(),
    rows: [
      [both('number'), payment.receiptNumber],
      [both('payer'), payment.application.applicant.name],
      [both('service'), `${definition.name.km} / ${definition.name.en}`],
      [both('reference'), payment.application.reference ?? ''],
      [both('amount'), `${formatRiel(payment.amountRiel, 'km')} / ${formatRiel(payment.amountRiel, 'en')}`],
      [both('paidOn'), `${formatDateTime(payment.paidAt, 'km')} / ${formatDateTime(payment.paidAt, 'en')}`],
      [both('transaction'), payment.transactionId ?? ''],
    ],
  });
  return { number: payment.receiptNumber, pdf };
}
