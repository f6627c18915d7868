// Several instances behind HAProxy (as `npm run cluster` runs them), on this 2-core machine: a
// mixed load of citizens filing applications (the check page, then its form posted as a browser
// without JavaScript does) and people reading public pages, through the proxy to one instance
// and to two; and the proxy's own cost, the same page read directly and through the proxy in
// the same run. Two instances on two cores compete with PostgreSQL and the load generator for
// the same CPU: the figure that matters is that the second costs nothing and loses nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { haproxyConfig, type Backend } from '../../lib/operations/haproxy';
import { demoPassword } from '../../prisma/seed';
import { renewalAnswers } from '../support/answers';
import { formWith, signInOverHttp } from '../support/sign-in-over-http';
import { productionSecrets, testBuildEnv } from '../support/test-build';
import { describe, load } from './load';
import { benchSecret, type Served } from './serve';
import { benchSize } from './size';

const projectDir = path.resolve(import.meta.dirname, '../..');
const runSeconds = benchSize === 'smoke' ? 2 : 20;
const citizens = benchSize === 'smoke' ? 2 : 8;
// More drafts than the fastest phase can file.
const draftsPerCitizen = benchSize === 'smoke' ? 40 : 300;
const secondPort = 3202;
const proxyPorts = { one: 3210, two: 3211 };

function startInstance(served: Served, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'lib/cli/app-server.ts'), '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: projectDir,
    env: { ...process.env, ...testBuildEnv, ...productionSecrets(), DATABASE_URL: served.databaseUrl, NEXTAUTH_SECRET: benchSecret, NEXTAUTH_URL: served.baseUrl, TRUSTED_PROXIES: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
}

async function untilAnswering(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within a minute`);
}

async function startProxy(dir: string, name: string, port: number, apps: Backend[]): Promise<ChildProcess> {
  const file = path.join(dir, `${name}.cfg`);
  await writeFile(file, haproxyConfig({ listen: { host: '127.0.0.1', port }, apps }));
  const proxy = spawn('haproxy', ['-W', '-db', '-f', file], { stdio: 'ignore' });
  proxy.once('error', (error) => console.error(`HAProxy did not start (apt-get install haproxy): ${error.message}`));
  await untilAnswering(`http://127.0.0.1:${port}/api/health`);
  return proxy;
}

/** Citizens with drafts ready to file (answers and documents in place), signed in. */
async function seedCitizens(served: Served): Promise<{ cookie: string; drafts: string[] }[]> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  const passwordHash = (await client.query<{ passwordHash: string }>(`select "passwordHash" from "User" where email = 'citizen@demo.gov.kh'`)).rows[0]!.passwordHash;
  const result = [];
  for (let c = 0; c < citizens; c++) {
    const email = `cluster-bench-${c}-${randomUUID()}@example.com`;
    const user = await client.query<{ id: string }>(`insert into "User" (id, name, email, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, $2, $3, now()) returning id`, [`Bench citizen ${c}`, email, passwordHash]);
    const userId = user.rows[0]!.id;
    await client.query(`insert into "RoleAssignment" (id, "userId", role) values (gen_random_uuid(), $1, 'citizen')`, [userId]);
    const drafts = await client.query<{ id: string }>(
      `insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", answers, "updatedAt")
       select gen_random_uuid(), v."serviceId", v.id, $1, $2::jsonb, now()
       from generate_series(1, $3), "ServiceVersion" v join "Service" s on s.id = v."serviceId"
       where s.code = 'driving-licence-renewal' returning id`,
      [userId, JSON.stringify(renewalAnswers), draftsPerCitizen],
    );
    await client.query(
      `insert into "Document" (id, "applicationId", "requirementKey", "fileName", "contentType", "sizeBytes", sha256, "storageKey", "uploadedById")
       select gen_random_uuid(), a.id, k, k || '.pdf', 'application/pdf', 10, repeat('0', 64), a.id || '/' || gen_random_uuid(), $1
       from unnest($2::uuid[]) a(id), unnest(array['current-licence', 'national-id', 'medical-certificate', 'photo']) k`,
      [userId, drafts.rows.map((d) => d.id)],
    );
    result.push({ cookie: await signInOverHttp(served.baseUrl, email, demoPassword), drafts: drafts.rows.map((d) => d.id) });
  }
  await client.end();
  return result;
}

/** Half the clients file applications, half read public pages; every answer is timed. */
async function mixedLoad(baseUrl: string, people: { cookie: string; drafts: string[] }[], seconds = runSeconds) {
  const filed: number[] = [];
  const pages: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const timed = async (url: string, init?: RequestInit) => {
    const start = performance.now();
    const response = await fetch(url, { redirect: 'manual', ...init });
    const body = await response.text();
    pages.push(performance.now() - start);
    return { response, body };
  };
  const filer = async (person: { cookie: string; drafts: string[] }) => {
    while (performance.now() < until) {
      const draft = person.drafts.pop();
      if (!draft) throw new Error('The benchmark ran out of drafts: raise draftsPerCitizen');
      const url = `${baseUrl}/en/applications/${draft}/check`;
      try {
        const page = await timed(url, { headers: { cookie: person.cookie } });
        const body = formWith(page.body, 'declaration', url);
        body.append('declaration', 'yes');
        const answer = await timed(url, { method: 'POST', body, headers: { cookie: person.cookie } });
        if (answer.response.status === 303 && answer.response.headers.get('location')?.endsWith('/submitted')) filed.push(performance.now());
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const reader = async () => {
    const paths = ['/km', '/en/services', '/km/services/vehicle-registration', '/en/fees'];
    for (let i = 0; performance.now() < until; i++) {
      const { response } = await timed(`${baseUrl}${paths[i % paths.length]}`).catch(() => ({ response: null }));
      if (response?.status !== 200) errors++;
    }
  };
  const started = performance.now();
  await Promise.all([...people.map(filer), ...people.map(reader)]);
  const minutes = (performance.now() - started) / 60_000;
  pages.sort((a, b) => a - b);
  const p95 = pages[Math.min(pages.length - 1, Math.floor(0.95 * pages.length))] ?? 0;
  return `${(filed.length / minutes).toFixed(0).padStart(5)} submissions/min, page p95 ${p95.toFixed(0)} ms over ${pages.length} answers, ${errors} errors`;
}

export async function measureCluster(served: Served): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-cluster-bench-'));
  const processes: ChildProcess[] = [];
  try {
    const first = { host: '127.0.0.1', port: Number(new URL(served.baseUrl).port) };
    const second = startInstance(served, secondPort);
    processes.push(second);
    await untilAnswering(`http://127.0.0.1:${secondPort}/api/health`);
    processes.push(await startProxy(dir, 'one', proxyPorts.one, [first]));
    processes.push(await startProxy(dir, 'two', proxyPorts.two, [first, { host: '127.0.0.1', port: secondPort }]));
    const people = await seedCitizens(served);

    // Both instances warmed up first (their first requests compile and fill caches).
    await mixedLoad(`http://127.0.0.1:${proxyPorts.two}`, people, 2);
    console.log(`\nCluster: HAProxy in front of the app instances (${runSeconds} s a run, ${citizens} filing and ${citizens} reading)`);
    const page = (base: string) => () => fetch(`${base}/en/services`).then(async (r) => (await r.text(), r.status === 200));
    const during = { connections: 8, seconds: Math.max(1, runSeconds / 2) };
    console.log(`  one page, directly:           ${describe(await load(page(served.baseUrl), during))}`);
    console.log(`  one page, through the proxy:  ${describe(await load(page(`http://127.0.0.1:${proxyPorts.one}`), during))}`);
    console.log(`  mixed load, one instance:  ${await mixedLoad(`http://127.0.0.1:${proxyPorts.one}`, people)}`);
    console.log(`  mixed load, two instances: ${await mixedLoad(`http://127.0.0.1:${proxyPorts.two}`, people)}`);
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    await rm(dir, { recursive: true, force: true });
  }
}
