import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * The email the portal's worker sent to `to`, as the run's SMTP server on loopback received it
 * (global-setup.ts writes each accepted message to E2E_MAIL_DIR), the first that `match` accepts.
 * Waits for it to arrive.
 */
export async function receivedMail(to: string, timeoutMs = 30_000, match: (mail: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
  const folder = process.env.E2E_MAIL_DIR!;
  const find = async () => {
    for (const file of await readdir(folder)) {
      const mail = await simpleParser(await readFile(path.join(folder, file)));
      const recipients = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
      if (recipients.includes(to.toLowerCase()) && match(mail)) return mail;
    }
    return null;
  };
  let found: ParsedMail | null = null;
  await expect.poll(async () => (found = await find()), { message: `an email to ${to} reaches the SMTP server`, timeout: timeoutMs }).not.toBeNull();
  return found!;
}
