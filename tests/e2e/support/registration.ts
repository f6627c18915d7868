import type { Page } from '@playwright/test';
import { expect, sql } from './fixtures';
import { receivedMail } from './mail';

const finishButton = { en: 'Create my account', km: 'បង្កើតគណនីរបស់ខ្ញុំ' };
const accountHeading = { en: 'Your applications', km: 'ពាក្យស្នើសុំរបស់អ្នក' };

/**
 * The link that finishes a registration, as its owner receives it: by email through the run's
 * SMTP server, or (a mobile number; text messages are only logged here) from the outbox.
 */
export async function registrationLink(identifier: string): Promise<string> {
  if (identifier.includes('@')) {
    const mail = await receivedMail(identifier, 30_000, (m) => /\/register\/finish\//.test(m.text ?? ''));
    return mail.text!.match(/https?:\/\/\S+\/register\/finish\/[\w-]+/)![0];
  }
  const phone = `+855${identifier.replace(/\D/g, '').replace(/^(855|0)/, '')}`;
  const [row] = await sql<{ link: string }>(
    `select n.data->>'link' as link from "Notification" n join "NotificationDelivery" d on d."notificationId" = n.id
     where d.address = $1 and n.kind = 'registration_link' order by n."createdAt" desc limit 1`,
    [phone],
  );
  return row!.link;
}

/** Follows the registration's link (on the address the test reaches the portal by) and makes the account. */
export async function finishRegistration(page: Page, identifier: string, locale: 'en' | 'km' = 'en'): Promise<void> {
  const link = new URL(await registrationLink(identifier));
  await page.goto(link.pathname);
  await page.getByRole('button', { name: finishButton[locale] }).click();
  await expect(page.getByRole('heading', { level: 1, name: accountHeading[locale] })).toBeVisible();
}
