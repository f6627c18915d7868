// The public catalogue with 200 published services (copies of the six seeded ones under other
// codes and names): the search page's server time for a Khmer query, an English query and a
// department filter, and the whole catalogue (median and p95 of sequential requests to the
// production build).
import pg from 'pg';
import { seedServices } from '../../lib/services/catalogue';
import { timePage, type Served } from './serve';
import { size } from './size';

const servicesInCatalogue = 200;

export async function measureCatalogueSearch(served: Served): Promise<void> {
  const copies = Array.from({ length: servicesInCatalogue - seedServices.length }, (_, i) => {
    const original = seedServices[i % seedServices.length]!;
    const n = i + 1;
    return {
      ...original,
      code: `${original.code}-${n}`,
      name: { km: `${original.name.km} ${n.toLocaleString('km-KH')}`, en: `${original.name.en} ${n}` },
    };
  });
  const client = new pg.Client({ connectionString: served.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `with copies as (select * from jsonb_to_recordset($1::jsonb) as c(code text, department text, definition jsonb)),
            services as (
              insert into "Service" (id, code, "departmentId")
              select gen_random_uuid(), c.code, d.id from copies c join "Department" d on d.code = c.department returning id, code)
       insert into "ServiceVersion" (id, "serviceId", version, "nameKm", "nameEn", "summaryKm", "summaryEn", "legalBasisKm", "legalBasisEn", "feeRiel", "deadlineWorkingDays", definition, "publishedAt")
       select gen_random_uuid(), s.id, 1, c.definition->'name'->>'km', c.definition->'name'->>'en', c.definition->'summary'->>'km', c.definition->'summary'->>'en',
              c.definition->'legalBasis'->>'km', c.definition->'legalBasis'->>'en', (c.definition->>'feeRiel')::int, (c.definition->>'deadlineWorkingDays')::int, c.definition, now()
       from copies c join services s on s.code = c.code`,
      [JSON.stringify(copies.map((definition) => ({ code: definition.code, department: definition.department, definition })))],
    );
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from "Service"');

    // Each answer must list the service sought (a benchmark of a wrong answer is no benchmark).
    const searches = {
      'Khmer: a word of a document name (ពន្ធគយ)': ['/km/services?q=' + encodeURIComponent('ពន្ធគយ'), '/km/services/vehicle-registration-1"'],
      'English: two words (site inspection)': ['/en/services?q=site+inspection', '/en/services/construction-permit-3"'],
      'filter: one department, companies': ['/en/services?department=public-works&applicant=company', '/en/services/road-excavation-permit-6"'],
      'the whole catalogue': ['/km/services', `/km/services/${copies.at(-1)!.code}"`],
    } as const;
    console.log(`\nCatalogue search with ${rows[0]!.n} published services`);
    console.log(`  ${size.rounds} sequential requests each, after ${size.warmUp} to warm up`);
    for (const [name, [path, mustShow]] of Object.entries(searches)) {
      const result = await timePage(`${served.baseUrl}${path}`, '', { mustShow });
      console.log(`  ${name.padEnd(44)} median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (${(result.bytes / 1024).toFixed(0)} KB of HTML)`);
    }
  } finally {
    // The benchmarks after this one file applications across every published service: the copies
    // would spread them thin (a smoke run's 1,000 over 200 services once left a queue filter empty).
    const codes = copies.map((copy) => copy.code);
    await client.query(`delete from "ServiceVersion" where "serviceId" in (select id from "Service" where code = any($1::text[]))`, [codes]);
    await client.query(`delete from "Service" where code = any($1::text[])`, [codes]);
    await client.end();
  }
}
