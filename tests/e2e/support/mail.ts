import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * The email the portal's worker sent to `to`, as the run's SMTP server on loopback received it
 * (global-setup.ts writes each accepted message to E2E_MAIL_DIR), the first that `match` accepts.
 * Waits for it to arrive.
 */
export async function receivedMail(to: string, timeoutMs = 30_000, match: (mail: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
  const folder = process.env.E2E_MAIL_DIR!;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const file of await readdir(folder)) {
      const mail = await simpleParser(await readFile(path.join(folder, file)));
      const recipients = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
      if (recipients.includes(to.toLowerCase()) && match(mail)) return mail;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No email to ${to} reached the SMTP server within ${timeoutMs / 1000} s`);
}
