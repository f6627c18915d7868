import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import { noticeExpiringLicences } from '@/lib/licences/expiry';
import { notify } from '@/lib/notifications/notify';
import { smtpSender } from '@/lib/notifications/transports';
import { deliverDue, retryDelayMs } from '@/lib/notifications/worker';
import type { Actor } from '@/lib/policy/policy';
import { perform } from '@/lib/workflow/machine';
import { filedApplication, newCitizen, newStaff } from './support/applicants';
import { startMailbox, type Mailbox } from './support/mailbox';
import { createLogger } from '@/lib/operations/log';

let mailbox: Mailbox;
const texts: string[] = [];
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(() => mailbox.close());

const worker = () => ({
  senders: { email: smtpSender(mailbox.url), sms: { send: async (to: string, text: string) => void texts.push(`${to}: ${text}`) } },
  portalUrl: 'https://e-services.example',
  log: createLogger(undefined, 'silent'),
});

/** Runs the worker until the outbox has nothing due. */
async function drain() {
  while ((await deliverDue(worker())) > 0);
}

async function citizen(locale: 'km' | 'en', phone?: string): Promise<Actor & { email: string }> {
  const actor = await newCitizen();
  const user = await db.user.update({ where: { id: actor.id }, data: { locale, phone, phoneVerifiedAt: phone ? new Date() : null } });
  return { ...actor, email: user.email! };
}

const mailTo = (address: string) => mailbox.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);

test('submitting sends the applicant an email in their own language, and an SMS to a mobile number', async () => {
  const khmer = await citizen('km', `+8551${Date.now().toString().slice(-7)}`);
  const english = await citizen('en');
  const [km, en] = [await filedApplication(khmer), await filedApplication(english)];
  const references = await db.application.findMany({ where: { id: { in: [km, en] } }, select: { id: true, reference: true } });
  const ref = (id: string) => references.find((r) => r.id === id)!.reference!;
  await drain();

  const [khmerMail] = mailTo(khmer.email);
  expect(khmerMail?.subject).toBe(`បានទទួលពាក្យស្នើសុំ ${ref(km)}`);
  expect(khmerMail?.text).toContain('យើងបានទទួលពាក្យស្នើសុំ ការបន្តសុពលភាពប័ណ្ណបើកបរ');
  expect(khmerMail?.text).toContain(`https://e-services.example/km/applications/${km}`);
  const [englishMail] = mailTo(english.email);
  expect(englishMail?.subject).toBe(`Application ${ref(en)} received`);
  expect(englishMail?.text).toContain('Dear Test Citizen,');
  expect(englishMail?.text).toContain(`We have received your application for Renew a driving licence. Its reference is ${ref(en)}.`);
  expect(texts.filter((t) => t.includes(ref(km)))).toHaveLength(1);
  expect(texts.find((t) => t.includes(ref(km)))).toContain('MPWT៖ យើងបានទទួលពាក្យស្នើសុំ');
  // Sent is sent: nothing goes out twice.
  await drain();
  expect(mailTo(english.email)).toHaveLength(1);
});

test('a request for information and a rejection tell the applicant what the department wrote', async () => {
  const applicant = await citizen('en');
  const id = await filedApplication(applicant);
  const clerk = await newStaff('clerk', 'land-transport');
  const open = async () => (await findApplication(clerk, id, 'application.view'))!;
  let file = await open();
  await perform(clerk, file, 'requestInfo', { message: 'Upload a photo taken in the last six months.' }, file.version);
  file = await open();
  await perform(applicant, (await findApplication(applicant, id, 'application.view'))!, 'resubmit', {}, file.version);
  file = await open();
  await perform(clerk, file, 'reject', { reason: 'The licence was revoked by a court.' }, file.version);
  await drain();

  const subjects = mailTo(applicant.email).map((m) => m.subject);
  expect(subjects).toEqual([expect.stringMatching(/received$/), expect.stringMatching(/: more information is needed$/), expect.stringMatching(/ rejected$/)]);
  expect(mailTo(applicant.email)[1]!.text).toContain('Upload a photo taken in the last six months.');
  expect(mailTo(applicant.email)[2]!.text).toContain('The reason given:\n\nThe licence was revoked by a court.');
});

test('a failed send is retried later with backoff, and given up after the last attempt', async () => {
  const applicant = await citizen('en');
  await filedApplication(applicant);
  const failing = { ...worker(), senders: { ...worker().senders, email: { send: async () => Promise.reject(new Error('mailbox unavailable')) } } };
  await deliverDue(failing);
  const [delivery] = await db.notificationDelivery.findMany({ where: { address: applicant.email } });
  expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: 'mailbox unavailable' });
  expect(delivery!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(20_000);
  expect([1, 2, 3, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  await db.notificationDelivery.update({ where: { id: delivery!.id }, data: { attempts: 7, nextAttemptAt: new Date(0) } });
  await deliverDue(failing);
  expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: 'failed', attempts: 8 });
});

test('a worker killed while sending delivers the notification after restart, exactly once', async () => {
  const applicant = await citizen('en');
  // Deliver everything else first, so that the stalled message is this applicant's.
  await drain();
  await filedApplication(applicant);
  const start = (): Promise<ChildProcess> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../lib/cli/worker.ts')], {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl'), SMTP_URL: mailbox.url, WORKER_LEASE_MS: '1000', NEXTAUTH_URL: 'https://e-services.example' },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      child.once('message', () => resolve(child));
    });

  const stalled = mailbox.stallNext();
  const first = await start();
  await stalled;
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  expect(mailTo(applicant.email)).toHaveLength(0);

  const second = await start();
  await expect.poll(() => mailTo(applicant.email).length, { timeout: 15_000 }).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  second.kill('SIGTERM');
  await new Promise((resolve) => second.once('exit', resolve));
  expect(mailTo(applicant.email)).toHaveLength(1);
  const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { address: applicant.email } });
  expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
  expect(mailTo(applicant.email)[0]!.messageId).toBe(`<${delivery.id}@e-services.mpwt.gov.kh>`);
});

test('a worker told to stop while sending finishes that message, records it sent and exits 0', async () => {
  const applicant = await citizen('en');
  await drain();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../lib/cli/worker.ts')], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), SMTP_URL: mailbox.url, NEXTAUTH_URL: 'https://e-services.example' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise((resolve) => child.once('message', resolve));
  const held = mailbox.holdNext();
  await filedApplication(applicant);
  const { release } = await held; // the worker is mid-send
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(child.exitCode).toBeNull(); // still finishing
  release();
  expect(await exited).toBe(0);
  expect(mailTo(applicant.email)).toHaveLength(1);
  const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { address: applicant.email } });
  expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
});

test('every kind of notification is sent by email in Khmer and in English', async () => {
  const data = { reference: 'CP-2026-009999', service: { km: 'លិខិតអនុញ្ញាតសាងសង់', en: 'Construction permit' }, message: 'Details.' };
  const expected = {
    km: {
      submitted: 'បានទទួលពាក្យស្នើសុំ CP-2026-009999',
      info_requested: 'CP-2026-009999៖ ត្រូវការព័ត៌មានបន្ថែម',
      approved: 'CP-2026-009999 ត្រូវបានអនុម័ត',
      rejected: 'CP-2026-009999 ត្រូវបានបដិសេធ',
      payment_received: 'CP-2026-009999៖ បានទទួលការបង់ប្រាក់',
      permit_issued: 'លិខិតអនុញ្ញាតសាងសង់ របស់អ្នករួចរាល់ហើយ៖ CP-2026-009999',
      permit_expiring: 'លិខិតអនុញ្ញាតសាងសង់ របស់អ្នកជិតផុតសុពលភាព',
      licence_revoked: 'CP-2026-009999៖ ឯកសាររបស់អ្នកត្រូវបានដកហូត',
    },
    en: {
      submitted: 'Application CP-2026-009999 received',
      info_requested: 'CP-2026-009999: more information is needed',
      approved: 'CP-2026-009999 approved',
      rejected: 'CP-2026-009999 rejected',
      payment_received: 'CP-2026-009999: payment received',
      permit_issued: 'Your Construction permit is ready: CP-2026-009999',
      permit_expiring: 'Your Construction permit expires soon',
      licence_revoked: 'CP-2026-009999: your document was revoked',
    },
  } as const;
  for (const locale of ['km', 'en'] as const) {
    const person = await citizen(locale);
    for (const kind of Object.keys(expected[locale]) as (keyof (typeof expected)['en'])[]) {
      await db.$transaction((tx) => notify(tx, person.id, null, kind, data));
    }
    await drain();
    expect(mailTo(person.email).map((m) => m.subject)).toEqual(Object.values(expected[locale]));
    expect(mailTo(person.email).every((m) => m.text?.includes('Details.'))).toBe(true);
  }
});

test('a licence that expires within a month gets one notice', async () => {
  const holder = await citizen('en');
  const id = await filedApplication(holder);
  const clerk = await newStaff('clerk', 'land-transport');
  const file = (await findApplication(clerk, id, 'application.view'))!;
  await perform(clerk, file, 'finalApprove', {}, file.version);
  const soon = new Date(Date.now() + 10 * 86_400_000);
  await db.licence.update({ where: { applicationId: id }, data: { validUntil: new Date(soon.toISOString().slice(0, 10)) } });
  expect(await noticeExpiringLicences()).toBeGreaterThanOrEqual(1);
  expect(await noticeExpiringLicences()).toBe(0);
  await drain();
  expect(mailTo(holder.email).map((m) => m.subject)).toContain('Your Driving licence expires soon');
});
