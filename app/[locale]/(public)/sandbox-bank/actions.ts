'use server';
import { randomUUID } from 'node:crypto';
import { notFound, redirect } from 'next/navigation';
import { localeArgument } from '@/lib/forms/action-arguments';
import { publicAddress } from '@/lib/http/public-address';
import { billByNumber } from '@/lib/payments/payments';
import { signBody } from '@/lib/payments/signing';

/**
 * The sandbox bank confirms a payment as a bank's notification service would: a signed
 * message to the portal's callback, over HTTP. Only with PAYMENT_SANDBOX=1 (the demo, tests).
 */
export async function confirmSandboxPayment(locale: string, billNumber: string): Promise<void> {
  if (process.env.PAYMENT_SANDBOX !== '1') notFound();
  localeArgument(locale);
  const bill = await billByNumber(billNumber);
  if (!bill) notFound();
  const body = JSON.stringify({
    billNumber: bill.billNumber,
    md5: bill.md5,
    amountRiel: bill.amountRiel,
    currency: 'KHR',
    transactionId: `SANDBOX-${randomUUID()}`,
    paidAt: new Date().toISOString(),
  });
  // As a bank's notification service does, the same message is sent again until the portal
  // answers it (the instance that took it may have died): a replay is recorded once.
  let answer: { ok: boolean; outcome: string } | null = null;
  for (let attempt = 0; attempt < 5 && !answer; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 1_000));
    answer = await fetch(`${publicAddress()}/api/payments/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body) },
      body,
    })
      .then(async (response) => (response.status < 500 ? { ok: response.ok, outcome: ((await response.json()) as { outcome: string }).outcome } : null))
      .catch(() => null);
  }
  const outcome = answer?.outcome ?? 'unavailable';
  if (!answer?.ok) redirect(`/${locale}/sandbox-bank?bill=${encodeURIComponent(billNumber)}&refused=${encodeURIComponent(outcome)}`);
  redirect(`/${locale}/applications/${bill.applicationId}?paid=1`);
}
