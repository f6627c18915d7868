import { randomUUID } from 'node:crypto';
import { beforeEach, expect, test, vi } from 'vitest';
import { findApplication, openApplication } from '@/lib/applications/find-application';
import { currentActor, findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { documentStorage } from '@/lib/documents/storage';
import { billFor, confirmPayment } from '@/lib/payments/payments';
import { signBody } from '@/lib/payments/signing';
import type { Actor } from '@/lib/policy/policy';
import { perform } from '@/lib/workflow/machine';
import { GET as downloadDocument } from '@/app/[locale]/(applicant)/applications/[id]/documents/[documentId]/route';
import { GET as downloadLicence } from '@/app/[locale]/(applicant)/applications/[id]/licence/route';
import { GET as downloadReceipt } from '@/app/[locale]/(applicant)/applications/[id]/receipt/route';
import { GET as exportApplications } from '@/app/[locale]/(applicant)/organisations/[id]/applications/export/route';
import { filedApplication, newCitizen, newStaff } from './support/applicants';
import { company } from './support/organisations';

// The routes read the signed-in person from the session cookie; here the test says who asks.
vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<typeof import('@/lib/auth/session')>()), currentActor: vi.fn() }));
// Outside Next.js next-intl has no request to read messages for; the export's words do not matter here.
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));
const signedIn = (actor: Actor | null) => vi.mocked(currentActor).mockResolvedValue(actor);
beforeEach(() => vi.mocked(currentActor).mockReset());

/** The readings on a file's audit trail, oldest first. */
const readings = (applicationId: string) =>
  db.applicationEvent.findMany({
    where: { applicationId, type: { in: ['record_viewed', 'document_viewed'] } },
    orderBy: { id: 'asc' },
    select: { type: true, actorId: true, departmentId: true, data: true },
  });

/** A paid, issued driving-licence renewal with its documents' bytes stored. */
async function issuedAndPaid() {
  const applicant = await newCitizen();
  const id = await filedApplication(applicant);
  const bill = (await billFor(await db.application.findUniqueOrThrow({ where: { id } })))!;
  const body = JSON.stringify({ billNumber: bill.billNumber, md5: bill.md5, amountRiel: bill.amountRiel, currency: 'KHR', transactionId: `TX-${randomUUID()}`, paidAt: new Date().toISOString() });
  expect(await confirmPayment(body, signBody(body))).toMatchObject({ outcome: 'paid' });
  const clerk = await newStaff('clerk', 'land-transport');
  const file = (await findApplication(clerk, id, 'application.view'))!;
  await perform(clerk, file, 'finalApprove', {}, file.version);
  const document = (await db.document.findFirstOrThrow({ where: { applicationId: id } }));
  await documentStorage.put(document.storageKey, new TextEncoder().encode('%PDF-1.4 test'));
  return { id, applicant, clerk, document, departmentId: file.currentDepartmentId };
}

async function auditor(): Promise<Actor> {
  const user = await db.user.create({ data: { name: 'Test auditor', email: `it-${randomUUID()}@example.com`, roles: { create: { role: 'auditor' } } } });
  return (await findActor(user.id))!;
}

const params = (id: string, extra: Record<string, string> = {}) => ({ params: Promise.resolve({ locale: 'en', id, ...extra }) });
const request = (path: string) => new Request(`http://127.0.0.1${path}`);

test('every download by a clerk of the holding department goes on the audit trail; the applicant\'s own do not', async () => {
  const { id, applicant, clerk, document, departmentId } = await issuedAndPaid();
  const downloads = [
    () => downloadDocument(request(`/en/applications/${id}/documents/${document.id}`), { params: Promise.resolve({ locale: 'en', id, documentId: document.id }) }),
    () => downloadLicence(request(`/en/applications/${id}/licence`), params(id)),
    () => downloadReceipt(request(`/en/applications/${id}/receipt`), params(id)),
  ];

  signedIn(applicant);
  for (const download of downloads) expect((await download()).status).toBe(200);
  expect(await readings(id)).toEqual([]);

  signedIn(clerk);
  for (const download of downloads) expect((await download()).status).toBe(200);
  expect(await readings(id)).toEqual([
    { type: 'document_viewed', actorId: clerk.id, departmentId, data: { documentId: document.id } },
    { type: 'record_viewed', actorId: clerk.id, departmentId, data: { part: 'licence' } },
    { type: 'record_viewed', actorId: clerk.id, departmentId, data: { part: 'receipt' } },
  ]);
});

test("an auditor's downloads are recorded too, and every one of them, a second time as well", async () => {
  const { id, document } = await issuedAndPaid();
  const reader = await auditor();
  signedIn(reader);
  for (let i = 0; i < 2; i++) {
    expect((await downloadDocument(request(''), { params: Promise.resolve({ locale: 'en', id, documentId: document.id }) })).status).toBe(200);
  }
  expect((await downloadLicence(request(''), params(id))).status).toBe(200);
  expect((await readings(id)).map((r) => [r.type, r.actorId])).toEqual([
    ['document_viewed', reader.id],
    ['document_viewed', reader.id],
    ['record_viewed', reader.id],
  ]);
});

test('what is not shown is not recorded: another department, an unknown document, a stranger', async () => {
  const { id, clerk } = await issuedAndPaid();
  signedIn(await newStaff('clerk', 'construction'));
  expect((await downloadLicence(request(''), params(id))).status).toBe(404);
  signedIn(clerk);
  expect((await downloadDocument(request(''), { params: Promise.resolve({ locale: 'en', id, documentId: randomUUID() }) })).status).toBe(404);
  signedIn(await newCitizen());
  expect((await downloadReceipt(request(''), params(id))).status).toBe(404);
  expect(await openApplication(await newCitizen(), id, 'application.view')).toBeNull();
  expect(await readings(id)).toEqual([]);
});

test("a clerk opening a file through any page's loader is recorded as the department that holds it", async () => {
  const { id, clerk, departmentId } = await issuedAndPaid();
  expect(await openApplication(clerk, id, 'application.view')).not.toBeNull();
  expect(await readings(id)).toEqual([{ type: 'record_viewed', actorId: clerk.id, departmentId, data: {} }]);
});

test("the organisation's export is for its members only, so it writes no reading; staff get not found", async () => {
  const { owner, organisationId } = await company();
  const id = await filedApplication(owner, 'driving-licence-renewal', organisationId);
  signedIn(owner);
  const csv = await exportApplications(request(`/en/organisations/${organisationId}/applications/export`), params(organisationId));
  expect(csv.status).toBe(200);
  const reference = (await db.application.findUniqueOrThrow({ where: { id } })).reference!;
  expect(await csv.text()).toContain(reference);
  signedIn(await newStaff('clerk', 'land-transport'));
  expect((await exportApplications(request(`/en/organisations/${organisationId}/applications/export`), params(organisationId))).status).toBe(404);
  expect(await readings(id)).toEqual([]);
});
