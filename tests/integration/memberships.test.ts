import { expect, test } from 'vitest';
import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { acceptInvitation, findInvitation, revokeInvitation } from '@/lib/organisations/invitations';
import { membershipsOf, organisationsActedFor, organisationWithPeople } from '@/lib/organisations/memberships';
import { company, invited } from './support/organisations';

test('a person applies or complains for the organisations they own or manage, by English name, never for those they only view', async () => {
  const first = await company();
  const second = await company();
  await db.organisation.update({ where: { id: first.organisationId }, data: { nameEn: 'Zeta Transport Co., Ltd.' } });
  await db.organisation.update({ where: { id: second.organisationId }, data: { nameEn: 'Alpha Transport Co., Ltd.' } });
  const manager = await invited(first.owner, first.organisationId, 'manager');
  await acceptInvitation(manager.colleague, manager.token);
  await db.organisationMembership.create({ data: { organisationId: second.organisationId, userId: manager.colleague.id, role: 'viewer' } });
  await db.organisationMembership.create({ data: { organisationId: second.organisationId, userId: first.owner.id, role: 'manager' } });

  const owner = (await findActor(first.owner.id))!;
  expect((await organisationsActedFor(owner)).map((o) => o.nameEn)).toEqual(['Alpha Transport Co., Ltd.', 'Zeta Transport Co., Ltd.']);
  expect((await organisationsActedFor((await findActor(manager.colleague.id))!)).map((o) => o.id)).toEqual([first.organisationId]);
  expect(await organisationsActedFor(null)).toEqual([]);
  expect((await membershipsOf(manager.colleague.id)).map((m) => [m.organisation.id, m.role]).sort()).toEqual(
    [[first.organisationId, 'manager'], [second.organisationId, 'viewer']].sort(),
  );
});

test("an organisation's people: members first joined first; open invitations only when asked, without revoked or expired ones", async () => {
  const { owner, organisationId } = await company();
  const joined = await invited(owner, organisationId, 'manager');
  await acceptInvitation(joined.colleague, joined.token);
  const open = await invited(owner, organisationId, 'viewer');
  const revoked = await invited(owner, organisationId, 'viewer');
  await revokeInvitation(owner, (await findInvitation(revoked.token))!.id);
  const expired = await invited(owner, organisationId, 'viewer');
  await db.organisationInvitation.update({ where: { id: (await findInvitation(expired.token))!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

  const forOwner = await organisationWithPeople(organisationId, true);
  expect(forOwner.members.map((m) => m.user.id)).toEqual([owner.id, joined.colleague.id]);
  expect(forOwner.invitations.map((i) => i.id)).toEqual([(await findInvitation(open.token))!.id]);
  expect('invitations' in (await organisationWithPeople(organisationId, false))).toBe(false);
});
