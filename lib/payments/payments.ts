// Bills and their confirmation. A bill is the application's fee fixed at submission, as KHQR;
// the bank's signed confirmation marks it paid, numbers a receipt and tells the applicant, in
// one transaction. Replays change nothing; an unsigned or wrongly signed confirmation, a wrong
// amount or another bill's QR are refused, and every one is kept in PaymentCallback.
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Payment } from '@/lib/db/generated/client';
import { recordPaymentReceived } from '@/lib/workflow/machine';
import { nextNumber } from '@/lib/numbering/next-number';
import { serviceDefinition } from '@/lib/services/definition';
import { khqrProvider, type PaymentProvider } from './khqr';
import { signatureHolds } from './signing';
import { log } from '@/lib/operations/log';
import { emitWebhookEvent } from '@/lib/webhooks/emit';

const billLifetimeMs = 24 * 60 * 60_000;

/** The application's bill, made (or remade, once expired) on first ask; null when nothing is owed. */
export async function billFor(
  application: { id: string; reference: string | null; feeRiel: number | null; status: string },
  provider: PaymentProvider = khqrProvider(),
  now = new Date(),
): Promise<Payment | null> {
  if (!application.reference || !application.feeRiel || application.status === 'draft') return null;
  const existing = await db.payment.findUnique({ where: { applicationId: application.id } });
  if (existing && (existing.status === 'paid' || existing.expiresAt > now)) return existing;
  const expiresAt = new Date(now.getTime() + billLifetimeMs);
  const request = provider.request({ billNumber: application.reference, amountRiel: application.feeRiel, expiresAt });
  const data = { amountRiel: application.feeRiel, khqr: request.khqr, md5: request.md5, expiresAt };
  return db.payment.upsert({
    where: { applicationId: application.id },
    create: { applicationId: application.id, billNumber: application.reference, ...data },
    // Only a pending bill is remade; a concurrent payment is never overwritten.
    update: existing?.status === 'pending' ? data : {},
  });
}

/** A bill by its number (the application's reference), or null. */
export function billByNumber(billNumber: string): Promise<Payment | null> {
  return db.payment.findUnique({ where: { billNumber } });
}

const confirmation = z.object({
  billNumber: z.string().min(1).max(40),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  amountRiel: z.number().int().positive(),
  currency: z.literal('KHR'),
  transactionId: z.string().min(1).max(100),
  paidAt: z.iso.datetime(),
});

export type ConfirmationOutcome = 'paid' | 'duplicate' | 'bad-signature' | 'malformed' | 'unknown-bill' | 'bill-mismatch' | 'wrong-amount' | 'already-paid';

const statusOf: Record<ConfirmationOutcome, number> = {
  paid: 200, duplicate: 200, 'bad-signature': 401, malformed: 400, 'unknown-bill': 404, 'bill-mismatch': 422, 'wrong-amount': 422, 'already-paid': 409,
};

/** Handles one confirmation from the bank, as received; answers the HTTP status and outcome. */
export async function confirmPayment(body: string, signature: string | null): Promise<{ status: number; outcome: ConfirmationOutcome }> {
  const outcome = await decide(body, signature);
  await db.paymentCallback.create({ data: { signatureValid: outcome !== 'bad-signature', outcome, body: body.slice(0, 10_000) } });
  if (outcome === 'bad-signature') log.warn('payment confirmation refused: bad or missing signature');
  return { status: statusOf[outcome], outcome };
}

async function decide(body: string, signature: string | null): Promise<ConfirmationOutcome> {
  if (!signatureHolds(body, signature)) return 'bad-signature';
  let parsed;
  try {
    parsed = confirmation.safeParse(JSON.parse(body));
  } catch {
    return 'malformed';
  }
  if (!parsed.success) return 'malformed';
  const paid = parsed.data;
  return db.$transaction(async (tx) => {
    // One confirmation at a time per bill: a replay racing the original waits, then sees it paid.
    const [bill] = await tx.$queryRaw<Payment[]>`select * from "Payment" where "billNumber" = ${paid.billNumber} for update`;
    if (!bill) return 'unknown-bill';
    if (bill.md5 !== paid.md5) return 'bill-mismatch';
    if (bill.amountRiel !== paid.amountRiel) return 'wrong-amount';
    if (bill.status === 'paid') return bill.transactionId === paid.transactionId ? 'duplicate' : 'already-paid';
    // Numbered on the year the bank says it was paid, as the applicant's own records show it.
    const receiptNumber = await nextNumber(tx, 'RC', new Date(paid.paidAt));
    await tx.payment.update({
      where: { id: bill.id },
      data: { status: 'paid', transactionId: paid.transactionId, paidAt: new Date(paid.paidAt), receiptNumber },
    });
    const application = await tx.application.findUniqueOrThrow({
      where: { id: bill.applicationId },
      select: { id: true, applicantId: true, reference: true, organisationId: true, serviceVersion: { select: { definition: true } } },
    });
    const definition = serviceDefinition.parse(application.serviceVersion.definition);
    await recordPaymentReceived(tx, { ...application, definition }, { receiptNumber, amountRiel: paid.amountRiel, transactionId: paid.transactionId });
    await emitWebhookEvent(tx, 'payment.received', application, {
      receiptNumber,
      reference: application.reference ?? '',
      amountRiel: paid.amountRiel,
      paidAt: new Date(paid.paidAt).toISOString(),
    });
    return 'paid';
  });
}
