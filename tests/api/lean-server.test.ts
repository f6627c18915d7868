// The lean server that production serves /api/v1 from (behind HAProxy) beside the production
// build's Next.js, on one database: the same answers from the same route handlers, a method a
// route does not answer refused with a problem on both, and one client's per-minute limit shared
// by two lean servers, as by any number of instances.
import { expect, inject, test } from 'vitest';
import { registerApiClient } from '@/lib/api/clients';
import { db } from '@/lib/db/client';
import { startLeanServer } from '../bench/serve';
import { issuedVehicle } from '../integration/support/applicants';
import { PortalApi, type Answer, type Licence } from '../support/api-client';
import { baseUrl, configuredUrl, expectProblem } from './support/expect-answer';

const leanUrl = inject('leanBaseUrl');
const servers = { 'Next.js': baseUrl, 'the lean server': leanUrl };

test.each(Object.entries(servers))('%s answers a method an address does not answer with a 405 problem naming those it does', async (_, server) => {
  const refused = await fetch(`${server}/api/v1/licences/DLL-2026-000001/status`, { method: 'DELETE', headers: { 'Accept-Language': 'en' } });
  expect(refused.status).toBe(405);
  expect(refused.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  expect(refused.headers.get('content-type')).toBe('application/problem+json');
  expect(await refused.json()).toEqual({
    type: `${configuredUrl}/api/v1/problems/method-not-allowed`,
    title: 'This address does not answer that method',
    status: 405,
    detail: 'This address does not answer DELETE. It answers GET, HEAD, OPTIONS: see the API reference.',
  });

  // In Khmer unless English is asked for, like every problem.
  const token = await fetch(`${server}/api/v1/oauth/token`);
  expect([token.status, token.headers.get('allow'), token.headers.get('content-language')]).toEqual([405, 'POST, OPTIONS', 'km']);
  expect(((await token.json()) as { detail: string }).detail).toBe('អាសយដ្ឋាននេះមិនឆ្លើយតប GET ទេ។ វាឆ្លើយតប POST, OPTIONS៖ មើលឯកសារយោង API។');
  for (const [path, method] of [['/api/v1/licences', 'PUT'], ['/api/v1/services/driving-licence-renewal', 'PATCH'], ['/api/v1/problems/not-found', 'POST']] as const) {
    const answer = await fetch(`${server}${path}`, { method });
    expect([path, method, answer.status, answer.headers.get('content-type')]).toEqual([path, method, 405, 'application/problem+json']);
  }
  const options = await fetch(`${server}/api/v1/licences`, { method: 'OPTIONS' });
  expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, OPTIONS']);
  // The problem type's own address says what it means.
  const described = await fetch(`${server}/api/v1/problems/method-not-allowed`);
  expect(await described.json()).toMatchObject({ status: 405, title: { en: 'This address does not answer that method', km: 'អាសយដ្ឋាននេះមិនឆ្លើយតបវិធីសាស្ត្រនោះទេ' } });
});

test("the lean server answers the portal's reads exactly as Next.js does, and records each client read", async () => {
  const { id, licence: issued } = await issuedVehicle();
  const { clientId, secret } = await registerApiClient({ name: 'Lean test', institution: { km: 'នគរបាល', en: 'Police' }, scopes: ['licences:read'] });
  const token = await PortalApi.requestToken(leanUrl, { id: clientId, secret });
  if (token.status !== 200) throw new Error(token.error.error);
  const [onNext, onLean] = [new PortalApi(baseUrl, 'en', token.token.access_token), new PortalApi(leanUrl, 'en', token.token.access_token)];

  const [nextRead, leanRead] = [await onNext.licence(issued.number), await onLean.licence(issued.number)];
  if (nextRead.status !== 200 || leanRead.status !== 200) throw new Error(`reads answered ${nextRead.status} and ${leanRead.status}`);
  expect(leanRead.body).toEqual(nextRead.body);
  expect(leanRead.etag).toBe(nextRead.etag);
  for (const header of ['cache-control', 'ratelimit-policy', 'content-security-policy', 'x-content-type-options', 'x-frame-options']) {
    expect([header, leanRead.headers.get(header)]).toEqual([header, nextRead.headers.get(header)]);
  }
  expect(leanRead.headers.get('x-request-id')).toMatch(/^[\w-]{12}$/);
  // Next.js adds its own (rsc, Accept-Encoding: it compresses); what the read varies by is the same.
  expect(leanRead.headers.get('vary')).toBe('Authorization');
  expect(nextRead.headers.get('vary')).toContain('Authorization');
  expect((await onLean.licence(issued.number, { ifNoneMatch: leanRead.etag })).status).toBe(304);
  expect(await db.applicationEvent.count({ where: { applicationId: id, type: 'record_viewed' } })).toBe(3);

  const publicStatus = await Promise.all([baseUrl, leanUrl].map((server) => new PortalApi(server, 'km').licenceStatus(issued.number.toLowerCase())));
  expect(publicStatus[1]).toMatchObject({ status: 200, body: (publicStatus[0] as { body: unknown }).body });
  expectProblem(await new PortalApi(leanUrl).licence(issued.number), 401, 'unauthorized');
  expectProblem(await onLean.licence('DLL-1999-000001'), 404, 'not-found');
  expectProblem(await new PortalApi(leanUrl).licenceStatus('not a number!'), 400, 'invalid-parameter');
});

test("one client's limit holds across two lean servers: a burst through both alternately is allowed the limit, then 429 on both", async () => {
  const { licence: issued } = await issuedVehicle();
  const limit = 6;
  const { clientId, secret } = await registerApiClient({ name: 'Burst', institution: { km: 'នគរបាល', en: 'Police' }, scopes: ['licences:read'], requestsPerMinute: limit });
  const token = await PortalApi.requestToken(baseUrl, { id: clientId, secret });
  if (token.status !== 200) throw new Error(token.error.error);
  const second = await startLeanServer({ databaseUrl: inject('databaseUrl'), baseUrl: configuredUrl }, Number(new URL(leanUrl).port) + 1);
  try {
    const clients = [leanUrl, second.baseUrl].map((server) => new PortalApi(server, 'en', token.token.access_token));
    // Not across the turn of a minute, which starts a new count.
    if (Date.now() % 60_000 > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 50));
    // All at once, alternating between the servers: each counts in the same row.
    const answers = await Promise.all(Array.from({ length: 2 * limit }, (_, i) => clients[i % 2]!.licence(issued.number)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(limit);
    const refused: { answer: Answer<Licence>; server: number }[] = answers.flatMap((a, i) => (a.status === 429 ? [{ answer: a, server: i % 2 }] : []));
    expect(refused).toHaveLength(limit);
    // Afterwards, each server refuses the next one too.
    for (const client of clients) refused.push({ answer: await client.licence(issued.number), server: clients.indexOf(client) });
    expect(new Set(refused.map((r) => r.server))).toEqual(new Set([0, 1]));
    for (const { answer } of refused) {
      const problem = expectProblem(answer, 429, 'too-many-requests');
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(problem.retryAfterSeconds).toBe(retryAfter);
      expect(answer.headers.get('ratelimit-policy')).toBe(`"per-client";q=${limit};w=60`);
      expect(answer.headers.get('ratelimit')).toBe(`"per-client";r=0;t=${retryAfter}`);
    }
    // Next.js instances count in the same place.
    expectProblem(await new PortalApi(baseUrl, 'en', token.token.access_token).licence(issued.number), 429, 'too-many-requests');
    expect(await db.apiRateWindow.findMany({ where: { clientId }, select: { requests: true } })).toEqual([{ requests: 2 * limit + 3 }]);
  } finally {
    await second.stop();
  }
});

test('a client held to IP ranges is counted only for requests from them: a token used from elsewhere spends nothing', async () => {
  const { licence: issued } = await issuedVehicle();
  const { clientId, secret } = await registerApiClient({ name: 'Held', institution: { km: 'នគរបាល', en: 'Police' }, scopes: ['licences:read'], allowedIps: ['127.0.0.0/8'] });
  const token = await PortalApi.requestToken(leanUrl, { id: clientId, secret });
  if (token.status !== 200) throw new Error(token.error.error);
  const [onNext, onLean] = [baseUrl, leanUrl].map((server) => new PortalApi(server, 'en', token.token.access_token));
  if (Date.now() % 60_000 > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 50));
  expect((await onLean!.licence(issued.number)).headers.get('ratelimit')).toMatch(/^"per-client";r=299;t=\d+$/);
  expect((await onNext!.licence(issued.number)).headers.get('ratelimit')).toMatch(/^"per-client";r=298;t=\d+$/);
  // The same token, the client now held elsewhere: as if unknown, and not counted.
  await db.apiClient.update({ where: { id: clientId }, data: { allowedIps: ['192.0.2.0/24'] } });
  for (const api of [onLean!, onNext!]) expectProblem(await api.licence(issued.number), 401, 'unauthorized');
  expect(await db.apiRateWindow.findMany({ where: { clientId }, select: { requests: true } })).toEqual([{ requests: 2 }]);
});
