import { expect, test } from 'vitest';
import { canManageApiClient, clientCan, clientReach, type Actor, type ApiClientActor } from '@/lib/policy/policy';

const institution = { km: 'នគរបាលចរាចរណ៍', en: 'Traffic Police, Ministry of Interior' };
const police: ApiClientActor = { clientId: 'p', institution, organisationId: null, scopes: ['licences:read'] };
const finance: ApiClientActor = { clientId: 'f', institution, organisationId: null, scopes: ['payments:read'] };
const company: ApiClientActor = { clientId: 'c', institution, organisationId: 'org-a', scopes: ['licences:read', 'applications:read', 'payments:read'] };
const persons = { organisationId: null };
const companyA = { organisationId: 'org-a' };
const companyB = { organisationId: 'org-b' };

test("an institution reads every licence with licences:read, and nothing its scopes do not name", () => {
  expect(clientCan(police, 'licence.read', persons)).toBe(true);
  expect(clientCan(police, 'licence.read', companyB)).toBe(true);
  expect(clientCan(police, 'receipt.read', persons)).toBe(false);
  expect(clientCan(police, 'application.read', persons)).toBe(false);
  expect(clientReach(police, 'licence.read')).toBe('all');
  expect(clientReach(police, 'receipt.read')).toBe('none');
});

test('an institution with payments:read reads every receipt, but no application file', () => {
  expect(clientReach(finance, 'receipt.read')).toBe('all');
  expect(clientCan(finance, 'licence.read', persons)).toBe(false);
  expect(clientCan({ ...finance, scopes: ['applications:read'] }, 'application.read', persons)).toBe(false);
});

test("a company's own client reads its company's records only, whatever its scopes", () => {
  for (const action of ['licence.read', 'application.read', 'receipt.read'] as const) {
    expect(clientCan(company, action, companyA)).toBe(true);
    expect(clientCan(company, action, companyB)).toBe(false);
    expect(clientCan(company, action, persons)).toBe(false);
    expect(clientReach(company, action)).toEqual({ organisationId: 'org-a' });
  }
  expect(clientCan({ ...company, scopes: ['licences:read'] }, 'application.read', companyA)).toBe(false);
});

test('no client, no reads', () => {
  expect(clientCan(null, 'licence.read', persons)).toBe(false);
  expect(clientReach(null, 'receipt.read')).toBe('none');
});

test("administrators manage every client; a company's owner only the company's own, and no manager or outsider", () => {
  const person = (roles: Actor['roles'], organisations: Actor['organisations'] = []): Actor => ({ id: 'u', name: 'U', roles, organisations });
  const administrator = person([{ role: 'administrator', departmentId: null }]);
  const owner = person([{ role: 'investor', departmentId: null }], [{ organisationId: 'org-a', role: 'owner' }]);
  const manager = person([{ role: 'investor', departmentId: null }], [{ organisationId: 'org-a', role: 'manager' }]);
  expect(canManageApiClient(administrator, persons)).toBe(true);
  expect(canManageApiClient(administrator, companyB)).toBe(true);
  expect(canManageApiClient(owner, companyA)).toBe(true);
  expect(canManageApiClient(owner, companyB)).toBe(false);
  expect(canManageApiClient(owner, persons)).toBe(false);
  expect(canManageApiClient(manager, companyA)).toBe(false);
  expect(canManageApiClient(null, companyA)).toBe(false);
});
