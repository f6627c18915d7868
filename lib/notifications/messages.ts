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
const closingLine = { invitation: 'invitationLink', registration_link: 'registrationLink', registration_taken: 'signInLink', password_reset_link: 'resetLink' } as const;
// Messages that carry a code and no link.
const withoutLink: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['password_reset_code', 'contact_code']);

export function renderNotification(
  kind: NotificationKind,
  data: NotificationData,
  recipient: { name: string; locale: string },
  link: string,
): RenderedNotification {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'km';
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'notifications', timeZone });
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
  };
  return {
    subject: t(`${kind}.subject`, values),
    text: [
      t('greeting', values),
      t(`${kind}.body`, values),
      message ? `\n${message}` : '',
      withoutLink.has(kind) ? '' : `\n${t(closingLine[kind as keyof typeof closingLine] ?? 'link', values)}`,
      `\n${t('signature')}`,
    ].filter(Boolean).join('\n'),
    sms: t(`${kind}.sms`, values),
  };
}
