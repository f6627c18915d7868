import { BakongKHQR } from 'bakong-khqr';
import { expect, test } from 'vitest';
import { db } from '@/lib/db/client';
import { billFor, confirmPayment } from '@/lib/payments/payments';
import { signBody } from '@/lib/payments/signing';
import { filedApplication, newCitizen } from './support/applicants';

async function billed() {
  const id = await filedApplication(await newCitizen());
  const application = await db.application.findUniqueOrThrow({ where: { id } });
  return { application, bill: (await billFor(application))! };
}

const confirmationOf = (bill: { billNumber: string; md5: string; amountRiel: number }, transactionId = `TX-${crypto.randomUUID()}`) =>
  JSON.stringify({ billNumber: bill.billNumber, md5: bill.md5, amountRiel: bill.amountRiel, currency: 'KHR', transactionId, paidAt: new Date().toISOString() });

test('a bill is a real KHQR for the fee fixed at submission, made once', async () => {
  const { application, bill } = await billed();
  expect(BakongKHQR.verify(bill.khqr).isValid).toBe(true);
  const decoded = BakongKHQR.decode(bill.khqr).data!;
  expect(decoded.billNumber).toBe(application.reference);
  expect(Number(decoded.transactionAmount)).toBe(application.feeRiel);
  expect((await billFor(application))!.id).toBe(bill.id);
});

test('a signed confirmation pays the bill once: a receipt, a timeline event, a notification; replays change nothing', async () => {
  const { application, bill } = await billed();
  const body = confirmationOf(bill);
  expect(await confirmPayment(body, signBody(body))).toEqual({ status: 200, outcome: 'paid' });
  const paid = await db.payment.findUniqueOrThrow({ where: { id: bill.id } });
  expect(paid).toMatchObject({ status: 'paid', receiptNumber: expect.stringMatching(/^RC-\d{4}-\d{6}$/) });
  // The same confirmation again, twice at once: nothing more happens.
  const replays = await Promise.all([confirmPayment(body, signBody(body)), confirmPayment(body, signBody(body))]);
  expect(replays).toEqual([{ status: 200, outcome: 'duplicate' }, { status: 200, outcome: 'duplicate' }]);
  expect(await db.applicationEvent.count({ where: { applicationId: application.id, type: 'payment_received' } })).toBe(1);
  expect(await db.notification.count({ where: { applicationId: application.id, kind: 'payment_received' } })).toBe(1);
  expect((await db.payment.findUniqueOrThrow({ where: { id: bill.id } })).receiptNumber).toBe(paid.receiptNumber);
  // A second, different payment of a paid bill is refused (and kept for the auditors).
  const another = confirmationOf(bill);
  expect(await confirmPayment(another, signBody(another))).toEqual({ status: 409, outcome: 'already-paid' });
});

test('unsigned and wrongly signed confirmations are refused and logged', async () => {
  const { bill } = await billed();
  const body = confirmationOf(bill);
  expect(await confirmPayment(body, null)).toEqual({ status: 401, outcome: 'bad-signature' });
  expect(await confirmPayment(body, signBody(body, 'not-the-secret'))).toEqual({ status: 401, outcome: 'bad-signature' });
  // A valid signature of another body does not sign this one.
  expect(await confirmPayment(body, signBody(body.replace(String(bill.amountRiel), '1')))).toEqual({ status: 401, outcome: 'bad-signature' });
  expect((await db.payment.findUniqueOrThrow({ where: { id: bill.id } })).status).toBe('pending');
  expect(await db.paymentCallback.count({ where: { body, signatureValid: false } })).toBe(3);
});

test("a payment of the wrong amount, or with another application's bill number, is refused", async () => {
  const [first, second] = [await billed(), await billed()];
  const wrongAmount = confirmationOf({ ...first.bill, amountRiel: first.bill.amountRiel - 1000 });
  expect(await confirmPayment(wrongAmount, signBody(wrongAmount))).toEqual({ status: 422, outcome: 'wrong-amount' });
  // The first bill's QR reported against the second application's bill number.
  const crossed = confirmationOf({ ...first.bill, billNumber: second.bill.billNumber });
  expect(await confirmPayment(crossed, signBody(crossed))).toEqual({ status: 422, outcome: 'bill-mismatch' });
  const unknown = confirmationOf({ ...first.bill, billNumber: 'VR-1999-000001' });
  expect(await confirmPayment(unknown, signBody(unknown))).toEqual({ status: 404, outcome: 'unknown-bill' });
  expect(await db.payment.count({ where: { id: { in: [first.bill.id, second.bill.id] }, status: 'paid' } })).toBe(0);
});
