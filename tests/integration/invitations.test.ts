import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createDraft } from '@/lib/applications/create-draft';
import { findApplication } from '@/lib/applications/find-application';
import { findActor } from '@/lib/auth/session';
import { limits } from '@/lib/auth/throttle';
import { db } from '@/lib/db/client';
import { acceptInvitation, findInvitation, invite, revokeInvitation, setMembership } from '@/lib/organisations/invitations';
import { newCitizen } from './support/applicants';
import { company, invited } from './support/organisations';

test('an invitation is sent through the outbox and works once, for the invited address', async () => {
  const { owner, organisationId } = await company();
  const { colleague, token } = await invited(owner, organisationId);
  const stranger = await newCitizen();
  expect(await acceptInvitation(stranger, token)).toEqual({ ok: false, error: 'wrongAccount' });
  expect(await acceptInvitation(colleague, token)).toEqual({ ok: true, organisationId });
  expect((await findActor(colleague.id))!.organisations).toEqual([{ organisationId, role: 'manager' }]);
  expect(await acceptInvitation(colleague, token)).toEqual({ ok: false, error: 'used' });
  expect((await findInvitation(token))!.state).toBe('used');
});

test('an expired or revoked invitation is refused clearly, and a forged token is not found', async () => {
  const { owner, organisationId } = await company();
  const expired = await invited(owner, organisationId);
  await db.organisationInvitation.updateMany({ where: { organisationId, acceptedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await acceptInvitation(expired.colleague, expired.token)).toEqual({ ok: false, error: 'expired' });
  const revoked = await invited(owner, organisationId, 'viewer');
  const invitation = (await findInvitation(revoked.token))!;
  expect(await revokeInvitation(revoked.colleague, invitation.id)).toBe(false);
  expect(await revokeInvitation(owner, invitation.id)).toBe(true);
  expect(await acceptInvitation(revoked.colleague, revoked.token)).toEqual({ ok: false, error: 'revoked' });
  expect(await acceptInvitation(revoked.colleague, randomUUID().replaceAll('-', ''))).toEqual({ ok: false, error: 'notFound' });
  expect(await db.organisationMembership.count({ where: { organisationId } })).toBe(1);
});

test("removing a member or changing a role takes effect on that person's next request; the last owner stays", async () => {
  const { owner, organisationId } = await company();
  const { colleague, token } = await invited(owner, organisationId);
  await acceptInvitation(colleague, token);
  expect(await setMembership(owner, organisationId, colleague.id, 'viewer')).toBe('done');
  expect((await findActor(colleague.id))!.organisations).toEqual([{ organisationId, role: 'viewer' }]);
  expect(await setMembership(owner, organisationId, owner.id, 'viewer')).toBe('lastOwner');
  expect(await setMembership({ ...colleague, organisations: [{ organisationId, role: 'viewer' }] }, organisationId, owner.id, null)).toBe('notFound');
  expect(await setMembership(owner, organisationId, colleague.id, null)).toBe('done');
  expect((await findActor(colleague.id))!.organisations).toEqual([]);
});

test("an organisation's managers continue its applications, viewers only see them, and a removed member gets not found", async () => {
  const { owner, organisationId } = await company();
  const manager = await invited(owner, organisationId, 'manager');
  const viewer = await invited(owner, organisationId, 'viewer');
  await acceptInvitation(manager.colleague, manager.token);
  await acceptInvitation(viewer.colleague, viewer.token);
  const [asManager, asViewer] = [(await findActor(manager.colleague.id))!, (await findActor(viewer.colleague.id))!];

  const draft = (await createDraft(owner, 'driving-licence-renewal', organisationId))!;
  expect(await findApplication(asManager, draft.id, 'application.edit')).not.toBeNull();
  expect(await findApplication(asViewer, draft.id, 'application.view')).not.toBeNull();
  expect(await findApplication(asViewer, draft.id, 'application.edit')).toBeNull();
  // A viewer cannot start one in the organisation's name, and an outsider sees nothing.
  expect(await createDraft(asViewer, 'driving-licence-renewal', organisationId)).toBeNull();
  expect(await findApplication(await newCitizen(), draft.id, 'application.view')).toBeNull();

  await setMembership(owner, organisationId, manager.colleague.id, null);
  // The next request reads the memberships again.
  expect(await findApplication((await findActor(manager.colleague.id))!, draft.id, 'application.view')).toBeNull();
});

describe('invitations are limited, since each makes the ministry send an email its sender words', () => {
  const sent = (email: string) => db.notificationDelivery.count({ where: { address: email } });
  const inviteNew = async (owner: Awaited<ReturnType<typeof company>>['owner'], organisationId: string) => {
    const email = `invitee-${randomUUID()}@example.com`;
    return { email, result: await invite(owner, organisationId, email, 'viewer', 'https://portal.example') };
  };
  const anotherOwner = async (organisationId: string) => {
    const user = await newCitizen();
    await db.organisationMembership.create({ data: { organisationId, userId: user.id, role: 'owner' } });
    return { ...(await findActor(user.id))!, locale: 'en' };
  };

  test(`one sender sends ${limits.invitationSender} an hour; the next is refused and no email goes out`, async () => {
    const { owner, organisationId } = await company();
    for (let i = 0; i < limits.invitationSender; i++) expect((await inviteNew(owner, organisationId)).result).toEqual({ ok: true });
    const refused = await inviteNew(owner, organisationId);
    expect(refused.result).toEqual({ ok: false, error: 'limited', minutes: 60 });
    expect(await sent(refused.email)).toBe(0);
    expect(await db.organisationInvitation.count({ where: { email: refused.email } })).toBe(0);
    // A colleague who is also an owner may still invite.
    expect((await inviteNew(await anotherOwner(organisationId), organisationId)).result).toEqual({ ok: true });
  });

  test(`one organisation sends ${limits.invitationOrganisation} an hour, whichever owners send them`, async () => {
    const { owner, organisationId } = await company();
    const owners = [owner, await anotherOwner(organisationId), await anotherOwner(organisationId)];
    for (let i = 0; i < limits.invitationOrganisation; i++) {
      expect((await inviteNew(owners[i % owners.length]!, organisationId)).result).toEqual({ ok: true });
    }
    const fresh = await anotherOwner(organisationId);
    const refused = await inviteNew(fresh, organisationId);
    expect(refused.result).toMatchObject({ ok: false, error: 'limited' });
    expect(await sent(refused.email)).toBe(0);
    // Another organisation's owner is not held back.
    const other = await company();
    expect((await inviteNew(other.owner, other.organisationId)).result).toEqual({ ok: true });
  });
});
