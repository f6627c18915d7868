// The public reads of /api/v1 over real HTTP against the production build, through the typed
// client an outside system would write (tests/support/api-client.ts). Records are made through
// the portal's own workflow; each answer is checked against the schema the OpenAPI document is
// generated from, extra fields included (a leaked field fails).
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, test } from 'vitest';
import { trackApplication } from '@/lib/applications/track-application';
import { findApplication } from '@/lib/applications/find-application';
import { licenceStatus, service, servicePage, trackedApplication } from '@/lib/api/v1/schemas';
import { db } from '@/lib/db/client';
import { verifyLicence } from '@/lib/licences/documents';
import { seedServices } from '@/lib/services/catalogue';
import { perform } from '@/lib/workflow/machine';
import { filedApplication, issuedVehicle, newCitizen } from '../integration/support/applicants';
import { vehicleAnswers } from '../support/answers';
import { PortalApi } from '../support/api-client';
import { baseUrl, configuredUrl, expectProblem, expectShape } from './support/expect-answer';

const api = new PortalApi(baseUrl, 'en');

test('the catalogue reads page by page, each service with its fee, deadline, documents and legal basis', async () => {
  const first = await api.listServices({ limit: 2 });
  const page = expectShape(servicePage, first);
  expect(page.items).toHaveLength(2);
  expect(page.nextCursor).toEqual(expect.any(String));
  // The next page's link is on the configured address, as every link the portal writes.
  const link = first.status === 200 ? first.headers.get('link') : null;
  expect(link).toBe(`<${configuredUrl}/api/v1/services?limit=2&cursor=${page.nextCursor}>; rel="next"`);

  const all = await api.allServices(2);
  const codes = seedServices.map((s) => s.code).sort();
  expect(all.map((s) => s.code)).toEqual(codes);

  const renewal = all.find((s) => s.code === 'driving-licence-renewal')!;
  const definition = seedServices.find((s) => s.code === 'driving-licence-renewal')!;
  expect(renewal).toMatchObject({
    name: definition.name,
    legalBasis: definition.legalBasis,
    deadlineWorkingDays: definition.deadlineWorkingDays,
    fee: { baseRiel: definition.feeRiel, ifRefused: definition.refundIfRefused },
    department: { code: 'land-transport', name: { en: 'General Department of Land Transport' } },
  });
  expect(renewal.documents.map((d) => d.key)).toEqual(definition.documents.map((d) => d.key));
  expect(expectShape(service, await api.service('driving-licence-renewal'))).toEqual(renewal);
  // A fee that depends on an answer lists each choice's amount.
  const vehicle = all.find((s) => s.code === 'vehicle-registration')!;
  expect(vehicle.fee.lines[0]).toMatchObject({ kind: 'by-answer', amounts: expect.arrayContaining([expect.objectContaining({ option: 'car' })]) });
});

test('a cursor the API did not give, or a limit out of bounds, answers 400 problem+json in the language asked for', async () => {
  const tampered = Buffer.from(JSON.stringify({ v: 1, after: 7 })).toString('base64url');
  for (const cursor of ['not-a-cursor', tampered]) {
    const answer = await api.listServices({ cursor });
    expect(expectProblem(answer, 400, 'invalid-cursor')).toMatchObject({ title: 'The cursor is not one this API gave', invalidParams: [{ name: 'cursor' }] });
    expect(answer.headers.get('content-language')).toBe('en');
  }
  for (const limit of [0, 101, 2.5]) {
    expect(expectProblem(await api.listServices({ limit }), 400, 'invalid-parameter').invalidParams).toEqual([{ name: 'limit' }]);
  }
  // Khmer when the client asks for it, and when it names neither language.
  for (const language of ['km', 'fr']) {
    const response = await fetch(`${baseUrl}/api/v1/services?cursor=x`, { headers: { 'Accept-Language': language } });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ title: 'cursor នេះមិនមែនជាអ្វីដែល API នេះបានផ្តល់ទេ', type: `${configuredUrl}/api/v1/problems/invalid-cursor` });
  }
});

test('a read answers 304 without a body while its ETag is current', async () => {
  const first = await api.service('construction-permit');
  if (first.status !== 200) throw new Error(`got ${first.status}`);
  expect(first.etag).toMatch(/^"[\w-]+"$/);
  expect(first.headers.get('cache-control')).toBe('public, no-cache');
  for (const ifNoneMatch of [first.etag, `W/${first.etag}`, `"other", ${first.etag}`]) {
    const again = await api.service('construction-permit', { ifNoneMatch });
    expect(again).toMatchObject({ status: 304, etag: first.etag });
  }
  const raw = await fetch(`${baseUrl}/api/v1/services/construction-permit`, { headers: { 'If-None-Match': first.etag } });
  expect([raw.status, await raw.text()]).toEqual([304, '']);
  expect((await api.service('construction-permit', { ifNoneMatch: '"stale"' })).status).toBe(200);
  // Another service is another resource, with its own tag.
  const other = await api.service('vehicle-registration', { ifNoneMatch: first.etag });
  expect(other.status).toBe(200);
});

test("a licence's status says valid, expired or revoked, as the verification page does, without the holder", async () => {
  const { id, head, licence } = await issuedVehicle();
  const valid = expectShape(licenceStatus, await api.licenceStatus(licence.number.toLowerCase()));
  const page = await verifyLicence(licence.number);
  if (!page.found) throw new Error('not found');
  expect(valid).toEqual({
    number: licence.number,
    status: 'valid',
    document: page.document,
    validFrom: page.validFrom,
    validUntil: page.validUntil,
    facts: page.facts,
    revokedReason: null,
  });
  // The plate is public; the vehicle's VIN and the holder's name are not.
  expect(valid.facts.map((f) => f.label.en)).toEqual(['Plate number', 'Type of vehicle', 'Make', 'Model', 'Colour', 'Year of manufacture']);
  const text = JSON.stringify(valid);
  for (const secret of [licence.holderName, String(vehicleAnswers.vin), String(vehicleAnswers.engineNumber)]) expect(text).not.toContain(secret);

  const file = (await findApplication(head, id, 'application.view'))!;
  await perform(head, file, 'revokeLicence', { reason: 'Registered with a forged invoice' }, file.version);
  expect(expectShape(licenceStatus, await api.licenceStatus(licence.number))).toMatchObject({ status: 'revoked', revokedReason: 'Registered with a forged invoice' });

  const lapsed = await issuedVehicle();
  await db.licence.update({ where: { id: lapsed.licence.id }, data: { validUntil: new Date('2020-01-01') } });
  expect(expectShape(licenceStatus, await api.licenceStatus(lapsed.licence.number))).toMatchObject({ status: 'expired', validUntil: '2020-01-01' });
});

test('an unknown licence number answers 404 and a malformed one 400, as problem+json', async () => {
  const unknown = expectProblem(await api.licenceStatus('VRL-1999-000001'), 404, 'not-found');
  expect(unknown.detail).toBe('No licence or permit has the number VRL-1999-000001. Check it against the document.');
  expect(expectProblem(await api.licenceStatus('hello'), 400, 'invalid-parameter').invalidParams).toEqual([{ name: 'number' }]);
  expectProblem(await api.service('no-such-service'), 404, 'not-found');
  expectProblem(await api.read('/api/v1/no/such/address'), 404, 'not-found');
});

test('tracking answers what /api/track and the tracking page answer; a wrong code as an unknown reference', async () => {
  const id = await filedApplication(await newCitizen());
  const { reference, trackingCode } = await db.application.findUniqueOrThrow({ where: { id } });
  const tracked = expectShape(trackedApplication, await api.track(reference!, trackingCode!.toLowerCase()));
  const legacy = await fetch(`${baseUrl}/api/track?reference=${reference}&code=${trackingCode}`);
  expect(tracked).toEqual(await legacy.json());
  const direct = await trackApplication(reference!, trackingCode!, 'test');
  expect(direct.ok && direct.application.dueAt?.toISOString()).toBe(tracked.dueAt);
  expect(tracked).toMatchObject({ reference, status: 'submitted', outcome: null, department: { en: 'General Department of Land Transport' } });
  expect(JSON.stringify(tracked)).not.toContain('Test Citizen');

  const first = await api.track(reference!, trackingCode!);
  if (first.status !== 200) throw new Error(`got ${first.status}`);
  expect(first.headers.get('cache-control')).toBe('private, no-cache');
  expect((await api.track(reference!, trackingCode!, { ifNoneMatch: first.etag })).status).toBe(304);

  const wrong = expectProblem(await api.track(reference!, 'WRONG234'), 404, 'not-found');
  const unknown = expectProblem(await api.track('DL-1999-000001', 'WRONG234'), 404, 'not-found');
  expect(wrong).toEqual(unknown);
  expect(expectProblem(await api.track(reference!, ''), 400, 'invalid-parameter').invalidParams).toEqual([{ name: 'code' }]);
});

test('too many wrong tracking codes from one address answer 429 with Retry-After', async () => {
  expectProblem(await api.track('DL-1999-000002', 'WRONG234'), 404, 'not-found');
  // The address the portal saw for this client (the only one here), locked as twenty wrong codes would lock it.
  const counted = { key: { startsWith: 'tracking:' } };
  expect(await db.signInThrottle.count({ where: counted })).toBe(1);
  await db.signInThrottle.updateMany({ where: counted, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
  try {
    const limited = await api.track('DL-1999-000002', 'WRONG234');
    const body = expectProblem(limited, 429, 'too-many-requests');
    expect(body.retryAfterSeconds).toBe(600);
    expect(limited.headers.get('retry-after')).toBe('600');
    expect(body.detail).toBe('Too many wrong references or codes came from this address. Wait 10 minutes, then try again.');
  } finally {
    await db.signInThrottle.deleteMany({ where: counted });
  }
});

test('the OpenAPI document is served valid, on the configured address, and each problem type URI describes itself', async () => {
  const answer = await api.openApiDocument();
  if (answer.status !== 200) throw new Error(`got ${answer.status}`);
  const validator = new Validator();
  expect(await validator.validate(answer.body)).toMatchObject({ valid: true });
  expect(answer.body.servers).toEqual([{ url: `${configuredUrl}/api/v1` }]);
  expect((await api.openApiDocument({ ifNoneMatch: answer.etag })).status).toBe(304);

  const notFound = expectProblem(await api.licenceStatus('VRL-1999-000001'), 404, 'not-found');
  const described = await fetch(notFound.type.replace(configuredUrl, baseUrl));
  expect(await described.json()).toEqual({
    type: notFound.type,
    status: 404,
    title: { km: 'រកមិនឃើញ', en: 'Not found' },
    description: { km: expect.any(String), en: 'Nothing is at this address, or what it names does not exist.' },
  });
});

test('the reference page and its renderer are served by the portal under a policy of their own', async () => {
  const page = await fetch(`${baseUrl}/api/reference`);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const policy = page.headers.get('content-security-policy');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe');
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/api\/reference\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets).toHaveLength(3);
  for (const asset of assets) {
    const response = await fetch(`${baseUrl}${asset}`);
    expect(response.status, asset).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  }
  expect((await fetch(`${baseUrl}/api/reference/package.json`)).status).toBe(404);
});
