// What the API client screens' server actions do (lib/api/manage-clients.ts): what they refuse
// and why, and that a replay by anyone else (another company's owner, a manager, a citizen, an
// administrator without the second factor) finds "not found" and changes nothing.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { grantAccessToken } from '@/lib/api/clients';
import { findClientAs, readAllowedIps, registerClientAs, revokeClientAs, rotateClientAs, type ClientArea } from '@/lib/api/manage-clients';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { acceptInvitation } from '@/lib/organisations/invitations';
import { sessionActor, type Actor } from '@/lib/policy/policy';
import { newCitizen, newStaff } from './support/applicants';
import { company, invited } from './support/organisations';

const admin: ClientArea = { kind: 'admin' };
// Named for this run, so that counting them counts only this file's.
const trafficPolice = { name: `Licence checks ${randomUUID()}`, owner: 'institution', institutionEn: 'Traffic Police, Ministry of Interior', institutionKm: 'នគរបាលចរាចរណ៍ ក្រសួងមហាផ្ទៃ', scopes: ['licences:read'], allowedIps: '', requestsPerMinute: '300' };
// Each test calls the token endpoint's logic from an address of its own: failures lock an address.
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const secretWorks = async (clientId: string, secret: string) => (await grantAccessToken(clientId, secret, undefined, address())).ok;
const clientRow = (id: string) => db.apiClient.findUniqueOrThrow({ where: { id }, select: { secretHash: true, revokedAt: true } });
const recorded = (id: string) => db.accountEvent.findMany({ where: { data: { path: ['clientId'], equals: id } }, orderBy: { id: 'asc' }, select: { type: true, userId: true, actorId: true } });

/** A company with its owner and a manager, and another company. */
async function companyWithManager() {
  const { owner, organisationId } = await company();
  const manager = await invited(owner, organisationId, 'manager');
  await acceptInvitation(manager.colleague, manager.token);
  return { owner, organisationId, manager: (await findActor(manager.colleague.id))!, other: await company() };
}

async function registered(actor: Actor, area: ClientArea, fields: Record<string, unknown> = trafficPolice) {
  const result = await registerClientAs(actor, area, fields, randomUUID());
  if (result.outcome !== 'registered') throw new Error(`not registered: ${JSON.stringify(result)}`);
  return result;
}

test('each wrong field is named with what to write; nothing is registered', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const result = await registerClientAs(administrator, admin, { name: ' ', scopes: ['licences:read', 'everything:write'], allowedIps: '10.0.0.1\n\n10.0.0.300\n::1', requestsPerMinute: '6001' }, randomUUID());
  expect(result).toEqual({
    outcome: 'invalid',
    problems: {
      name: { key: 'apiClients.errors.name' },
      scopes: { key: 'apiClients.errors.scopes' },
      owner: { key: 'apiClients.errors.owner' },
      allowedIps: { key: 'apiClients.errors.allowedIps', values: { line: 3, entry: '10.0.0.300' } },
      requestsPerMinute: { key: 'apiClients.errors.requestsPerMinute' },
    },
  });
  expect(await registerClientAs(administrator, admin, { ...trafficPolice, institutionKm: '', scopes: [], requestsPerMinute: '1.5' }, randomUUID())).toEqual({
    outcome: 'invalid',
    problems: { institutionKm: { key: 'apiClients.errors.institutionKm' }, scopes: { key: 'apiClients.errors.scopes' }, requestsPerMinute: { key: 'apiClients.errors.requestsPerMinute' } },
  });
  expect(await registerClientAs(administrator, admin, { ...trafficPolice, owner: 'company', registrationNumber: '00000000' }, randomUUID())).toEqual({
    outcome: 'invalid',
    problems: { registrationNumber: { key: 'apiClients.errors.noCompany', values: { number: '00000000' } } },
  });
  expect(await registerClientAs(administrator, admin, trafficPolice, 'not-a-token')).toEqual({ outcome: 'invalid', problems: { form: { key: 'apiClients.errors.formToken' } } });
  expect(await db.apiClient.count({ where: { name: trafficPolice.name } })).toBe(0);
  expect(await db.accountEvent.count({ where: { userId: administrator.id } })).toBe(0);
  expect(readAllowedIps(' 203.0.113.7 \r\n10.20.0.0/16\n2001:db8::/32\n')).toEqual({ ok: true, ranges: ['203.0.113.7', '10.20.0.0/16', '2001:db8::/32'] });
  expect(readAllowedIps('10.0.0.0/33')).toMatchObject({ ok: false, problem: { values: { line: 1, entry: '10.0.0.0/33' } } });
});

test('an administrator registers an institution\'s client: its secret gets a token, the act is recorded, and the same form posted again registers nothing', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const formToken = randomUUID();
  const fields = { ...trafficPolice, allowedIps: '10.0.0.0/8\n2001:db8::/32', requestsPerMinute: '120' };
  // A double click without JavaScript: two posts of one form at once.
  const [first, second] = await Promise.all([registerClientAs(administrator, admin, fields, formToken), registerClientAs(administrator, admin, fields, formToken)]);
  const done = [first, second].find((r) => r.outcome === 'registered');
  if (done?.outcome !== 'registered') throw new Error('neither post registered');
  expect([first, second].find((r) => r !== done)).toEqual({ outcome: 'alreadyRegistered', clientId: done.clientId });
  expect(await registerClientAs(administrator, admin, fields, formToken)).toEqual({ outcome: 'alreadyRegistered', clientId: done.clientId });
  expect(await db.apiClient.findUniqueOrThrow({ where: { id: done.clientId } })).toMatchObject({
    name: trafficPolice.name, institutionEn: 'Traffic Police, Ministry of Interior', organisationId: null, scopes: ['licences:read'], allowedIps: ['10.0.0.0/8', '2001:db8::/32'], requestsPerMinute: 120,
  });
  expect((await grantAccessToken(done.clientId, done.secret, undefined, '10.1.2.3')).ok).toBe(true);
  expect((await grantAccessToken(done.clientId, done.secret, undefined, '192.0.2.1')).ok).toBe(false);
  expect(await recorded(done.clientId)).toEqual([{ type: 'api_client_registered', userId: administrator.id, actorId: administrator.id }]);
});

test('an administrator registers a company\'s client by its registration number: it is the company\'s, under its name', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const { organisationId } = await company();
  const { registrationNumber } = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  const { clientId } = await registered(administrator, admin, { ...trafficPolice, owner: 'company', institutionEn: '', institutionKm: '', registrationNumber, scopes: ['applications:read'] });
  expect(await db.apiClient.findUniqueOrThrow({ where: { id: clientId } })).toMatchObject({ organisationId, institutionEn: 'Test Co., Ltd.', institutionKm: 'ក្រុមហ៊ុន សាកល្បង' });
});

test("a company's owner registers for their own company only; its managers, other owners and citizens get not found", async () => {
  const { owner, organisationId, manager: asManager, other } = await companyWithManager();
  const own: ClientArea = { kind: 'company', organisationId };
  // A company's form has no owner fields; anything posted as one is ignored.
  const { clientId } = await registered(owner, own, { name: 'Our ERP', owner: 'institution', institutionEn: 'Ministry of Something', institutionKm: 'ក្រសួង', scopes: ['applications:read'], requestsPerMinute: '60' });
  expect(await db.apiClient.findUniqueOrThrow({ where: { id: clientId } })).toMatchObject({ organisationId, institutionEn: 'Test Co., Ltd.' });

  const companies = { organisationId: { in: [organisationId, other.organisationId] } };
  const before = await db.apiClient.count({ where: { OR: [companies, { name: trafficPolice.name }] } });
  for (const [actor, area] of [[asManager, own], [other.owner, own], [owner, { kind: 'company', organisationId: other.organisationId }], [owner, admin], [await newCitizen(), own], [owner, { kind: 'company', organisationId: 'not-a-uuid' }]] as const) {
    expect(await registerClientAs(actor, area, trafficPolice, randomUUID())).toEqual({ outcome: 'notFound' });
  }
  expect(await db.apiClient.count({ where: { OR: [companies, { name: trafficPolice.name }] } })).toBe(before);
});

test('rotate and revoke: forged ids and anyone but the owner or an administrator find nothing and change nothing', async () => {
  const administrator = await newStaff('administrator', 'land-transport');
  const { owner, organisationId, manager: asManager, other } = await companyWithManager();
  const own: ClientArea = { kind: 'company', organisationId };
  const theirs: ClientArea = { kind: 'company', organisationId: other.organisationId };
  const companyClient = await registered(owner, own, { name: 'Our ERP', scopes: ['applications:read'], requestsPerMinute: '60' });
  const institutionClient = await registered(administrator, admin);
  const version = async (area: ClientArea, id: string) => (await findClientAs(administrator, area, id))!.secretVersion;
  const rows = async () => [await clientRow(companyClient.clientId), await clientRow(institutionClient.clientId)];
  const before = await rows();
  // The administrator, before the second factor of this session: no administrator at all.
  const halfSignedIn = sessionActor(administrator, false);

  const replays: [Actor | null, ClientArea, string][] = [
    [other.owner, own, companyClient.clientId],
    [other.owner, theirs, companyClient.clientId], // their own company's screens, this company's client
    [owner, theirs, companyClient.clientId],
    [asManager, own, companyClient.clientId],
    [owner, own, institutionClient.clientId], // an institution's client through a company's screens
    [owner, admin, companyClient.clientId], // an administration action posted by a company's owner
    [owner, admin, institutionClient.clientId],
    [halfSignedIn, admin, institutionClient.clientId],
    [null, admin, institutionClient.clientId],
    [administrator, admin, randomUUID()],
    [administrator, admin, 'not-a-uuid'],
    [administrator, own, institutionClient.clientId], // an institution's client is no company's
  ];
  for (const [actor, area, id] of replays) {
    expect(await findClientAs(actor, area, id)).toBeNull();
    expect(await rotateClientAs(actor, area, id, await version(admin, institutionClient.clientId))).toEqual({ outcome: 'notFound' });
    expect(await revokeClientAs(actor, area, id)).toEqual({ outcome: 'notFound' });
  }
  expect(await rows()).toEqual(before);
  expect(await secretWorks(companyClient.clientId, companyClient.secret)).toBe(true);
  expect(await secretWorks(institutionClient.clientId, institutionClient.secret)).toBe(true);
  expect(await db.accountEvent.count({ where: { type: { in: ['api_client_secret_rotated', 'api_client_revoked'] }, data: { path: ['clientId'], equals: companyClient.clientId } } })).toBe(0);
});

test('a new secret replaces the old at once, once per page seen; a revoked client gets no token and no new secret', async () => {
  const { owner, organisationId } = await company();
  const own: ClientArea = { kind: 'company', organisationId };
  const { clientId, secret } = await registered(owner, own, { name: 'Our ERP', scopes: ['applications:read'], requestsPerMinute: '60' });
  const seen = (await findClientAs(owner, own, clientId))!.secretVersion;
  const rotated = await rotateClientAs(owner, own, clientId, seen);
  if (rotated.outcome !== 'done') throw new Error(rotated.outcome);
  expect(await secretWorks(clientId, secret)).toBe(false);
  expect(await secretWorks(clientId, rotated.secret!)).toBe(true);
  // The same post again (a reload of the answer): no other secret, the one shown still works.
  expect(await rotateClientAs(owner, own, clientId, seen)).toEqual({ outcome: 'stale' });
  expect(await secretWorks(clientId, rotated.secret!)).toBe(true);

  expect(await revokeClientAs(owner, own, clientId)).toEqual({ outcome: 'done' });
  expect(await secretWorks(clientId, rotated.secret!)).toBe(false);
  expect(await revokeClientAs(owner, own, clientId)).toEqual({ outcome: 'revoked' });
  expect(await rotateClientAs(owner, own, clientId, (await findClientAs(owner, own, clientId))!.secretVersion)).toEqual({ outcome: 'revoked' });
  expect((await recorded(clientId)).map((e) => e.type)).toEqual(['api_client_registered', 'api_client_secret_rotated', 'api_client_revoked']);
});
