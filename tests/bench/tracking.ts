// Public tracking on the production build, beside the floor: a plain node:http + pg handler
// doing the same indexed lookup. Target: at least half the floor's throughput.
import pg from 'pg';
import { describe, load, startFloor, type LoadResult } from './load';
import { startLeanServer, type Served } from './serve';
import { size } from './size';

const count = size.trackingApplications;
const during = { seconds: size.loadSeconds };
const code = 'BENCH234';

async function seed(served: Served): Promise<string[]> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  await client.query(
    `insert into "Application" (id, reference, "trackingCode", "serviceId", "serviceVersionId", "applicantId", status,
       "currentStageKey", "currentDepartmentId", "submittedAt", "dueAt", "stageDueAt", "updatedAt")
     select gen_random_uuid(), 'VR-2026-' || lpad(n::text, 6, '0'), $1, v."serviceId", v.id, u.id, 'submitted',
       'review', s."departmentId", now(), now() + interval '14 days', now() + interval '9 days', now()
     from generate_series(500001, 500000 + $2) n,
       "ServiceVersion" v join "Service" s on s.id = v."serviceId", "User" u
     where s.code = 'vehicle-registration' and u.email = 'citizen@demo.gov.kh'`,
    [code, count],
  );
  await client.end();
  return Array.from({ length: count }, (_, i) => `VR-2026-${String(500001 + i)}`);
}

// Its own process, as the portal is: the load generator must not share an event loop with it.
const floorSource = `
import http from 'node:http';
import pg from 'pg';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
http.createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const { rows } = await pool.query(
    'select a.reference, a."trackingCode", a.status, a."currentStageKey", a."dueAt", d."nameEn" from "Application" a left join "Department" d on d.id = a."currentDepartmentId" where a.reference = $1',
    [url.searchParams.get('reference')],
  );
  const row = rows[0];
  const found = row && row.trackingCode === url.searchParams.get('code');
  response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(found ? { reference: row.reference, status: row.status, stage: row.currentStageKey, department: row.nameEn, dueAt: row.dueAt } : {}));
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
`;

/** The fields the tracking form posts without JavaScript: its server action's hidden inputs. */
async function trackingForm(baseUrl: string): Promise<[string, string][]> {
  const html = await (await fetch(`${baseUrl}/en/track`)).text();
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1]!, (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')]);
}

export async function measureTracking(served: Served): Promise<void> {
  const references = await seed(served);
  const pick = () => references[Math.floor(Math.random() * references.length)]!;

  const floor = await startFloor('tracking', floorSource, served.databaseUrl, 3211);
  const floorResult = await load(async () => {
    const response = await fetch(`http://127.0.0.1:3211/?reference=${pick()}&code=${code}`);
    await response.arrayBuffer();
    return response.ok;
  }, during);
  floor.kill();

  const endpointResult = await load(async () => {
    const reference = pick();
    const response = await fetch(`${served.baseUrl}/api/track?reference=${reference}&code=${code}`);
    const body = (await response.json()) as { reference?: string };
    return response.ok && body.reference === reference;
  }, during);

  // The portal's lean server, as npm start runs it beside Next.js (README: reverse proxy).
  const lean = await startLeanServer(served, 3212);
  const lookupResult = await load(async () => {
    const reference = pick();
    const response = await fetch(`${lean.baseUrl}/api/track?reference=${reference}&code=${code}`);
    const body = (await response.json()) as { reference?: string };
    return response.ok && body.reference === reference;
  }, during);
  await lean.stop();

  const hidden = await trackingForm(served.baseUrl);
  const portalResult = await load(async () => {
    const body = new FormData();
    for (const [name, value] of hidden) body.append(name, value);
    const reference = pick();
    body.append('reference', reference);
    body.append('code', code);
    const response = await fetch(`${served.baseUrl}/en/track`, { method: 'POST', body });
    const html = await response.text();
    return response.ok && html.includes(`Application ${reference}`);
  }, during);

  console.log(`\nPublic tracking lookup, 16 clients for ${size.loadSeconds} s each (target: at least half the floor's throughput)`);
  console.log(`  floor: node:http + pg      ${describe(floorResult)}`);
  const share = (result: LoadResult) => `${((result.perSecond / floorResult.perSecond) * 100).toFixed(0)} % of the floor`;
  console.log(`  portal: lookup server      ${describe(lookupResult)}: ${share(lookupResult)} (what the proxy sends /api/track to)`);
  console.log(`  portal: Next.js /api/track ${describe(endpointResult)}: ${share(endpointResult)}`);
  console.log(`  portal: the tracking page  ${describe(portalResult)}: ${share(portalResult)} (renders the whole page, for people)`);
  // A lookup that failed is a broken benchmark (or a broken lookup), not a slow one.
  const failed = Object.entries({ floor: floorResult, 'lookup server': lookupResult, '/api/track': endpointResult, 'tracking page': portalResult }).filter(([, r]) => r.errors > 0 || r.requests === 0);
  if (failed.length) throw new Error(`Tracking lookups failed: ${failed.map(([name, r]) => `${name} (${r.errors} of ${r.requests})`).join(', ')}`);
}
