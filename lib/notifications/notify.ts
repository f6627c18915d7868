// Writing notifications: inside the transaction of the event that causes them, so that an
// event never goes untold and a rolled-back one is never told.
import type { Prisma } from '@/lib/db/generated/client';
import type { LocalizedText } from '@/lib/services/definition';

/** What a notification may tell, by kind; the worker renders it in the recipient's language. */
export interface NotificationData {
  reference: string;
  service: LocalizedText;
  /** The department's request, or the reason for a rejection; a licence's number. */
  message?: string;
  /** 'YYYY-MM-DD': a licence's last day of validity, written after the message in the recipient's language. */
  validUntil?: string;
  /** For an invitation: who invites, to which organisation, with which role, until when, where. */
  invitation?: { inviter: string; organisation: LocalizedText; role: 'owner' | 'manager' | 'viewer'; expires: string; link: string };
  /** The message's own link, in place of the application's (registration: finish, or sign in). */
  link?: string;
  /** A one-time code (password reset by SMS, a new address to verify). */
  code?: string;
  /** For staff told of a late stage: the level reached (per cent), the stage, its due day 'YYYY-MM-DD'. */
  escalation?: { level: 80 | 100 | 150; stage: LocalizedText; due: string };
}

/** The timeline events an applicant is told of, and the kind of notification each becomes. */
export const notifiedEvents = {
  submitted: 'submitted',
  info_requested: 'info_requested',
  approved: 'approved',
  rejected: 'rejected',
  issued: 'permit_issued',
  payment_received: 'payment_received',
  licence_revoked: 'licence_revoked',
} as const satisfies Record<string, NotificationKind>;

export type NotificationKind =
  | 'submitted' | 'info_requested' | 'approved' | 'rejected' | 'permit_issued' | 'licence_revoked' | 'payment_received' | 'permit_expiring' | 'invitation'
  | 'registration_link' | 'registration_taken' | 'password_reset_link' | 'password_reset_code' | 'contact_code'
  | 'complaint_received' | 'complaint_answered' | 'stage_escalated' | 'staff_invitation';

/** Kinds told to staff: their link opens the file on the staff side, not the applicant's. */
export const staffNotificationKinds: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['stage_escalated']);

export async function notify(
  tx: Prisma.TransactionClient,
  userId: string,
  applicationId: string | null,
  kind: NotificationKind,
  data: NotificationData,
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, phone: true, emailVerifiedAt: true, phoneVerifiedAt: true } });
  // Only proven addresses: a mistyped or someone else's address must not receive a person's notices.
  const deliveries = [
    ...(user.email && user.emailVerifiedAt ? [{ channel: 'email' as const, address: user.email }] : []),
    ...(user.phone && user.phoneVerifiedAt ? [{ channel: 'sms' as const, address: user.phone }] : []),
  ];
  await tx.notification.create({
    data: { userId, applicationId, kind, data: data as unknown as Prisma.InputJsonObject, deliveries: { create: deliveries } },
  });
}

/**
 * Tells someone who may have no account yet (an invitee), by email, in the language of the
 * person who wrote to them; their name and language travel in the notification's data.
 */
export async function notifyEmail(
  tx: Prisma.TransactionClient,
  recipient: { email: string; name: string; locale: string },
  kind: NotificationKind,
  data: NotificationData,
): Promise<void> {
  await notifyContact(tx, { channel: 'email', address: recipient.email, name: recipient.name, locale: recipient.locale }, kind, data);
}

/** Tells someone without an account (an invitee, a person registering) on one channel. */
export async function notifyContact(
  tx: Prisma.TransactionClient,
  recipient: { channel: 'email' | 'sms'; address: string; name: string; locale: string },
  kind: NotificationKind,
  data: NotificationData,
): Promise<void> {
  await tx.notification.create({
    data: {
      kind,
      data: { ...data, recipient: { name: recipient.name, locale: recipient.locale } } as unknown as Prisma.InputJsonObject,
      deliveries: { create: { channel: recipient.channel, address: recipient.address } },
    },
  });
}
