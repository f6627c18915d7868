// A notification in words, in the recipient's language, from the same message files as the
// pages (namespace "notifications").
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { formatDay } from '@/lib/i18n/format';
import { isLocale, timeZone, type Locale } from '@/lib/i18n/routing';
import type { NotificationData, NotificationKind } from './notify';

export interface RenderedNotification {
  subject: string;
  text: string;
  sms: string;
}

const messages = { en, km };

// The line with the link at the end of an email, where it is not "see your application".
const closingLine = {
  invitation: 'invitationLink', registration_link: 'registrationLink', registration_taken: 'signInLink', password_reset_link: 'resetLink',
  complaint_received: 'complaintLink', complaint_answered: 'complaintLink',
} as const;
// Messages that carry a code and no link.
const withoutLink: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['password_reset_code', 'contact_code']);
// Kinds whose words (subject, body, sms and the link line) live in their feature's own namespace.
const homes: Partial<Record<NotificationKind, string>> = { stage_escalated: 'escalation.notification', staff_invitation: 'staffAdmin.notification' };

export function renderNotification(
  kind: NotificationKind,
  data: NotificationData,
  recipient: { name: string; locale: string },
  link: string,
): RenderedNotification {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'km';
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'notifications', timeZone });
  const all = createTranslator({ locale, messages: messages[locale], timeZone });
  const home = homes[kind];
  const own = (key: 'subject' | 'body' | 'sms', values: Record<string, string>) => (home ? all(`${home}.${key}` as 'meta.title', values) : t(`${kind}.${key}` as 'greeting', values));
  const invitation = data.invitation;
  // Dates travel as 'YYYY-MM-DD' and are written in the recipient's language, as the pages write them.
  const message = [data.message, data.validUntil ? formatDay(data.validUntil, locale) : null].filter(Boolean).join(': ');
  const values = {
    name: recipient.name,
    reference: data.reference,
    service: data.service[locale],
    message,
    link: invitation?.link ?? data.link ?? link,
    inviter: invitation?.inviter ?? '',
    organisation: invitation?.organisation[locale] ?? '',
    role: invitation ? t(`roles.${invitation.role}`) : '',
    expires: invitation ? formatDay(invitation.expires, locale) : '',
    code: data.code ?? '',
    level: data.escalation ? String(data.escalation.level) : '',
    stage: data.escalation?.stage[locale] ?? '',
    due: data.escalation ? formatDay(data.escalation.due, locale) : '',
  };
  const closing = home ? all(`${home}.link` as 'meta.title', values) : t(closingLine[kind as keyof typeof closingLine] ?? 'link', values);
  return {
    subject: own('subject', values),
    text: [
      t('greeting', values),
      own('body', values),
      message ? `\n${message}` : '',
      withoutLink.has(kind) ? '' : `\n${closing}`,
      `\n${t('signature')}`,
    ].filter(Boolean).join('\n'),
    sms: own('sms', values),
  };
}
