// How notifications leave the portal. Email goes through nodemailer over SMTP (SMTP_URL); with
// no SMTP_URL (the demo) each message is written as an .eml file to .data/mail instead. SMS
// goes to an HTTP gateway (SMS_GATEWAY_URL) or, in the demo, to the worker's log.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per delivery, so a receiver can tell a resend from a new message. */
  messageId: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

const from = () => process.env.MAIL_FROM ?? 'MPWT e-Services <no-reply@e-services.mpwt.gov.kh>';

export function smtpSender(url: string): EmailSender {
  // Pooled unless the URL says otherwise (?pool=false): one connection carries many messages,
  // instead of a new handshake per message, which decides how fast a backlog drains.
  const pooled = new URL(url);
  if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(pooled.toString());
  return {
    async send(message) {
      await transport.sendMail({ from: from(), to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
    },
  };
}

/** The demo's mailbox: each message as an .eml file any mail program opens. */
export function folderSender(folder: string): EmailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: from(), to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, `${message.messageId.replace(/[<>@]/g, '')}.eml`), info.message as Buffer);
    },
  };
}

/**
 * An SMS gateway that takes `POST {to, text}` as JSON with a bearer token (SMS_GATEWAY_URL,
 * SMS_GATEWAY_TOKEN): the shape of the Cambodian operators' bulk-SMS HTTP APIs; adapt the body
 * here for a particular provider.
 */
export function httpSmsSender(url: string, token: string | undefined): SmsSender {
  return {
    async send(to, text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

export function loggingSmsSender(log: (line: string) => void = console.log): SmsSender {
  return {
    async send(to, text) {
      log(`[sms] to ${to}: ${text}`);
    },
  };
}

/** The senders the environment configures (README: SMTP_URL, SMS_GATEWAY_URL). */
export function configuredSenders(dataDir: string): { email: EmailSender; sms: SmsSender } {
  return {
    email: process.env.SMTP_URL ? smtpSender(process.env.SMTP_URL) : folderSender(path.join(dataDir, 'mail')),
    sms: process.env.SMS_GATEWAY_URL ? httpSmsSender(process.env.SMS_GATEWAY_URL, process.env.SMS_GATEWAY_TOKEN) : loggingSmsSender(),
  };
}
