// Registered clients over real HTTP against the production build: the client-credentials grant,
// each scope's reads, what a client may not read (404, as if absent), expired and revoked tokens
// (401), the per-client limit (429), and the holder seeing the institution's read of their file.
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { registerApiClient, revokeApiClient } from '@/lib/api/clients';
import { applicationRecord, licence, licencePage, receiptPage } from '@/lib/api/v1/schemas';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { billFor, confirmPayment } from '@/lib/payments/payments';
import { signBody } from '@/lib/payments/signing';
import type { ApiScope } from '@/lib/policy/policy';
import { filedApplication, issuedVehicle } from '../integration/support/applicants';
import { company } from '../integration/support/organisations';
import { PortalApi } from '../support/api-client';
import { signInOverHttp } from '../support/sign-in-over-http';
import { baseUrl, expectProblem, expectShape } from './support/expect-answer';

const trafficPolice = { km: 'នគរបាលចរាចរណ៍ ក្រសួងមហាផ្ទៃ', en: 'Traffic Police, Ministry of Interior' };

async function newClient(scopes: ApiScope[], options: { organisationId?: string; allowedIps?: string[]; requestsPerMinute?: number; institution?: { km: string; en: string } } = {}) {
  const { clientId, secret } = await registerApiClient({ name: 'Test system', institution: options.institution ?? trafficPolice, scopes, ...options });
  return { id: clientId, secret };
}

/** A citizen with a national ID number and a password, holding an issued vehicle registration. */
async function citizenWithLicence() {
  const issued = await issuedVehicle();
  const application = await db.application.findUniqueOrThrow({ where: { id: issued.id }, select: { applicantId: true } });
  const nationalIdNumber = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const user = await db.user.update({ where: { id: application.applicantId }, data: { nationalIdNumber, passwordHash: await hashPassword('citizen test password') } });
  return { ...issued, nationalIdNumber, email: user.email! };
}

test('a client gets a short-lived token by the client-credentials grant; wrong secrets, scopes and grants are refused as OAuth says', async () => {
  const client = await newClient(['licences:read']);
  const basic = await PortalApi.requestToken(baseUrl, client);
  if (basic.status !== 200) throw new Error(basic.error.error);
  expect(basic.token).toEqual({ access_token: expect.stringMatching(/^[\w-]{43}$/), token_type: 'Bearer', expires_in: 600, scope: 'licences:read' });
  expect(basic.headers.get('cache-control')).toBe('no-store');
  // Only its hash is kept.
  const stored = await db.apiAccessToken.findMany({ where: { clientId: client.id } });
  expect(stored.map((t) => t.tokenHash)).toEqual([createHash('sha256').update(basic.token.access_token).digest('hex')]);
  expect((await PortalApi.requestToken(baseUrl, client, { inForm: true, scope: 'licences:read' })).status).toBe(200);

  const wrong = await PortalApi.requestToken(baseUrl, { id: client.id, secret: 'not-the-secret' });
  expect(wrong).toMatchObject({ status: 401, error: { error: 'invalid_client' } });
  expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="api"');
  expect(await PortalApi.requestToken(baseUrl, { id: 'nobody', secret: client.secret })).toMatchObject({ status: 401, error: { error: 'invalid_client' } });
  expect(await PortalApi.requestToken(baseUrl, client, { scope: 'payments:read' })).toMatchObject({ status: 400, error: { error: 'invalid_scope' } });
  expect(await PortalApi.requestToken(baseUrl, client, { grantType: 'password' })).toMatchObject({ status: 400, error: { error: 'unsupported_grant_type' } });
  // Registered for other addresses only: the same secret from here is no client.
  const elsewhere = await newClient(['licences:read'], { allowedIps: ['192.0.2.0/24'] });
  expect(await PortalApi.requestToken(baseUrl, elsewhere)).toMatchObject({ status: 401, error: { error: 'invalid_client' } });
});

test("the traffic police read a citizen's licence by number and by national ID number, and the citizen sees who opened it", async () => {
  const { id, licence: issued, nationalIdNumber, email } = await citizenWithLicence();
  const police = await PortalApi.signedIn(baseUrl, await newClient(['licences:read']));
  const read = expectShape(licence, await police.licence(issued.number));
  expect(read).toMatchObject({ number: issued.number, status: 'valid', service: 'vehicle-registration', holder: { name: issued.holderName, nationalIdNumber } });
  // All it certifies, the VIN included, which the public status leaves out.
  expect(read.facts.map((f) => f.label.en)).toContain('Vehicle identification number (VIN)');
  const answer = await police.licence(issued.number);
  expect(answer.headers.get('ratelimit-policy')).toBe('"per-client";q=300;w=60');
  expect(answer.headers.get('ratelimit')).toMatch(/^"per-client";r=29\d;t=\d+$/);
  expect(answer.headers.get('cache-control')).toBe('private, no-cache');

  const held = expectShape(licencePage, await police.licencesOfHolder(nationalIdNumber));
  expect(held).toEqual({ items: [read], nextCursor: null });
  expect(expectShape(licencePage, await police.licencesOfHolder('000000000'))).toEqual({ items: [], nextCursor: null });
  expect(expectProblem(await police.licencesOfHolder('12345'), 400, 'invalid-parameter').invalidParams).toEqual([{ name: 'nationalIdNumber' }]);

  // Each read is on the file's audit trail, in the institution's name...
  const reads = await db.applicationEvent.findMany({ where: { applicationId: id, type: 'record_viewed' } });
  expect(reads).toHaveLength(3);
  expect(reads[0]).toMatchObject({ visibility: 'internal', actorId: null, data: { institution: trafficPolice, part: 'licence' } });
  // ...and the citizen sees it under "Who opened your file".
  const cookie = await signInOverHttp(baseUrl, email, 'citizen test password');
  const page = await (await fetch(`${baseUrl}/en/applications/${id}`, { headers: { cookie } })).text();
  expect(page).toContain('Opened by Traffic Police, Ministry of Interior');
});

test('a read outside the scopes or outside the company answers 404, as if nothing were there', async () => {
  const { licence: persons } = await citizenWithLicence();
  const a = await company();
  const b = await company();
  const mine = await db.application.findUniqueOrThrow({ where: { id: await filedApplication(a.owner, 'construction-permit', a.organisationId) } });
  const theirs = await db.application.findUniqueOrThrow({ where: { id: await filedApplication(b.owner, 'construction-permit', b.organisationId) } });

  const own = await PortalApi.signedIn(baseUrl, await newClient(['applications:read', 'licences:read'], { organisationId: a.organisationId, institution: { km: 'ក្រុមហ៊ុន ក', en: 'Company A' } }));
  const record = expectShape(applicationRecord, await own.application(mine.reference!.toLowerCase()));
  expect(record).toMatchObject({ reference: mine.reference, status: 'submitted', organisation: { name: { en: 'Test Co., Ltd.' } }, stage: { en: 'Intake' } });
  expect(record.timeline).toEqual([{ event: 'submitted', at: expect.any(String), message: null }]);
  expectProblem(await own.application(theirs.reference!), 404, 'not-found');
  expectProblem(await own.licence(persons.number), 404, 'not-found');
  expectProblem(await own.receipts({ from: '2026-01-01', to: '2026-01-31' }), 404, 'not-found');

  const police = await PortalApi.signedIn(baseUrl, await newClient(['licences:read']));
  const unknown = await police.application(mine.reference!);
  expect(expectProblem(unknown, 404, 'not-found')).toEqual(expectProblem(await police.application('CP-1999-000001'), 404, 'not-found'));
  expectProblem(await police.receipts({ from: '2026-01-01', to: '2026-01-31' }), 404, 'not-found');
  // Nothing was recorded for the reads it was refused.
  expect(await db.applicationEvent.count({ where: { applicationId: theirs.id, type: 'record_viewed' } })).toBe(0);
});

test('an expired token, a revoked client and no token at all answer 401', async () => {
  const { licence: issued } = await citizenWithLicence();
  const client = await newClient(['licences:read']);
  const police = await PortalApi.signedIn(baseUrl, client);
  expect((await police.licence(issued.number)).status).toBe(200);

  await db.apiAccessToken.updateMany({ where: { clientId: client.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await police.licence(issued.number);
  expectProblem(expired, 401, 'unauthorized');
  expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');

  const again = await PortalApi.signedIn(baseUrl, client);
  expect((await again.licence(issued.number)).status).toBe(200);
  await revokeApiClient(client.id);
  expectProblem(await again.licence(issued.number), 401, 'unauthorized');
  expect(await PortalApi.requestToken(baseUrl, client)).toMatchObject({ status: 401, error: { error: 'invalid_client' } });

  const anonymous = await new PortalApi(baseUrl).licence(issued.number);
  expectProblem(anonymous, 401, 'unauthorized');
  expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
});

test('a burst past the client\'s limit answers 429 with Retry-After, counted in PostgreSQL', async () => {
  const { licence: issued } = await citizenWithLicence();
  const client = await newClient(['licences:read'], { requestsPerMinute: 3 });
  const police = await PortalApi.signedIn(baseUrl, client);
  // Not across the turn of a minute, which starts a new count.
  if (Date.now() % 60_000 > 57_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 50));
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await police.licence(issued.number));
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
  const limited = answers[3]!;
  const problem = expectProblem(limited, 429, 'too-many-requests');
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(problem.retryAfterSeconds).toBe(retryAfter);
  expect(limited.headers.get('ratelimit')).toBe(`"per-client";r=0;t=${retryAfter}`);
  expect(await db.apiRateWindow.findMany({ where: { clientId: client.id }, select: { requests: true } })).toEqual([{ requests: 4 }]);
});

test('the Ministry of Economy and Finance reads fee receipts by date range, page by page; a company only its own', async () => {
  // Paid on days no other test pays on, through the bank's signed confirmation.
  const a = await company();
  const paidOn = ['2025-03-10T02:00:00Z', '2025-03-10T09:30:00Z', '2025-03-11T16:59:00Z', '2025-03-11T17:00:00Z'];
  const receipts: string[] = [];
  for (const [i, paidAt] of paidOn.entries()) {
    const id = await filedApplication(a.owner, 'driving-licence-renewal', i % 2 === 0 ? a.organisationId : undefined);
    const bill = (await billFor(await db.application.findUniqueOrThrow({ where: { id } })))!;
    const body = JSON.stringify({ billNumber: bill.billNumber, md5: bill.md5, amountRiel: bill.amountRiel, currency: 'KHR', transactionId: `TX-${crypto.randomUUID()}`, paidAt });
    expect(await confirmPayment(body, signBody(body))).toMatchObject({ outcome: 'paid' });
    receipts.push((await db.payment.findUniqueOrThrow({ where: { id: bill.id } })).receiptNumber!);
  }

  const finance = await PortalApi.signedIn(baseUrl, await newClient(['payments:read'], { institution: { km: 'ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ', en: 'Ministry of Economy and Finance' } }));
  // 11 March in Phnom Penh ends at 17:00 UTC: the last payment is on the 12th.
  const seen = [];
  let cursor: string | undefined;
  do {
    const page = expectShape(receiptPage, await finance.receipts({ from: '2025-03-10', to: '2025-03-11', limit: 2, cursor }));
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(seen.map((r) => r.receiptNumber)).toEqual(receipts.slice(0, 3));
  expect(seen[0]).toMatchObject({ paidAt: '2025-03-10T02:00:00.000Z', amountRiel: expect.any(Number), service: { code: 'driving-licence-renewal' } });
  expect(JSON.stringify(seen)).not.toContain('Test Citizen');

  const own = await PortalApi.signedIn(baseUrl, await newClient(['payments:read'], { organisationId: a.organisationId }));
  const ownPage = expectShape(receiptPage, await own.receipts({ from: '2025-03-10', to: '2025-03-12' }));
  expect(ownPage.items.map((r) => r.receiptNumber)).toEqual([receipts[0], receipts[2]]);

  expectProblem(await finance.receipts({ from: '2025-03-10', to: '2025-03-11', cursor: 'bad' }), 400, 'invalid-cursor');
  expect(expectProblem(await finance.receipts({ from: '2025-03-11', to: '2025-03-10' }), 400, 'invalid-parameter').invalidParams).toEqual([{ name: 'to' }]);
  expectProblem(await finance.receipts({ from: '2024-01-01', to: '2025-03-10' }), 400, 'invalid-parameter');
});

test('failed token requests from one address lock it for a while, with Retry-After', async () => {
  const client = await newClient(['licences:read']);
  expect((await PortalApi.requestToken(baseUrl, { id: client.id, secret: 'wrong' })).status).toBe(401);
  // This client's address (the only one here), locked as thirty failures would lock it.
  const counted = { key: { startsWith: 'apiClientAddress:' } };
  expect(await db.signInThrottle.count({ where: counted })).toBe(1);
  await db.signInThrottle.updateMany({ where: counted, data: { lockedUntil: new Date(Date.now() + 5 * 60_000) } });
  try {
    const locked = await PortalApi.requestToken(baseUrl, client);
    expect(locked).toMatchObject({ status: 429, error: { error: 'temporarily_unavailable' } });
    expect(locked.headers.get('retry-after')).toBe('300');
  } finally {
    await db.signInThrottle.deleteMany({ where: counted });
  }
  expect((await PortalApi.requestToken(baseUrl, client)).status).toBe(200);
});
