import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { applyMigrations, migrationNames } from '@/lib/db/schema-engine';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';

let postgres: TestPostgres | undefined;
afterAll(() => postgres?.stop());

test('the "extra money" reports already filed become complaints of kind money to the Inspectorate, numbered and due on the working-day clock', async () => {
  postgres = await startTestPostgres();
  const url = await postgres.createDatabase('portal_complaints_migration');
  const names = await migrationNames();
  const complaints = names.find((n) => n.endsWith('_complaints_and_satisfaction'))!;
  await applyMigrations(url, names.slice(0, names.indexOf(complaints)));

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      insert into "Department" (id, code, "nameKm", "nameEn") values ('00000000-0000-4000-8000-000000000001', 'land-transport', 'ដឹកជញ្ជូនផ្លូវគោក', 'Land Transport');
      insert into "User" (id, name, locale, "updatedAt") values ('00000000-0000-4000-8000-0000000000a1', 'Reporter', 'en', now()), ('00000000-0000-4000-8000-0000000000a2', 'Auditor', 'km', now());
      insert into "Service" (id, code, "departmentId") values ('00000000-0000-4000-8000-0000000000b1', 'vehicle-registration', '00000000-0000-4000-8000-000000000001');
      insert into "ServiceVersion" (id, "serviceId", version, "nameKm", "nameEn", "summaryKm", "summaryEn", "legalBasisKm", "legalBasisEn", "feeRiel", "deadlineWorkingDays", definition)
        values ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1', 1, 'k', 'e', 'k', 'e', 'k', 'e', 1, 1, '{}');
      insert into "Application" (id, "serviceId", "serviceVersionId", "applicantId", status, "currentDepartmentId", "updatedAt")
        values ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 'in_review', '00000000-0000-4000-8000-000000000001', now());
      insert into "Holiday" (date, "nameKm", "nameEn") values ('2026-12-29', 'ទិវាសន្តិភាព', 'Peace Day');
      insert into "ReferenceCounter" (prefix, year, last) values ('CMP', 2026, 0);
      -- Monday 14 December 2026, 10:00 in Phnom Penh, handled by an auditor; and 1 January 2027 01:00 in Phnom Penh (still 2026 in UTC).
      insert into "ExtraPaymentReport" (id, "applicationId", "reporterId", "amountRiel", description, "createdAt", "handledAt", "handledById") values
        ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000a1', 200000, 'Asked for 200,000 riel', '2026-12-14 03:00', '2026-12-15 03:00', '00000000-0000-4000-8000-0000000000a2'),
        ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000a1', null, 'Asked again', '2026-12-31 18:00', null, null);
    `);
    await applyMigrations(url);
    const { rows } = await client.query(
      `select reference, kind, "complainantId", "applicationId", "departmentId", "amountRiel", description, locale, "dueAt", "answeredAt", "answeredById", answer
         from "Complaint" order by "createdAt"`,
    );
    expect(rows).toEqual([
      {
        reference: 'CMP-2026-000001', kind: 'money', complainantId: '00000000-0000-4000-8000-0000000000a1', applicationId: '00000000-0000-4000-8000-0000000000d1',
        departmentId: '00000000-0000-4000-8000-000000000001', amountRiel: 200000, description: 'Asked for 200,000 riel', locale: 'en',
        // 15 working days after Monday 14 December, skipping 29 December: Tuesday 5 January, midnight in Phnom Penh.
        dueAt: new Date('2027-01-05T16:59:59.999Z'), answeredAt: new Date('2026-12-15T03:00:00Z'), answeredById: '00000000-0000-4000-8000-0000000000a2', answer: null,
      },
      {
        reference: 'CMP-2027-000001', kind: 'money', complainantId: '00000000-0000-4000-8000-0000000000a1', applicationId: '00000000-0000-4000-8000-0000000000d1',
        departmentId: '00000000-0000-4000-8000-000000000001', amountRiel: null, description: 'Asked again', locale: 'en',
        dueAt: new Date('2027-01-22T16:59:59.999Z'), answeredAt: null, answeredById: null, answer: null,
      },
    ]);
    // The numbering goes on after the moved ones.
    expect((await client.query(`select year, last from "ReferenceCounter" where prefix = 'CMP' order by year`)).rows).toEqual([{ year: 2026, last: 1 }, { year: 2027, last: 1 }]);
    expect((await client.query(`select to_regclass('"ExtraPaymentReport"') as table`)).rows).toEqual([{ table: null }]);
  } finally {
    await client.end();
  }
});
