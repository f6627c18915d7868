import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PrismaClient } from '@/lib/db/generated/client';
import { seedServices } from '@/lib/services/catalogue';
import { seedDemoAccounts, seedReferenceData } from '@/prisma/seed';
import { startTestPostgres, type TestPostgres } from '../support/test-postgres';

// A database of its own: these tests count rows that other tests also create.
let postgres: TestPostgres;
let db: PrismaClient;
beforeAll(async () => {
  postgres = await startTestPostgres();
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: await postgres.createMigratedDatabase('portal_seed') }) });
});
afterAll(async () => {
  await db.$disconnect();
  await postgres.stop();
});

test('seeding twice publishes each service once, with its departments and holidays', async () => {
  await seedReferenceData(db);
  await seedReferenceData(db);
  expect(await db.service.count()).toBe(6);
  expect(await db.serviceVersion.count()).toBe(6);
  expect(await db.department.count()).toBe(6);
  expect(await db.holiday.count({ where: { nameEn: 'Independence Day' } })).toBe(2);
});

test('a changed definition becomes version 2 and version 1 stays as it was filed', async () => {
  await seedReferenceData(db);
  const original = seedServices[0]!;
  const changed = { ...original, feeRiel: original.feeRiel + 1_000 };
  seedServices[0] = changed;
  try {
    await seedReferenceData(db);
  } finally {
    seedServices[0] = original;
  }
  const versions = await db.serviceVersion.findMany({ where: { service: { code: original.code } }, orderBy: { version: 'asc' } });
  expect(versions.map((v) => [v.version, v.feeRiel])).toEqual([[1, original.feeRiel], [2, original.feeRiel + 1_000]]);
});

test('demo accounts cover every role and are created once', async () => {
  await seedReferenceData(db);
  await seedDemoAccounts(db);
  await seedDemoAccounts(db);
  const roles = await db.roleAssignment.findMany({ select: { role: true } });
  expect(new Set(roles.map((r) => r.role))).toEqual(
    new Set(['citizen', 'investor', 'clerk', 'supervisor', 'department_head', 'auditor', 'administrator']),
  );
  expect(await db.user.count({ where: { email: 'admin@demo.gov.kh' } })).toBe(1);
});
