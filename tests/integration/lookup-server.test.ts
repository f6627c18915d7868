import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLookupServer } from '@/lib/applications/lookup-server';
import { parseTrustedProxies } from '@/lib/auth/client-address';
import { limits } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';
import { filedApplication, newCitizen } from './support/applicants';

const server = createLookupServer();
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the lookup server answers a reference and its code with status and routing only', async () => {
  const id = await filedApplication(await newCitizen());
  const { reference, trackingCode } = await db.application.findUniqueOrThrow({ where: { id } });
  const response = await fetch(`${base}/api/track?reference=${reference}&code=${trackingCode!.toLowerCase()}`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = await response.json();
  expect(body).toMatchObject({ reference, status: 'submitted', stage: { en: 'Review and approval' }, department: { en: 'General Department of Land Transport' } });
  expect(JSON.stringify(body)).not.toContain('Test Citizen');
});

test('a wrong code answers as an unknown reference; a missing one and other paths are refused', async () => {
  const id = await filedApplication(await newCitizen());
  const { reference } = await db.application.findUniqueOrThrow({ where: { id } });
  const headers = { 'x-forwarded-for': '203.0.113.8' };
  const wrong = await fetch(`${base}/api/track?reference=${reference}&code=WRONG234`, { headers });
  const unknown = await fetch(`${base}/api/track?reference=DL-1999-000001&code=WRONG234`, { headers });
  expect([wrong.status, await wrong.json()]).toEqual([404, { error: 'notFound' }]);
  expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'notFound' }]);
  expect((await fetch(`${base}/api/track?reference=${reference}`)).status).toBe(400);
  expect((await fetch(`${base}/en/account`)).status).toBe(404);
  expect((await fetch(`${base}/api/track?reference=${reference}&code=X`, { method: 'POST' })).status).toBe(404);
});

/** GET from a chosen loopback address (all of 127.0.0.0/8 is this machine), with these headers. */
function getFrom(localAddress: string, url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { localAddress, headers, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      })
      .on('error', reject);
  });
}

const guessUrl = (port: number, reference = 'DL-1999-000001') => `http://127.0.0.1:${port}/api/track?reference=${reference}&code=WRONG234`;
const listening = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

test('25 guesses, each with a new X-Forwarded-For, are throttled when no proxy is trusted', { timeout: 90_000 }, async () => {
  const lookup = createLookupServer({ proxies: parseTrustedProxies('') });
  const port = await listening(lookup);
  const answers: number[] = [];
  for (let i = 1; i <= 25; i++) answers.push(await getFrom('127.0.0.21', guessUrl(port), { 'x-forwarded-for': `198.51.100.${i}` }));
  lookup.close();
  expect(answers.slice(0, limits.tracking)).toEqual(Array(limits.tracking).fill(404));
  expect(answers.slice(limits.tracking)).toEqual(Array(25 - limits.tracking).fill(429));
});

test('behind a trusted proxy, two forwarded clients are counted apart; an untrusted peer forwards nothing', { timeout: 90_000 }, async () => {
  const lookup = createLookupServer({ proxies: parseTrustedProxies('127.0.0.22') });
  const port = await listening(lookup);
  const viaProxy = (client: string) => getFrom('127.0.0.22', guessUrl(port), { 'x-forwarded-for': `6.6.6.6, ${client}` });
  const first: number[] = [];
  for (let i = 0; i <= limits.tracking; i++) first.push(await viaProxy('203.0.113.61'));
  expect(first.at(-1)).toBe(429);
  // The other client behind the same proxy still gets its answer.
  expect(await viaProxy('203.0.113.62')).toBe(404);
  // A peer that is not the proxy, claiming to forward for the locked client, is itself the client.
  expect(await getFrom('127.0.0.23', guessUrl(port), { 'x-forwarded-for': '203.0.113.61' })).toBe(404);
  lookup.close();
});

test('a decided application is tracked by its decision and when, with no stage, department or expected date', async () => {
  const id = await filedApplication(await newCitizen());
  const decidedAt = new Date('2026-12-01T03:00:00Z');
  const { reference, trackingCode } = await db.application.update({ where: { id }, data: { status: 'issued', currentDepartmentId: null, decidedAt } });
  const track = async () => (await fetch(`${base}/api/track?reference=${reference}&code=${trackingCode}`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json();
  expect(await track()).toMatchObject({ status: 'issued', outcome: { decision: 'issued', on: decidedAt.toISOString() }, stage: null, department: null, dueAt: null });

  const revokedAt = new Date('2026-12-02T04:00:00Z');
  await db.licence.create({
    data: { number: `DLL-2026-${id.slice(0, 6)}`, applicationId: id, holderName: 'Test Citizen', validFrom: decidedAt, signedFields: '-', signature: '-', status: 'revoked', revokedAt, revokedReason: 'Issued in error.' },
  });
  expect(await track()).toMatchObject({ status: 'issued', outcome: { decision: 'revoked', on: revokedAt.toISOString() } });
});
