import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLookupServer } from '@/lib/applications/lookup-server';
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
