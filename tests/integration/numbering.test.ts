import { expect, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { submitApplication } from '@/lib/applications/submit-application';
import { db } from '@/lib/db/client';
import { issueLicence } from '@/lib/licences/issue';
import { billFor, confirmPayment } from '@/lib/payments/payments';
import { signBody } from '@/lib/payments/signing';
import { newCitizen, newStaff, readyDraft } from './support/applicants';

// 00:30 on 1 January 2027 in Phnom Penh (UTC+7) is still 31 December 2026 in UTC.
const newYearInPhnomPenh = new Date('2026-12-31T17:30:00Z');

test('a reference, a receipt and a licence made at 00:30 on 1 January in Phnom Penh carry the new year', async () => {
  const citizen = await newCitizen();
  const draft = await readyDraft(citizen);
  const filed = await submitApplication(draft, citizen, draft.version, true, newYearInPhnomPenh);
  expect(filed.ok && filed.reference).toMatch(/^DL-2027-\d{6}$/);

  const application = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
  const bill = (await billFor(application))!;
  const body = JSON.stringify({
    billNumber: bill.billNumber, md5: bill.md5, amountRiel: bill.amountRiel, currency: 'KHR',
    transactionId: `TX-${crypto.randomUUID()}`, paidAt: newYearInPhnomPenh.toISOString(),
  });
  expect(await confirmPayment(body, signBody(body))).toEqual({ status: 200, outcome: 'paid' });
  expect((await db.payment.findUniqueOrThrow({ where: { id: bill.id } })).receiptNumber).toMatch(/^RC-2027-\d{6}$/);

  const clerk = await newStaff('clerk', 'land-transport');
  const file = (await findApplication(clerk, draft.id, 'application.view'))!;
  const number = await db.$transaction((tx) => issueLicence(tx, file, newYearInPhnomPenh));
  expect(number).toMatch(/^DLL-2027-\d{6}$/);
});

test('the last minute of 31 December in Phnom Penh still numbers in the old year', async () => {
  const citizen = await newCitizen();
  const draft = await readyDraft(citizen);
  const filed = await submitApplication(draft, citizen, draft.version, true, new Date('2026-12-31T16:59:00Z'));
  expect(filed.ok && filed.reference).toMatch(/^DL-2026-\d{6}$/);
});
