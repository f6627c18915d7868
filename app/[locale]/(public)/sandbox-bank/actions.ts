'use server';
import { randomUUID } from 'node:crypto';
import { notFound, redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { localeArgument } from '@/lib/forms/action-arguments';
import { publicAddress } from '@/lib/http/public-address';
import { signBody } from '@/lib/payments/signing';

/**
 * The sandbox bank confirms a payment as a bank's notification service would: a signed
 * message to the portal's callback, over HTTP. Only with PAYMENT_SANDBOX=1 (the demo, tests).
 */
export async function confirmSandboxPayment(locale: string, billNumber: string): Promise<void> {
  if (process.env.PAYMENT_SANDBOX !== '1') notFound();
  localeArgument(locale);
  const bill = await db.payment.findUnique({ where: { billNumber } });
  if (!bill) notFound();
  const body = JSON.stringify({
    billNumber: bill.billNumber,
    md5: bill.md5,
    amountRiel: bill.amountRiel,
    currency: 'KHR',
    transactionId: `SANDBOX-${randomUUID()}`,
    paidAt: new Date().toISOString(),
  });
  const response = await fetch(`${publicAddress()}/api/payments/callback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body) },
    body,
  });
  const { outcome } = (await response.json()) as { outcome: string };
  if (!response.ok) redirect(`/${locale}/sandbox-bank?bill=${encodeURIComponent(billNumber)}&refused=${encodeURIComponent(outcome)}`);
  redirect(`/${locale}/applications/${bill.applicationId}?paid=1`);
}
