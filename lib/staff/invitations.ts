// Inviting staff by email. An administrator names the person, the address and the role (in a
// department for clerks, supervisors and heads); the email goes through the outbox in the same
// transaction. The link works once and for `staffInvitationDays`: it creates the account with a
// password the person chooses, and the role. They set up the second step when they first sign in.
import 'server-only';
import { z } from 'zod';
import { recordAdminAct } from '@/lib/administration/audit';
import { digest, isLinkToken, newLinkToken } from '@/lib/auth/one-time-secrets';
import { hashPassword } from '@/lib/auth/password';
import { takeAllowance } from '@/lib/auth/throttle';
import { isGuessablePassword, newPasswordField } from '@/lib/auth/password-rules';
import { db } from '@/lib/db/client';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { notifyEmail } from '@/lib/notifications/notify';
import { can, type Actor } from '@/lib/policy/policy';
import { roleInput } from './members';

export const staffInvitationDays = 7;

export const inviteStaffInput = z
  .object({
    name: z.string().trim().min(1, 'staffAdmin.errors.nameRequired').max(200, 'staffAdmin.errors.nameTooLong'),
    email: z.string().trim().toLowerCase().min(1, 'staffAdmin.errors.emailRequired').pipe(z.email('staffAdmin.errors.emailFormat').max(254, 'staffAdmin.errors.emailFormat')),
  })
  .and(roleInput);

export const acceptStaffInvitationInput = z.object({ newPassword: newPasswordField });

export type InviteStaffResult = { ok: true } | { ok: false; error: 'emailTaken' | 'unknownDepartment' | 'notFound' } | { ok: false; error: 'limited'; minutes: number };

export async function inviteStaff(
  administrator: Actor,
  input: z.infer<typeof inviteStaffInput>,
  { locale, portalUrl, now = new Date() }: { locale: string; portalUrl: string; now?: Date },
): Promise<InviteStaffResult> {
  if (!can(administrator, 'admin.staff')) return { ok: false, error: 'notFound' };
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { ok: false, error: 'emailTaken' };
  const department = input.departmentId ? await db.department.findUnique({ where: { id: input.departmentId } }) : null;
  if (input.departmentId && !department) return { ok: false, error: 'unknownDepartment' };
  // Each invitation is an email in the ministry's name: counted per administrator, sent or not.
  const minutes = await takeAllowance({ staffInvitationSender: administrator.id }, now);
  if (minutes) return { ok: false, error: 'limited', minutes };
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + staffInvitationDays * 86_400_000);
  await db.$transaction(async (tx) => {
    const invitation = await tx.staffInvitation.create({
      data: { email: input.email, name: input.name, role: input.role, departmentId: input.departmentId, tokenHash: digest(token), invitedById: administrator.id, expiresAt },
    });
    await notifyEmail(tx, { email: input.email, name: input.name, locale }, 'staff_invitation', {
      reference: '',
      // Where the person joins, in place of a service: their department, or the ministry.
      service: department ? { km: department.nameKm, en: department.nameEn } : { km: km.layout.ministry, en: en.layout.ministry },
      link: `${portalUrl}/${locale}/join-staff/${token}`,
      validUntil: phnomPenhDay(expiresAt),
    });
    await recordAdminAct(tx, {
      actorId: administrator.id,
      type: 'staff_invited',
      subject: `invitation:${invitation.id}`,
      data: { email: input.email, role: input.role, department: department?.code ?? null },
    });
  });
  return { ok: true };
}

export type StaffInvitationState = 'open' | 'expired' | 'used';

/** What a link's token opens: the invitation and whether it may still be accepted; null for an unknown token. */
export async function findStaffInvitation(token: string, now = new Date()) {
  if (!isLinkToken(token)) return null;
  const invitation = await db.staffInvitation.findUnique({
    where: { tokenHash: digest(token) },
    select: { id: true, name: true, email: true, role: true, expiresAt: true, acceptedAt: true, department: { select: { nameKm: true, nameEn: true } } },
  });
  if (!invitation) return null;
  const state: StaffInvitationState = invitation.acceptedAt ? 'used' : invitation.expiresAt <= now ? 'expired' : 'open';
  return { ...invitation, state };
}

export type AcceptStaffInvitationResult = { ok: true } | { ok: false; error: StaffInvitationState | 'notFound' | 'guessable' | 'emailTaken' };

/** Accepts an invitation once: the account, with the chosen password and the invited role. */
export async function acceptStaffInvitation(token: string, newPassword: string, locale: string, now = new Date()): Promise<AcceptStaffInvitationResult> {
  const found = await findStaffInvitation(token, now);
  if (!found) return { ok: false, error: 'notFound' };
  if (found.state !== 'open') return { ok: false, error: found.state };
  if (isGuessablePassword(newPassword, found.email)) return { ok: false, error: 'guessable' };
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    // Conditional on the link being unused and live: of two posts of one link, one creates the account.
    const taken = await tx.staffInvitation.updateMany({ where: { id: found.id, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (taken.count !== 1) return { ok: false, error: 'used' } as const;
    if (await tx.user.findUnique({ where: { email: found.email }, select: { id: true } })) return { ok: false, error: 'emailTaken' } as const;
    const invitation = await tx.staffInvitation.findUniqueOrThrow({ where: { id: found.id }, select: { role: true, departmentId: true, invitedById: true } });
    const user = await tx.user.create({
      // The link reached this address: it is proven.
      data: { name: found.name, email: found.email, emailVerifiedAt: now, passwordHash, locale: locale === 'en' ? 'en' : 'km', roles: { create: { role: invitation.role, departmentId: invitation.departmentId } } },
    });
    await recordAdminAct(tx, { actorId: user.id, type: 'staff_joined', subject: `user:${user.id}`, data: { invitation: found.id, invitedBy: invitation.invitedById, role: invitation.role } });
    return { ok: true } as const;
  });
}
