// Fault test of the cluster (issue 17, "Done means"): two app instances, two notification workers
// and the lookup server behind HAProxy (its configuration from lib/operations/haproxy.ts, as
// `npm run cluster` writes it), on one PostgreSQL and the loopback S3 server, the tests'
// production build. A mixed load runs through the proxy for a minute: people register (by the
// link emailed to them), citizens upload a document, file their application and (every second
// one) pay at the sandbox bank, clerks take the next file and approve it, other systems track
// applications. Mid-run one instance and one worker are killed with SIGKILL. The instance is
// started again ten seconds later, as `npm run cluster` would; the worker is not, so the other
// one must finish its leased messages. Afterwards the invariants a person would notice are
// checked; then a rolling restart (SIGTERM, one instance at a time) must fail no request.
// Citizens, clerks and drafts are written to the database directly, to keep the load on the
// steps that matter. The figures printed are the lead's to report; nothing here asserts a speed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { sealSecret } from '@/lib/auth/sealed-secret';
import { PrismaClient } from '@/lib/db/generated/client';
import { haproxyConfig } from '@/lib/operations/haproxy';
import { demoAuthenticatorKey, seedReferenceData } from '@/prisma/seed';
import { startMailbox, type Mailbox } from '../integration/support/mailbox';
import { renewalAnswers } from '../support/answers';
import { startS3Server, type TestS3Server } from '../support/s3-server';
import { formWith, signInOverHttp } from '../support/sign-in-over-http';
import { productionSecrets, requireTestBuild, testBuildEnv } from '../support/test-build';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';

const projectDir = path.resolve(import.meta.dirname, '../..');
const proxyPort = 3700;
const lookupPort = 3701;
const appPorts = [3711, 3712];
const proxyUrl = `http://127.0.0.1:${proxyPort}`;
const appUrl = (i: number) => `http://127.0.0.1:${appPorts[i]}`;
const secret = 'cluster-fault-test-secret-of-the-portal';
const password = 'cluster test password';
const citizens = 5;
const draftsPerCitizen = 150;
const clerks = 3;
const trackers = 2;
const loadSeconds = 62;
const killAtSeconds = 20;
const restartAfterSeconds = 10;

let postgres: TestPostgres;
let databaseUrl = '';
let s3: TestS3Server;
let mailbox: Mailbox;
let db: PrismaClient;
let logDir = '';
// The processes' output (one file each) stays for reading when something failed.
let keepLogs = true;
let commonEnv = {} as NodeJS.ProcessEnv;
const apps: (ChildProcess | undefined)[] = [];
const workers: ChildProcess[] = [];
const others: ChildProcess[] = [];

interface Citizen {
  email: string;
  cookie: string;
  drafts: string[];
}
const people: Citizen[] = [];
const clerkCookies: { email: string; id: string; cookie: string }[] = [];

/** One of lib/cli's processes on the tests' build, its output in the run's log folder. */
function startScript(file: string, name: string, env: NodeJS.ProcessEnv, args: string[] = []): ChildProcess {
  const out = openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli', file), ...args], { cwd: projectDir, env, stdio: ['ignore', out, out] });
  closeSync(out);
  return child;
}

async function until(what: string, check: () => Promise<boolean>, seconds = 90): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} within ${seconds} s (logs in ${logDir})`);
}

const healthy = (url: string) => until(`${url}/api/health answers`, async () => (await fetch(`${url}/api/health`)).ok);

async function startApp(i: number): Promise<void> {
  apps[i] = startScript('app-server.ts', `app${i + 1}`, commonEnv, ['--port', String(appPorts[i]), '--hostname', '127.0.0.1']);
  await healthy(appUrl(i));
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

beforeAll(async () => {
  requireTestBuild();
  logDir = await mkdtemp(path.join(tmpdir(), 'portal-cluster-'));
  [postgres, s3, mailbox] = await Promise.all([startTestPostgres(), startS3Server(), startMailbox()]);
  databaseUrl = await postgres.createMigratedDatabase('portal_cluster');
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seedReferenceData(db);

  const version = await db.serviceVersion.findFirstOrThrow({ where: { service: { code: 'driving-licence-renewal' } }, orderBy: { createdAt: 'desc' } });
  const landTransport = await db.department.findUniqueOrThrow({ where: { code: 'land-transport' } });
  const passwordHash = await hashPassword(password);
  for (let c = 0; c < clerks; c++) {
    const email = `cluster-clerk-${c}@example.gov.kh`;
    const clerk = await db.user.create({ data: { name: `Clerk ${c}`, email, emailVerifiedAt: new Date(), passwordHash, roles: { create: { role: 'clerk', departmentId: landTransport.id } } } });
    await db.staffSecondFactor.create({ data: { userId: clerk.id, sealedSecret: sealSecret(demoAuthenticatorKey, secret), confirmedAt: new Date() } });
    clerkCookies.push({ email, id: clerk.id, cookie: '' });
  }
  // Each citizen's drafts have their answers and three of the four documents; the photo is
  // uploaded during the run. Their email is proven, so each filing and decision is emailed.
  for (let c = 0; c < citizens + 1; c++) {
    const email = `cluster-${c}-${randomUUID()}@example.com`;
    const user = await db.user.create({ data: { name: `Citizen ${c}`, email, emailVerifiedAt: new Date(), passwordHash, roles: { create: { role: 'citizen' } } } });
    const drafts = Array.from({ length: draftsPerCitizen }, () => randomUUID());
    await db.application.createMany({ data: drafts.map((id) => ({ id, serviceId: version.serviceId, serviceVersionId: version.id, applicantId: user.id, answers: renewalAnswers })) });
    await db.document.createMany({
      data: drafts.flatMap((applicationId) =>
        ['current-licence', 'national-id', 'medical-certificate'].map((key) => ({
          applicationId, requirementKey: key, fileName: `${key}.pdf`, contentType: 'application/pdf', sizeBytes: 10,
          sha256: '0'.repeat(64), storageKey: `${applicationId}/${randomUUID()}`, uploadedById: user.id,
        })),
      ),
    });
    people.push({ email, cookie: '', drafts });
  }

  commonEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    ...testBuildEnv,
    ...productionSecrets(), // one set for every instance: a licence signed by one verifies on the other
    ...s3.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: proxyUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    TRUSTED_PROXIES: '127.0.0.1',
    DATABASE_POOL_SIZE: '8',
    PAYMENT_SANDBOX: '1',
  };
  // A short lease: the killed worker's messages go to the other one within seconds.
  const workerEnv = { ...commonEnv, SMTP_URL: mailbox.url, WORKER_LEASE_MS: '8000' };
  for (let w = 0; w < 2; w++) workers.push(startScript('worker.ts', `worker${w + 1}`, workerEnv));
  others.push(startScript('lookup-server.ts', 'lookup', { ...commonEnv, LOOKUP_PORT: String(lookupPort), LOOKUP_HOST: '127.0.0.1' }));
  await Promise.all(appPorts.map((_, i) => startApp(i)));

  const config = path.join(logDir, 'haproxy.cfg');
  await writeFile(config, haproxyConfig({ listen: { host: '127.0.0.1', port: proxyPort }, apps: appPorts.map((port) => ({ host: '127.0.0.1', port })), lookup: { host: '127.0.0.1', port: lookupPort } }));
  const out = openSync(path.join(logDir, 'haproxy.log'), 'a');
  others.push(spawn('/usr/sbin/haproxy', ['-W', '-db', '-f', config], { stdio: ['ignore', out, out] }));
  closeSync(out);
  // The proxy counts an instance in after two good health checks a second apart.
  await healthy(proxyUrl);
  await new Promise((r) => setTimeout(r, 3_000));

  // Everyone signs in through the proxy, by the portal's own forms.
  for (const person of people) person.cookie = await signInOverHttp(proxyUrl, person.email, password);
  for (const clerk of clerkCookies) clerk.cookie = await signInOverHttp(proxyUrl, clerk.email, password, { authenticatorKey: demoAuthenticatorKey });
  keepLogs = false;
}, 240_000);

afterAll(async () => {
  await Promise.all([...others, ...workers, ...apps].map((child) => stop(child, 'SIGKILL')));
  await db?.$disconnect();
  await Promise.all([s3?.close(), mailbox?.close(), postgres?.stop()]);
  if (keepLogs) console.log(`The cluster's logs: ${logDir}`);
  else if (logDir) await rm(logDir, { recursive: true, force: true });
}, 60_000);

const decode = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const tryAgain = /Try again|try again/;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300);

/**
 * The hidden fields (its server action's) of the form that holds `marker`, or with `after`, of
 * the first form after it.
 */
function formAt(html: string, marker: string, { after = false } = {}): FormData {
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)];
  const form = after ? forms.find((f) => f.index > html.indexOf(marker))?.[0] : forms.find((f) => f[0].includes(marker))?.[0];
  if (html.indexOf(marker) < 0 || !form) throw new Error(`no form at ${marker}: ${text(html)}`);
  const body = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    if (name && /\btype="hidden"/.test(input[0])) body.append(decode(name), decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? ''));
  }
  return body;
}

// What the clients saw, for the checks afterwards.
type Outcome = 'confirmed' | 'try-again' | 'unclear';
const unclearAnswers: string[] = [];
let loadStarted = 0;
const unclear = (what: string): Outcome => {
  unclearAnswers.push(`${((Date.now() - loadStarted) / 1000).toFixed(1)} s: ${what.slice(0, 300)}`);
  return 'unclear';
};
const pageTimes: number[] = [];
const errors = { register: 0, upload: 0, submit: 0, pay: 0, claim: 0, decide: 0, track: 0 };
let reloaded = 0;
let resent = 0;

/**
 * fetch, as a browser sends a request. HAProxy answers a request whose instance died before
 * answering with its "try again" page on a new client connection, but on a kept-alive one it
 * closes the connection without a word, so that the client sends the request again: browsers do
 * (Chromium and Firefox, once, whatever the method). So does this; the portal must then still
 * file a submission once, though the dead instance may have filed it already.
 */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  // A form's post names the page's origin, which the portal checks.
  const headers = { ...(init.headers as Record<string, string>), ...(init.method === 'POST' ? { origin: new URL(url).origin } : {}) };
  try {
    return await fetch(url, { redirect: 'manual', ...init, headers });
  } catch (error) {
    if (!/other side closed/.test(String((error as Error).cause))) throw error;
    resent++;
    return fetch(url, { redirect: 'manual', ...init, headers });
  }
}

/**
 * A timed GET of a page. A page cut off mid-way (its instance was killed while sending it) is
 * loaded again, as a person would; a GET changes nothing.
 */
async function page(url: string, cookie: string, reload = true): Promise<Response & { html: string }> {
  const started = performance.now();
  try {
    const response = await send(url, { headers: { cookie } });
    const html = await response.text();
    pageTimes.push(performance.now() - started);
    return Object.assign(response, { html });
  } catch (error) {
    if (!reload) throw error;
    reloaded++;
    return page(url, cookie, false);
  }
}

/** A photo as a browser without JavaScript posts it from the documents page's form. */
async function upload(base: string, cookie: string, id: string, bytes: Buffer): Promise<Outcome> {
  try {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'photo.pdf');
    const response = await send(`${base}/en/applications/${id}/documents/upload?document=photo`, { method: 'POST', body, headers: { cookie } });
    const answer = await response.text();
    if (response.status === 303 && response.headers.get('location')?.endsWith('uploaded=photo')) return 'confirmed';
    return tryAgain.test(answer) ? 'try-again' : unclear(`upload ${response.status} ${response.headers.get('location')} ${text(answer)}`);
  } catch (error) {
    return unclear(`upload: network ${(error as Error).message} ${String((error as Error).cause)}`);
  }
}

/** The check page, its declaration ticked, submitted: as submit-during-restart.test.ts does. */
async function submit(id: string, cookie: string, { render = proxyUrl, post = proxyUrl } = {}): Promise<Outcome> {
  try {
    const check = await page(`${render}/en/applications/${id}/check`, cookie);
    if (check.status === 307 || check.status === 303) return 'confirmed'; // filed already: it sends them to it
    if (!check.ok || !check.html.includes('name="declaration"')) return tryAgain.test(check.html) ? 'try-again' : unclear(`check ${check.status} ${text(check.html)}`);
    const body = formWith(check.html, 'declaration', 'check');
    body.append('declaration', 'yes');
    const response = await send(`${post}/en/applications/${id}/check`, { method: 'POST', body, headers: { cookie } });
    const answer = await response.text();
    if (response.status === 303 && response.headers.get('location')?.endsWith('/submitted')) return 'confirmed';
    return tryAgain.test(answer) ? 'try-again' : unclear(`submit ${response.status} ${text(answer)}`);
  } catch (error) {
    return unclear(`submit: network ${(error as Error).message} ${String((error as Error).cause)}`);
  }
}

/** The fee, paid at the sandbox bank, which confirms it to the portal through the proxy as a bank would. */
async function pay(id: string, cookie: string): Promise<Outcome> {
  try {
    const bill = await page(`${proxyUrl}/en/applications/${id}/pay`, cookie);
    if (bill.status === 307 || bill.status === 303) return 'confirmed'; // paid already: it sends them to the application
    const number = /sandbox-bank\?bill=([^"&]+)/.exec(bill.html)?.[1];
    if (bill.status !== 200 || !number) return tryAgain.test(bill.html) ? 'try-again' : unclear(`pay ${bill.status} ${text(bill.html)}`);
    const bankUrl = `${proxyUrl}/en/sandbox-bank?bill=${number}`;
    const bank = await page(bankUrl, cookie);
    if (bank.status !== 200) return tryAgain.test(bank.html) ? 'try-again' : unclear(`bank ${bank.status} ${text(bank.html)}`);
    const response = await send(bankUrl, { method: 'POST', body: formAt(bank.html, decodeURIComponent(number)), headers: { cookie } });
    const answer = await response.text();
    const location = response.headers.get('location') ?? '';
    if (response.status === 303 && location.endsWith(`/applications/${id}?paid=1`)) return 'confirmed';
    // "Already paid": the first press was recorded but its answer lost (the browser sent it again,
    // a new payment to the sandbox bank). The person looks at the application: paid.
    if (response.status === 303 && location.endsWith('refused=already-paid')) {
      const again = await page(`${proxyUrl}/en/applications/${id}/pay`, cookie);
      return again.status === 307 ? 'confirmed' : unclear(`already paid, but the pay page answers ${again.status}`);
    }
    return tryAgain.test(answer) ? 'try-again' : unclear(`paid ${response.status} ${location} ${text(answer)}`);
  } catch (error) {
    return unclear(`pay: network ${(error as Error).message} ${String((error as Error).cause)}`);
  }
}

/** The registration form, filled in and sent: the portal emails a link to finish it. */
async function register(email: string): Promise<Outcome> {
  try {
    const form = await page(`${proxyUrl}/en/register`, '');
    if (form.status !== 200) return tryAgain.test(form.html) ? 'try-again' : unclear(`register ${form.status} ${text(form.html)}`);
    const body = formWith(form.html, 'identifier', 'register');
    for (const [name, value] of Object.entries({ name: 'New Citizen', identifier: email, password })) body.append(name, value);
    const response = await send(`${proxyUrl}/en/register`, { method: 'POST', body });
    const answer = await response.text();
    if (response.status === 303 && response.headers.get('location')?.endsWith('/register/sent?by=email')) return 'confirmed';
    return tryAgain.test(answer) ? 'try-again' : unclear(`registered ${response.status} ${text(answer)}`);
  } catch (error) {
    return unclear(`register: network ${(error as Error).message} ${String((error as Error).cause)}`);
  }
}

/** The link in the registration email, followed: its button makes the account and signs in. */
async function finishRegistration(email: string): Promise<Outcome> {
  let link = '';
  await until(`the registration email to ${email} arrives`, async () => {
    const mail = mailbox.messages.find((m) => [m.to ?? []].flat().some((a) => a.value.some((v) => v.address === email)) && /\/register\/finish\//.test(m.text ?? ''));
    link = /https?:\/\/\S+\/register\/finish\/[\w-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    return link !== '';
  }, 60);
  // Already used: the account was made by a request whose answer was lost (the browser sent it
  // again); the page says so and that its owner signs in, which they do.
  const used = async () => ((await page(link, '')).html.includes('already been used') && (await signInOverHttp(proxyUrl, email, password)) ? 'confirmed' : unclear(`${link} neither works nor says it was used`));
  try {
    const finish = await page(link, '');
    if (finish.html.includes('already been used')) return await used();
    if (finish.status !== 200) return tryAgain.test(finish.html) ? 'try-again' : unclear(`finish ${finish.status} ${text(finish.html)}`);
    const response = await send(link, { method: 'POST', body: formAt(finish.html, 'Create my account') });
    const answer = await response.text();
    const location = response.headers.get('location') ?? '';
    if (response.status === 303 && location.endsWith('/account?created=1')) return 'confirmed';
    if (response.status === 303 && link.endsWith(location)) return await used();
    return tryAgain.test(answer) ? 'try-again' : unclear(`finished ${response.status} ${location} ${text(answer)}`);
  } catch (error) {
    return unclear(`finish: network ${(error as Error).message} ${String((error as Error).cause)}`);
  }
}

/** Tries again as a person told to would, a few times, a second apart: it must then succeed. */
async function withRetries(act: () => Promise<Outcome>, counted: keyof typeof errors): Promise<Outcome> {
  let outcome = await act();
  for (let attempt = 0; outcome === 'try-again' && attempt < 8; attempt++) {
    errors[counted]++;
    await new Promise((r) => setTimeout(r, 1_000));
    outcome = await act();
  }
  return outcome === 'try-again' ? unclear(`${counted}: still "try again" after 8 tries`) : outcome;
}

const uploaded = new Map<string, { owner: Citizen; sha256: string }>();
const filed = new Set<string>();
const paid = new Set<string>();
const claimsSeen = new Map<string, string>(); // application → the clerk told it was theirs
const claimedTwice: string[] = [];
const approved = new Set<string>();
let submittedFirstTry = 0;
let tracked = 0;

async function citizenLoop(person: Citizen, deadline: number): Promise<void> {
  for (const id of person.drafts) {
    if (Date.now() >= deadline) return;
    const bytes = Buffer.from(`%PDF-1.4\n% photo of ${id} ${randomUUID()}\n%%EOF\n`);
    const stored = await withRetries(() => upload(proxyUrl, person.cookie, id, bytes), 'upload');
    if (stored !== 'confirmed') continue;
    uploaded.set(id, { owner: person, sha256: createHash('sha256').update(bytes).digest('hex') });
    let first = true;
    const outcome = await withRetries(async () => {
      const answer = await submit(id, person.cookie);
      if (first && answer === 'confirmed') submittedFirstTry++;
      first = false;
      return answer;
    }, 'submit');
    if (outcome !== 'confirmed') continue;
    filed.add(id);
    // Every second applicant pays the fee straight away.
    if (filed.size % 2 === 0 && (await withRetries(() => pay(id, person.cookie), 'pay')) === 'confirmed') paid.add(id);
  }
}

const registered = new Set<string>();

/** New people register one after another (fewer than the hourly allowance of one address). */
async function registrationLoop(deadline: number): Promise<void> {
  for (let n = 0; n < 30 && Date.now() < deadline; n++) {
    const email = `cluster-new-${n}-${randomUUID()}@example.com`;
    if ((await withRetries(() => register(email), 'register')) !== 'confirmed') continue;
    if ((await withRetries(() => finishRegistration(email), 'register')) === 'confirmed') registered.add(email);
  }
}

const pause = (ms = 500) => new Promise((r) => setTimeout(r, ms));

async function clerkLoop(clerk: (typeof clerkCookies)[number], deadline: number): Promise<void> {
  for (let first = true; Date.now() < deadline; first = false) {
    if (!first) await pause();
    try {
      const queue = await page(`${proxyUrl}/en/staff`, clerk.cookie);
      if (queue.status !== 200) {
        errors.claim++;
        continue;
      }
      const claim = await send(`${proxyUrl}/en/staff`, { method: 'POST', body: formAt(queue.html, 'aria-describedby="claim-hint"'), headers: { cookie: clerk.cookie } });
      await claim.text();
      const location = claim.headers.get('location') ?? '';
      const id = /\/staff\/applications\/([0-9a-f-]{36})\?done=claim/.exec(location)?.[1];
      if (!id) {
        if (!location.includes('claim=none')) errors.claim++;
        continue;
      }
      const holder = claimsSeen.get(id);
      if (holder && holder !== clerk.id) claimedTwice.push(id);
      claimsSeen.set(id, clerk.id);
      // Approve: the decision, then its confirmation step, as the page renders them without JavaScript.
      const fileUrl = `${proxyUrl}/en/staff/applications/${id}`;
      const file = await page(fileUrl, clerk.cookie);
      if (file.status !== 200) {
        errors.decide++;
        continue;
      }
      const decide = await send(fileUrl, { method: 'POST', body: formAt(file.html, 'id="step-finalApprove-title"', { after: true }), headers: { cookie: clerk.cookie } });
      const confirmPage = await decide.text();
      if (decide.status !== 200 || !confirmPage.includes('name="confirmed"')) {
        errors.decide++;
        continue;
      }
      const confirmed = await send(fileUrl, { method: 'POST', body: formWith(confirmPage, 'confirmed', fileUrl), headers: { cookie: clerk.cookie } });
      await confirmed.text();
      if (confirmed.status === 303 && confirmed.headers.get('location')?.endsWith('done=finalApprove')) approved.add(id);
      else errors.decide++;
    } catch {
      errors.decide++;
    }
  }
}

async function trackerLoop(deadline: number): Promise<void> {
  let known: { reference: string | null; trackingCode: string | null }[] = [];
  let refreshed = 0;
  while (Date.now() < deadline) {
    if (Date.now() - refreshed > 3_000) {
      known = await db.application.findMany({ where: { reference: { not: null } }, select: { reference: true, trackingCode: true }, take: 50, orderBy: { submittedAt: 'desc' } });
      refreshed = Date.now();
    }
    const one = known[Math.floor(Math.random() * known.length)];
    if (!one) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    const response = await send(`${proxyUrl}/api/track?reference=${encodeURIComponent(one.reference!)}&code=${encodeURIComponent(one.trackingCode!)}`).catch(() => null);
    const body = response ? await response.text() : '';
    if (response?.status === 200 && body.includes(one.reference!)) tracked++;
    else errors.track++;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

test('under a mixed load, with an instance and a worker killed, nothing confirmed is lost or done twice', async () => {
  onTestFailed(() => void (keepLogs = true));
  const started = (loadStarted = Date.now());
  const deadline = started + loadSeconds * 1000;
  const loadCitizens = people.slice(0, citizens);
  // Mid-run: SIGKILL one instance and one worker, then start the instance again.
  const faults = (async () => {
    await new Promise((r) => setTimeout(r, killAtSeconds * 1000));
    await Promise.all([stop(apps[0], 'SIGKILL'), stop(workers[0], 'SIGKILL')]);
    await new Promise((r) => setTimeout(r, restartAfterSeconds * 1000));
    await startApp(0);
  })();
  await Promise.all([
    ...loadCitizens.map((person) => citizenLoop(person, deadline)),
    ...clerkCookies.map((clerk) => clerkLoop(clerk, deadline)),
    ...Array.from({ length: trackers }, () => trackerLoop(deadline)),
    registrationLoop(deadline),
    faults,
  ]);
  const minutes = (Date.now() - started) / 60_000;
  console.log(
    `cluster load: ${minutes.toFixed(2)} min, ${filed.size} applications filed (${(filed.size / minutes).toFixed(0)}/min, ${submittedFirstTry} on the first try), ${paid.size} paid, ${registered.size} registered, ` +
      `${approved.size} approved, ${tracked} trackings; page p95 ${p95(pageTimes).toFixed(0)} ms over ${pageTimes.length} pages; ` +
      `"try again" answers or failures: ${JSON.stringify(errors)}; sent again by the client after a closed connection: ${resent}; pages loaded again: ${reloaded}; unclear: ${unclearAnswers.length}`,
    unclearAnswers.slice(0, 10),
  );
  expect(unclearAnswers).toEqual([]);
  expect(filed.size).toBeGreaterThan(0);
  expect(approved.size).toBeGreaterThan(0);
  expect(paid.size).toBeGreaterThan(0);
  expect(tracked).toBeGreaterThan(0);

  // Every application whose photo was stored was filed (at once or after "try again"), and each
  // exactly once: one submitted event, one reference; nothing else left the drafts.
  expect([...uploaded.keys()].filter((id) => !filed.has(id))).toEqual([]);
  const applications = await db.application.findMany({
    where: { status: { not: 'draft' } },
    select: { id: true, reference: true, assigneeId: true, status: true, events: { select: { type: true, actorId: true } } },
  });
  expect(applications.map((a) => a.id).sort()).toEqual([...filed].sort());
  for (const a of applications) expect(a.events.filter((e) => e.type === 'submitted'), a.id).toHaveLength(1);
  expect(new Set(applications.map((a) => a.reference)).size).toBe(applications.length);

  // Every person who registered has one account, their address proven by the link.
  expect(registered.size).toBeGreaterThan(0);
  for (const email of registered) expect((await db.user.findMany({ where: { email } })).map((u) => Boolean(u.emailVerifiedAt)), email).toEqual([true]);

  // Every payment the bank confirmed is recorded once, with its receipt.
  const payments = await db.payment.findMany({ where: { status: 'paid' }, select: { applicationId: true, receiptNumber: true } });
  expect(payments.map((p) => p.applicationId).sort()).toEqual([...paid].sort());
  expect(payments.every((p) => p.receiptNumber)).toBe(true);
  for (const a of applications) expect(a.events.filter((e) => e.type === 'payment_received').length, a.id).toBe(paid.has(a.id) ? 1 : 0);

  // Every claim is held by one clerk: no file was given to two, and the one told it holds it.
  expect(claimedTwice).toEqual([]);
  for (const a of applications) expect(a.events.filter((e) => e.type === 'assigned').length, a.id).toBeLessThanOrEqual(1);
  const byId = new Map(applications.map((a) => [a.id, a]));
  const by = (id: string, type: string) => byId.get(id)?.events.find((e) => e.type === type)?.actorId;
  for (const [id, clerk] of claimsSeen) expect(by(id, 'assigned'), id).toBe(clerk);
  for (const id of approved) expect([byId.get(id)?.status, by(id, 'approved')], id).toEqual(['issued', claimsSeen.get(id)]);

  // Every notification sent exactly once: the worker left alive takes over the killed one's
  // leased messages; a message it was sending when killed may arrive twice, with the same
  // Message-ID (the delivery's id), never as two different messages, and none is missing.
  // The one worker left drains the backlog at its own pace (a faster machine files more, so
  // there is more to send): it fails only when nothing is sent for 30 s.
  const drainStarted = Date.now();
  const unsent = () => db.notificationDelivery.count({ where: { status: { not: 'sent' } } });
  for (let left = await unsent(), before = Infinity; left > 0; before = left, left = await unsent()) {
    if (left >= before) throw new Error(`the outbox stalled with ${left} unsent for 30 s (logs in ${logDir})`);
    await until('a notification is sent', async () => (await unsent()) < left, 30).catch(() => undefined);
  }
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  const deliveries = await db.notificationDelivery.findMany({ select: { id: true, channel: true, address: true } });
  const received = new Map<string, string[]>();
  for (const message of mailbox.messages) {
    const id = /^<([0-9a-f-]{36})@e-services\.mpwt\.gov\.kh>$/.exec(message.messageId ?? '')?.[1] ?? `unknown ${message.messageId}`;
    const to = [message.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
    received.set(id, [...(received.get(id) ?? []), ...to]);
  }
  const emails = deliveries.filter((d) => d.channel === 'email');
  expect(emails.length).toBeGreaterThanOrEqual(filed.size + paid.size + approved.size);
  expect(emails.filter((d) => !received.has(d.id)).map((d) => d.id)).toEqual([]); // none lost
  expect([...received.keys()].filter((id) => !emails.some((d) => d.id === id))).toEqual([]); // none made up
  for (const d of emails) expect(new Set(received.get(d.id)), d.id).toEqual(new Set([d.address]));
  const twice = [...received.values()].filter((to) => to.length > 1).length;
  console.log(`notifications: ${emails.length} sent, ${mailbox.messages.length} messages received, ${twice} resent with the same Message-ID; the outbox emptied ${drainSeconds.toFixed(1)} s after the checks began`);
  // Only the message the killed worker was sending can come twice.
  expect(twice).toBeLessThanOrEqual(1);

  // Every uploaded document opens, byte for byte, through each instance directly.
  const documents = await db.document.findMany({ where: { applicationId: { in: [...uploaded.keys()] }, requirementKey: 'photo', removedAt: null }, select: { id: true, applicationId: true } });
  expect(documents.length).toBe(uploaded.size);
  for (let i = 0; i < appPorts.length; i++) {
    const queue = [...documents];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let d = queue.pop(); d; d = queue.pop()) {
          const { owner, sha256 } = uploaded.get(d.applicationId)!;
          const response = await fetch(`${appUrl(i)}/en/applications/${d.applicationId}/documents/${d.id}`, { headers: { cookie: owner.cookie } });
          const bytes = Buffer.from(await response.arrayBuffer());
          expect([response.status, createHash('sha256').update(bytes).digest('hex')], `${d.id} through instance ${i + 1}`).toEqual([200, sha256]);
        }
      }),
    );
  }

  // A person signed in through instance 1 goes on through instance 2: the page and the form
  // instance 1 rendered are accepted there (same session secret, same server-actions key).
  const person = people[citizens]!;
  const cookie = await signInOverHttp(appUrl(0), person.email, password);
  const account = await fetch(`${appUrl(1)}/en/account`, { headers: { cookie }, redirect: 'manual' });
  expect(account.status).toBe(200);
  const draft = person.drafts[0]!;
  expect(await upload(appUrl(1), cookie, draft, Buffer.from(`%PDF-1.4\n% across instances\n%%EOF\n`))).toBe('confirmed');
  expect(await submit(draft, cookie, { render: appUrl(0), post: appUrl(1) })).toBe('confirmed');
  expect((await db.application.findUniqueOrThrow({ where: { id: draft } })).status).toBe('submitted');
}, 300_000);

test('a rolling restart (SIGTERM, one instance at a time) fails no request through the proxy', async () => {
  onTestFailed(() => void (keepLogs = true));
  let running = true;
  let answered = 0;
  const failures: string[] = [];
  const loop = async () => {
    while (running) {
      // Plain fetch, which never sends a request again: a client that does not retry sees no failure either.
      const url = answered % 2 ? `${proxyUrl}/en/sign-in` : `${proxyUrl}/en/services`;
      const response = await fetch(url).catch((error: Error) => error);
      if (response instanceof Error) failures.push(`${url}: ${response.message}`);
      else if (response.status !== 200) failures.push(`${url}: ${response.status} ${text(await response.text())}`);
      else {
        await response.arrayBuffer();
        answered++;
      }
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  for (let i = 0; i < appPorts.length; i++) {
    const child = apps[i]!;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    await startApp(i);
    // The proxy counts it in after two good health checks a second apart.
    await new Promise((r) => setTimeout(r, 3_000));
  }
  running = false;
  await Promise.all(loops);
  console.log(`rolling restart: ${answered} requests answered, ${failures.length} failed`, failures.slice(0, 5));
  expect(failures).toEqual([]);
  expect(answered).toBeGreaterThan(0);
}, 180_000);
