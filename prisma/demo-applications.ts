// Filed applications in bulk, spread over every service, stage and department, for the demo
// (a few dozen, with real answers) and for the queue benchmark (100,000). Written straight to
// the tables a batch at a time; each gets its stages and a "submitted" event, which the audit
// trigger chains like any other.
import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { dueAfterWorkingDays } from '../lib/deadlines/working-days';
import { formatNumber, numberingYear } from '../lib/numbering/next-number';
import { serviceDefinition, type ServiceDefinition } from '../lib/services/definition';
import { feeFor } from '../lib/services/fees';

/** Complete answers, as the question pages save them, for the services the demo files. */
export const demoAnswers = {
  'driving-licence-renewal': {
    licenceNumber: 'PP-0123456',
    categories: ['b'],
    expiryDate: '2026-12-31',
    nationalIdNumber: '010234567',
    dateOfBirth: '1990-02-28',
    address: { province: 'siem-reap', district: 'Siem Reap', line: '' },
    mobile: '+85512345678',
  },
  // Housing: no environmental assessment is asked.
  'construction-permit': {
    projectName: 'Five-storey housing',
    buildingUse: 'residential',
    floors: 5,
    floorArea: 1200,
    siteAddress: { province: 'phnom-penh', district: 'Tuol Kouk', line: '' },
    landTitleNumber: '12020304-0012',
    landArea: 400,
    architectName: 'Heng Visal',
    engineerLicenceNumber: 'ENG-2211',
    contactMobile: '+85511222333',
  },
  'vehicle-registration': {
    vehicleType: 'car',
    make: 'Toyota',
    model: 'Hilux',
    yearOfManufacture: 2025,
    vin: 'JTFSS22P0K0123456',
    engineNumber: '2GD-1234567',
    colour: 'White',
    acquisition: 'dealer',
    purchaseDate: '2026-10-30',
    ownerNationalId: '010234567',
    ownerAddress: { province: 'phnom-penh', district: 'Chamkar Mon', line: 'No. 5, Street 310' },
    contactMobile: '+85512345678',
  },
};

export interface BulkOptions {
  count: number;
  applicantIds: readonly string[];
  /** Answers per service code; services without any get none (the benchmark needs none). */
  answers?: Readonly<Record<string, Record<string, unknown>>>;
  /** Only these services; all published ones when absent. */
  services?: readonly string[];
  /** Filed in this organisation's name. */
  organisationId?: string;
  now?: Date;
}

const batchSize = 2_000;
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const trackingCode = () => Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
// Prisma keeps instants as UTC in columns without a time zone; an ISO string says so whatever
// the process's own zone.
const iso = (instant: Date) => instant.toISOString().replace('Z', '');
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

export async function fileApplicationsInBulk(client: pg.ClientBase, options: BulkOptions): Promise<void> {
  const now = options.now ?? new Date();
  const year = numberingYear(now);
  const holidays = new Set((await client.query<{ day: string }>(`select to_char(date, 'YYYY-MM-DD') as day from "Holiday"`)).rows.map((r) => r.day));
  const departments = new Map((await client.query<{ id: string; code: string }>('select id, code from "Department"')).rows.map((d) => [d.code, d.id]));
  const clerks = new Map<string, string[]>();
  for (const row of (await client.query<{ userId: string; departmentId: string }>(`select "userId", "departmentId" from "RoleAssignment" where role = 'clerk'`)).rows) {
    clerks.set(row.departmentId, [...(clerks.get(row.departmentId) ?? []), row.userId]);
  }
  const versions = (
    await client.query<{ id: string; serviceId: string; code: string; definition: unknown }>(
      `select distinct on (s.id) v.id, s.id as "serviceId", s.code, v.definition
       from "ServiceVersion" v join "Service" s on s.id = v."serviceId"
       where v."publishedAt" is not null order by s.id, v.version desc`,
    )
  ).rows
    .filter((v) => !options.services || options.services.includes(v.code))
    .map((v) => ({ ...v, definition: serviceDefinition.parse(v.definition) as ServiceDefinition }));
  const counters = new Map<string, number>();
  for (const v of versions) {
    const { rows } = await client.query<{ last: number }>(`select last from "ReferenceCounter" where prefix = $1 and year = $2`, [v.definition.referencePrefix, year]);
    counters.set(v.definition.referencePrefix, rows[0]?.last ?? 0);
  }

  for (let start = 0; start < options.count; start += batchSize) {
    const apps: unknown[][] = [];
    const stages: unknown[][] = [];
    const events: unknown[][] = [];
    for (let i = start; i < Math.min(options.count, start + batchSize); i++) {
      const v = versions[i % versions.length]!;
      const d = v.definition;
      const position = randomInt(d.stages.length);
      const stage = d.stages[position]!;
      const departmentId = departments.get(stage.department)!;
      const status = randomInt(10) === 0 ? 'info_requested' : position === 0 && randomInt(2) === 0 ? 'submitted' : 'in_review';
      const submittedAt = daysFrom(now, -randomInt(1, 60));
      const stageDueAt = dueAfterWorkingDays(daysFrom(now, randomInt(-12, 10)), stage.deadlineWorkingDays, holidays);
      const dueAt = dueAfterWorkingDays(submittedAt, d.deadlineWorkingDays, holidays);
      const pool = clerks.get(departmentId) ?? [];
      const assigneeId = pool.length && randomInt(2) === 0 ? pool[randomInt(pool.length)]! : null;
      const number = counters.get(d.referencePrefix)! + 1;
      counters.set(d.referencePrefix, number);
      const reference = formatNumber(d.referencePrefix, year, number);
      const answers = options.answers?.[v.code] ?? {};
      const fee = feeFor(d, answers as never).total;
      const id = randomUUID();
      const applicantId = options.applicantIds[i % options.applicantIds.length]!;
      apps.push([id, reference, trackingCode(), v.serviceId, v.id, applicantId, status, stage.key, departmentId, assigneeId, JSON.stringify(answers), fee, iso(submittedAt), iso(dueAt), iso(stageDueAt), options.organisationId ?? null]);
      d.stages.forEach((s, q) => {
        const active = q === position;
        stages.push([
          randomUUID(), id, s.key, q, departments.get(s.department)!,
          q < position ? 'approved' : active ? (status === 'info_requested' ? 'info_requested' : 'active') : 'pending',
          active ? iso(submittedAt) : null, active ? iso(stageDueAt) : null, q < position ? iso(submittedAt) : null, s.deadlineWorkingDays,
        ]);
      });
      events.push([id, applicantId, JSON.stringify({ step: 'submit', reference, feeRiel: fee }), iso(submittedAt)]);
    }
    const columns = (rows: unknown[][], index: number) => rows.map((r) => r[index]);
    await client.query(
      `insert into "Application" (id, reference, "trackingCode", "serviceId", "serviceVersionId", "applicantId", status, "currentStageKey",
         "currentDepartmentId", "assigneeId", answers, "feeRiel", "submittedAt", "dueAt", "stageDueAt", "organisationId", "updatedAt")
       select *, now() from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::"ApplicationStatus"[], $8::text[],
         $9::uuid[], $10::uuid[], $11::jsonb[], $12::int[], $13::timestamp[], $14::timestamp[], $15::timestamp[], $16::uuid[])`,
      Array.from({ length: 16 }, (_, k) => columns(apps, k)),
    );
    await client.query(
      `insert into "ApplicationStage" (id, "applicationId", "stageKey", position, "departmentId", status, "startedAt", "dueAt", "completedAt", "deadlineWorkingDays")
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::uuid[], $6::"StageStatus"[], $7::timestamp[], $8::timestamp[], $9::timestamp[], $10::int[])`,
      Array.from({ length: 10 }, (_, k) => columns(stages, k)),
    );
    await client.query(
      `insert into "ApplicationEvent" ("applicationId", "actorId", type, visibility, "toStatus", data, "createdAt")
       select a, u, 'submitted', 'public', 'submitted', d, t from unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::timestamp[]) as x(a, u, d, t)`,
      Array.from({ length: 4 }, (_, k) => columns(events, k)),
    );
  }
  for (const [prefix, last] of counters) {
    await client.query(
      `insert into "ReferenceCounter" (prefix, year, last) values ($1, $2, $3) on conflict (prefix, year) do update set last = excluded.last`,
      [prefix, year, last],
    );
  }
}

/** In demo mode: three dozen filed applications of the demo citizen, once, so every queue has work. */
export async function seedDemoApplications(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; filed: number }>(
      `select u.id, (select count(*)::int from "Application" a where a."applicantId" = u.id) as filed from "User" u where u.email = 'citizen@demo.gov.kh'`,
    );
    const citizen = rows[0];
    if (!citizen || citizen.filed > 0) return;
    await fileApplicationsInBulk(client, { count: 36, applicantIds: [citizen.id], answers: demoAnswers, services: Object.keys(demoAnswers) });
    // And a dozen in the demo investor's company's name, for its dashboard.
    const { rows: investors } = await client.query<{ userId: string; organisationId: string }>(
      `select m."userId", m."organisationId" from "OrganisationMembership" m join "User" u on u.id = m."userId" where u.email = 'investor@demo.gov.kh'`,
    );
    const investor = investors[0];
    if (investor) {
      await fileApplicationsInBulk(client, {
        count: 12,
        applicantIds: [investor.userId],
        organisationId: investor.organisationId,
        answers: demoAnswers,
        services: Object.keys(demoAnswers),
      });
    }
  } finally {
    await client.end();
  }
}
