// Registered clients' reads beside the floor, a plain node:http + pg server doing the same
// database work per request (the token's lookup, the per-client count, the read, the audit event
// the read writes): on the lean server, which production serves /api/v1 from, and on the
// production build's Next.js. Target: at least half the floor's throughput.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { registerApiClient } from '../../lib/api/clients';
import { closeDatabase } from '../../lib/db/client';
import { canonicalFields } from '../../lib/licences/signature';
import { describe, load, startFloor, type LoadResult } from './load';
import { startLeanServer, type Served } from './serve';
import { size } from './size';

const count = size.trackingApplications;
const during = { seconds: size.loadSeconds };

/** A company with `count` issued applications, each with its licence; answers their references and numbers. */
async function seed(served: Served): Promise<{ organisationId: string; references: string[]; numbers: string[] }> {
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  const organisationId = randomUUID();
  await client.query(
    `insert into "Organisation" (id, "nameKm", "nameEn", "registrationNumber", "taxId", address) values ($1, 'ក្រុមហ៊ុន', 'Bench Co., Ltd.', '90000001', 'K001-900000001', '{}')`,
    [organisationId],
  );
  const references = Array.from({ length: count }, (_, i) => `DL-2026-${String(700_001 + i)}`);
  const numbers = references.map((r) => r.replace('DL-', 'DLL-'));
  await client.query(
    `insert into "Application" (id, reference, "trackingCode", "serviceId", "serviceVersionId", "applicantId", "organisationId", status,
       "currentStageKey", "currentDepartmentId", "submittedAt", "dueAt", "stageDueAt", "updatedAt")
     select gen_random_uuid(), ref, 'BENCH234', v."serviceId", v.id, u.id, $2, 'submitted', 'review', s."departmentId", now(), now() + interval '14 days', now() + interval '9 days', now()
     from unnest($1::text[]) ref, "ServiceVersion" v join "Service" s on s.id = v."serviceId", "User" u
     where s.code = 'driving-licence-renewal' and u.email = 'citizen@demo.gov.kh'`,
    [references, organisationId],
  );
  const signed = numbers.map((number) => canonicalFields({ number, service: 'driving-licence-renewal', holder: 'Bench Holder', validFrom: '2026-12-01', validUntil: '2036-11-30' }));
  await client.query(
    `insert into "Licence" (id, number, "applicationId", "holderName", "validFrom", "validUntil", "signedFields", signature)
     select gen_random_uuid(), l.number, a.id, 'Bench Holder', '2026-12-01', '2036-11-30', l.signed, 'bench'
     from unnest($1::text[], $2::text[], $3::text[]) as l(number, reference, signed) join "Application" a on a.reference = l.reference`,
    [numbers, references, signed],
  );
  await client.end();
  return { organisationId, references, numbers };
}

// Its own process, as the portal is. The same statements the portal's reads need, with nothing around them.
const floorSource = `
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const client = async (authorization) => {
  const hash = createHash('sha256').update((authorization ?? '').slice(7)).digest('hex');
  const { rows: [token] } = await pool.query('select c.id, c."institutionEn", c."organisationId", c."requestsPerMinute" from "ApiAccessToken" t join "ApiClient" c on c.id = t."clientId" where t."tokenHash" = $1 and t."expiresAt" > now() and c."revokedAt" is null', [hash]);
  if (!token) return null;
  const window = new Date(Math.floor(Date.now() / 60000) * 60000);
  const { rows: [count] } = await pool.query('insert into "ApiRateWindow" ("clientId", "windowStart", requests) values ($1, $2, 1) on conflict ("clientId", "windowStart") do update set requests = "ApiRateWindow".requests + 1 returning requests', [token.id, window]);
  return count.requests <= token.requestsPerMinute ? token : null;
};
const audit = (applicationId, token) => pool.query('insert into "ApplicationEvent" ("applicationId", type, visibility, data) values ($1, $2, $3, $4)', [applicationId, 'record_viewed', 'internal', { apiClient: token.id, institution: token.institutionEn }]);
http.createServer(async (request, response) => {
  const token = await client(request.headers.authorization);
  const [, kind, key] = (request.url ?? '').split('/');
  let body = null;
  if (token && kind === 'licences') {
    const { rows: [row] } = await pool.query('select l.*, a.id as "applicationId", a."organisationId" from "Licence" l join "Application" a on a.id = l."applicationId" where l.number = $1', [key]);
    if (row) { await audit(row.applicationId, token); body = { number: row.number, holder: row.holderName, validFrom: row.validFrom, validUntil: row.validUntil, status: row.status }; }
  } else if (token && kind === 'applications') {
    const { rows: [row] } = await pool.query('select a.id, a.reference, a.status, a."currentStageKey", a."dueAt", a."organisationId", d."nameEn" from "Application" a left join "Department" d on d.id = a."currentDepartmentId" where a.reference = $1', [key]);
    if (row && row.organisationId === token.organisationId) {
      const { rows: events } = await pool.query('select type, "createdAt" from "ApplicationEvent" where "applicationId" = $1 and visibility = $2 order by id', [row.id, 'public']);
      await audit(row.id, token);
      body = { reference: row.reference, status: row.status, stage: row.currentStageKey, department: row.nameEn, dueAt: row.dueAt, timeline: events };
    }
  }
  response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body ?? {}));
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
`;

async function tokenFor(baseUrl: string, client: { clientId: string; secret: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no access token: ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function measureApi(served: Served): Promise<void> {
  const { organisationId, references, numbers } = await seed(served);
  process.env.DATABASE_URL = served.databaseUrl;
  const unlimited = 1_000_000;
  const police = await registerApiClient({ name: 'Bench police', institution: { km: 'នគរបាល', en: 'Bench police' }, scopes: ['licences:read'], requestsPerMinute: unlimited });
  const company = await registerApiClient({ name: 'Bench company', institution: { km: 'ក្រុមហ៊ុន', en: 'Bench Co.' }, scopes: ['applications:read'], organisationId, requestsPerMinute: unlimited });
  await closeDatabase();
  const policeToken = { authorization: `Bearer ${await tokenFor(served.baseUrl, police)}` };
  const companyToken = { authorization: `Bearer ${await tokenFor(served.baseUrl, company)}` };
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)]!;
  const read = (url: string, headers: Record<string, string>, key: string) => async () => {
    const response = await fetch(url, { headers });
    const body = (await response.json()) as { number?: string; reference?: string };
    return response.ok && (body.number ?? body.reference) === key;
  };
  const run = (base: string, headers: Record<string, string>, list: string[], kind: 'licences' | 'applications') =>
    load(() => {
      const key = pick(list);
      return read(`${base}/${kind}/${key}`, headers, key)();
    }, during);

  const floor = await startFloor('api', floorSource, served.databaseUrl, 3213);
  const floorLicences = await run('http://127.0.0.1:3213', policeToken, numbers, 'licences');
  const floorApplications = await run('http://127.0.0.1:3213', companyToken, references, 'applications');
  floor.kill();
  // What the proxy sends /api/v1 to (README, "Production"): the same route handlers on node:http.
  const lean = await startLeanServer(served, 3214);
  const leanLicences = await run(`${lean.baseUrl}/api/v1`, policeToken, numbers, 'licences');
  const leanApplications = await run(`${lean.baseUrl}/api/v1`, companyToken, references, 'applications');
  await lean.stop();
  const licences = await run(`${served.baseUrl}/api/v1`, policeToken, numbers, 'licences');
  const applications = await run(`${served.baseUrl}/api/v1`, companyToken, references, 'applications');

  const share = (result: LoadResult, floorResult: LoadResult) => `${((result.perSecond / floorResult.perSecond) * 100).toFixed(0)} % of the floor`;
  console.log(`\nRegistered clients' reads (token, per-client count, read, audit event), 16 clients for ${size.loadSeconds} s each (target: at least half the floor's throughput)`);
  console.log(`  floor: licence by number            ${describe(floorLicences)}`);
  console.log(`  lean server: /api/v1/licences/{n}   ${describe(leanLicences)}: ${share(leanLicences, floorLicences)} (what the proxy sends /api/v1 to)`);
  console.log(`  Next.js: /api/v1/licences/{n}       ${describe(licences)}: ${share(licences, floorLicences)}`);
  console.log(`  floor: application status          ${describe(floorApplications)}`);
  console.log(`  lean server: /api/v1/applications/{r} ${describe(leanApplications)}: ${share(leanApplications, floorApplications)}`);
  console.log(`  Next.js: /api/v1/applications/{r}  ${describe(applications)}: ${share(applications, floorApplications)}`);
  const failed = Object.entries({ floorLicences, leanLicences, licences, floorApplications, leanApplications, applications }).filter(([, r]) => r.errors > 0 || r.requests === 0);
  if (failed.length) throw new Error(`API reads failed: ${failed.map(([name, r]) => `${name} (${r.errors} of ${r.requests})`).join(', ')}`);
}
