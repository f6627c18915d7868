// The worker's escalation pass (every minute) with 1,000,000 filed applications: how long a pass
// takes when a hundred stages have just reached a level (it writes their escalations, notices
// and timeline events), and a pass with nothing new, as most minutes are. The backlog the bulk
// filing leaves (files already late when they are made) is marked escalated first, as a running
// portal would have done minute by minute. Target: a pass well inside its minute.
import pg from 'pg';
import { fileApplicationsInBulk } from '../../prisma/demo-applications';
import { closeDatabase } from '../../lib/db/client';
import { loadHolidays } from '../../lib/deadlines/holiday-calendar';
import { escalateLateStages } from '../../lib/escalation/escalate-late-stages';
import { escalationLevels, levelReachedAt } from '../../lib/escalation/levels';
import type { Served } from './serve';
import { size } from './size';

const fresh = 100;

export async function measureEscalation(served: Served): Promise<void> {
  process.env.DATABASE_URL = served.databaseUrl;
  const client = new pg.Client({ connectionString: served.databaseUrl, options: '-c TimeZone=UTC' });
  await client.connect();
  try {
    const [{ filed }] = (await client.query<{ filed: number }>('select count(*)::int as filed from "Application"')).rows as [{ filed: number }];
    const seeding = performance.now();
    // The queue benchmark's applications serve when it ran first in this database.
    if (filed < size.escalationApplications) {
      const { rows: applicants } = await client.query<{ id: string }>(
        `insert into "User" (id, name, "updatedAt") select gen_random_uuid(), 'Escalation bench ' || n, now() from generate_series(1, 1000) n returning id`,
      );
      await fileApplicationsInBulk(client, { count: size.escalationApplications - filed, applicantIds: applicants.map((a) => a.id) });
    }
    const now = new Date();
    const holidays = await loadHolidays();
    const { rows: stages } = await client.query<{ id: string; applicationId: string; departmentId: string; dueAt: Date; allowance: number }>(
      `select s.id, s."applicationId", s."departmentId", s."dueAt" at time zone 'UTC' as "dueAt",
              (v.definition->'stages'->s.position->>'deadlineWorkingDays')::int as allowance
         from "ApplicationStage" s join "Application" a on a.id = s."applicationId" join "ServiceVersion" v on v.id = a."serviceVersionId"
        where s.status = 'active' and s."pausedAt" is null and s."dueAt" is not null`,
    );
    const reached = stages.map((s) => ({ ...s, levels: escalationLevels.filter((l) => levelReachedAt(s.dueAt, s.allowance, l, holidays) <= now) }));
    const late = reached.filter((s) => s.levels.length > 0);
    // All but `fresh` of the late stages were escalated in earlier minutes.
    const backlog = late.slice(fresh).flatMap((s) => s.levels.map((level) => [s.id, s.applicationId, s.departmentId, level, s.dueAt.toISOString()]));
    for (let i = 0; i < backlog.length; i += 10_000) {
      const rows = backlog.slice(i, i + 10_000);
      await client.query(
        `insert into "StageEscalation" (id, "stageId", "applicationId", "departmentId", level, "reachedAt", "dueAt", told)
         select gen_random_uuid(), s, a, d, l, t::timestamptz, t::timestamptz, 0 from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[]) as x(s, a, d, l, t)`,
        [0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k])),
      );
    }
    // As the pass keeps it: the highest level written on the stage itself.
    await client.query(
      `update "ApplicationStage" s set "escalatedLevel" = e.level
         from (select "stageId", max(level) as level from "StageEscalation" group by "stageId") e
        where e."stageId" = s.id and s."escalatedLevel" <> e.level`,
    );
    await client.query('vacuum analyze');
    const seededIn = (performance.now() - seeding) / 1000;
    const [{ applications }] = (await client.query<{ applications: number }>('select count(*)::int as applications from "Application"')).rows as [{ applications: number }];

    const timed = async () => {
      const start = performance.now();
      const written = await escalateLateStages({ now });
      return { ms: performance.now() - start, written };
    };
    const first = await timed();
    const quiet = [];
    for (let i = 0; i < Math.max(3, Math.min(size.rounds, 11)); i++) quiet.push((await timed()).ms);
    quiet.sort((a, b) => a - b);
    console.log(`\nEscalation pass with ${applications.toLocaleString('en')} applications, ${stages.length.toLocaleString('en')} running stages, ${late.length.toLocaleString('en')} of them past 80 % (seeded in ${seededIn.toFixed(0)} s)`);
    console.log(`  a minute in which ${Math.min(fresh, late.length)} stages reached a level: ${first.written} escalations written in ${first.ms.toFixed(0)} ms`);
    console.log(`  a minute with nothing new (${quiet.length} passes): median ${quiet[Math.floor(quiet.length / 2)]!.toFixed(0)} ms, slowest ${quiet.at(-1)!.toFixed(0)} ms`);
    if (first.written < Math.min(fresh, late.length)) throw new Error(`the pass wrote ${first.written} escalations for ${Math.min(fresh, late.length)} stages that reached a level`);
  } finally {
    await client.end();
    await closeDatabase();
  }
}
