import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';

/**
 * The text of the newest SMS the portal's worker sent to `to` (E.164, +855...) that `match`
 * accepts. With no SMS gateway configured the worker's SMS transport writes each message to its
 * log (lib/notifications/transports.ts), which global-setup.ts keeps in E2E_WORKER_LOG. Waits
 * for it to arrive.
 */
export async function receivedSms(to: string, match: (text: string) => boolean = () => true, timeoutMs = 30_000): Promise<string> {
  const prefix = `[sms] to ${to}: `;
  const find = async () =>
    (await readFile(process.env.E2E_WORKER_LOG!, 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .map((line) => line.slice(prefix.length))
      .findLast(match) ?? null;
  let found: string | null = null;
  await expect.poll(async () => (found = await find()), { message: `a text message to ${to} is sent`, timeout: timeoutMs }).not.toBeNull();
  return found!;
}
