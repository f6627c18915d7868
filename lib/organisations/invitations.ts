// Inviting people into an organisation, and the owner's hold over its members. Changes take
// effect on the member's next request: every request re-reads the memberships (lib/auth/session).
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import type { OrganisationRole } from '@/lib/db/generated/enums';
import { takeAllowance } from '@/lib/auth/throttle';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { notifyEmail } from '@/lib/notifications/notify';
import { canInOrganisation, type Actor } from '@/lib/policy/policy';

export const invitationDays = 7;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');


export type InviteResult = { ok: true } | { ok: false; error: 'limited'; minutes: number };

/**
 * Invites `email` with `role`; the email goes out through the outbox in the same transaction.
 * Each invitation makes the ministry's mail server carry a message to an address the sender
 * chose: they are limited per organisation and per sender, and one past the limit sends nothing.
 */
export async function invite(
  owner: Actor & { locale: string },
  organisationId: string,
  email: string,
  role: OrganisationRole,
  portalUrl: string,
  now = new Date(),
): Promise<InviteResult> {
  if (!canInOrganisation(owner, 'organisation.manage', organisationId)) throw new Error('only an owner invites');
  const minutes = await takeAllowance({ invitationOrganisation: organisationId, invitationSender: owner.id }, now);
  if (minutes) return { ok: false, error: 'limited', minutes };
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000);
  await db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    await tx.organisationInvitation.create({
      data: { organisationId, email, role, tokenHash: hash(token), invitedById: owner.id, expiresAt },
    });
    const locale = owner.locale === 'en' ? 'en' : 'km';
    await notifyEmail(tx, { email, name: email, locale }, 'invitation', {
      reference: '',
      service: { km: organisation.nameKm, en: organisation.nameEn },
      invitation: {
        inviter: owner.name,
        organisation: { km: organisation.nameKm, en: organisation.nameEn },
        role,
        expires: phnomPenhDay(expiresAt),
        link: `${portalUrl}/${locale}/invitations/${token}`,
      },
    });
  });
  return { ok: true };
}

export type InvitationState = 'open' | 'expired' | 'revoked' | 'used';

export async function findInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.organisationInvitation.findUnique({ where: { tokenHash: hash(token) }, include: { organisation: true } });
  if (!invitation) return null;
  const state: InvitationState = invitation.acceptedAt ? 'used' : invitation.revokedAt ? 'revoked' : invitation.expiresAt < now ? 'expired' : 'open';
  return { ...invitation, state };
}

export type AcceptResult = { ok: true; organisationId: string } | { ok: false; error: InvitationState | 'notFound' | 'wrongAccount' };

/** Accepts an invitation once, for the account with the invited address. */
export async function acceptInvitation(actor: Actor, token: string, now = new Date()): Promise<AcceptResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, error: 'notFound' };
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`select id from "OrganisationInvitation" where "tokenHash" = ${hash(token)} for update`;
    if (!row) return { ok: false, error: 'notFound' } as const;
    const invitation = await tx.organisationInvitation.findUniqueOrThrow({ where: { id: row.id } });
    if (invitation.acceptedAt) return { ok: false, error: 'used' } as const;
    if (invitation.revokedAt) return { ok: false, error: 'revoked' } as const;
    if (invitation.expiresAt < now) return { ok: false, error: 'expired' } as const;
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
    if (user.email !== invitation.email) return { ok: false, error: 'wrongAccount' } as const;
    await tx.organisationMembership.upsert({
      where: { organisationId_userId: { organisationId: invitation.organisationId, userId: actor.id } },
      create: { organisationId: invitation.organisationId, userId: actor.id, role: invitation.role },
      update: { role: invitation.role },
    });
    await tx.organisationInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedById: actor.id } });
    if (!(await tx.roleAssignment.findFirst({ where: { userId: actor.id, role: 'investor' } }))) {
      await tx.roleAssignment.create({ data: { userId: actor.id, role: 'investor' } });
    }
    return { ok: true, organisationId: invitation.organisationId } as const;
  });
}

export async function revokeInvitation(owner: Actor, invitationId: string, now = new Date()): Promise<boolean> {
  const invitation = await db.organisationInvitation.findUnique({ where: { id: invitationId } });
  if (!invitation || !canInOrganisation(owner, 'organisation.manage', invitation.organisationId)) return false;
  await db.organisationInvitation.updateMany({ where: { id: invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  return true;
}

/** Changes a member's role, or removes them (role null). An organisation keeps at least one owner. */
export async function setMembership(owner: Actor, organisationId: string, userId: string, role: OrganisationRole | null): Promise<'done' | 'lastOwner' | 'notFound'> {
  if (!canInOrganisation(owner, 'organisation.manage', organisationId)) return 'notFound';
  return db.$transaction(async (tx) => {
    const members = await tx.$queryRaw<{ userId: string; role: OrganisationRole }[]>`
      select "userId", role from "OrganisationMembership" where "organisationId" = ${organisationId}::uuid for update`;
    const member = members.find((m) => m.userId === userId);
    if (!member) return 'notFound';
    const owners = members.filter((m) => m.role === 'owner').length;
    if (member.role === 'owner' && role !== 'owner' && owners === 1) return 'lastOwner';
    if (role) await tx.organisationMembership.update({ where: { organisationId_userId: { organisationId, userId } }, data: { role } });
    else await tx.organisationMembership.delete({ where: { organisationId_userId: { organisationId, userId } } });
    return 'done';
  });
}
