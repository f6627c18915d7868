// Seeds reference data (departments, services, holidays) on every start, and demo accounts in
// demo mode only. Idempotent: a changed service definition becomes a new published version.
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Role } from '../lib/db/generated/client';
import { hashPassword } from '../lib/auth/password';
import { sealSecret } from '../lib/auth/sealed-secret';
import { rolesNeedingSecondFactor } from '../lib/policy/policy';
import { fixedHolidays } from '../lib/deadlines/holidays';
import { seedServices } from '../lib/services/catalogue';
import { departments } from '../lib/services/departments';
import { importDefinition, publishDraft } from '../lib/services/publishing';

export const demoPassword = 'Demo-Portal-2026';

type DemoAccount = { name: string; email: string; phone?: string; role: Role; department?: string; title: string };

export const demoAccounts: DemoAccount[] = [
  { name: 'សុខ សុខា', email: 'citizen@demo.gov.kh', phone: '+85512345678', role: 'citizen', title: 'Citizen' },
  { name: 'ចាន់ ដារា', email: 'investor@demo.gov.kh', role: 'investor', title: 'Investor (Angkor Build Co., Ltd.)' },
  { name: 'កែវ សុភា', email: 'clerk.transport@demo.gov.kh', role: 'clerk', department: 'land-transport', title: 'Clerk, Land Transport' },
  { name: 'លី វិចិត្រ', email: 'clerk.works@demo.gov.kh', role: 'clerk', department: 'public-works', title: 'Clerk, Public Works' },
  { name: 'ហេង បូរ៉ា', email: 'clerk.construction@demo.gov.kh', role: 'clerk', department: 'construction', title: 'Clerk, Construction Management' },
  { name: 'ម៉ៅ សុផល', email: 'inspector@demo.gov.kh', role: 'clerk', department: 'inspection', title: 'Inspector, General Inspectorate' },
  { name: 'ឈឹម រតនា', email: 'clerk.logistics@demo.gov.kh', role: 'clerk', department: 'logistics', title: 'Clerk, Logistics' },
  { name: 'សំ ពិសិដ្ឋ', email: 'clerk.inspection@demo.gov.kh', role: 'clerk', department: 'vehicle-inspection', title: 'Clerk, Vehicle Inspection' },
  { name: 'ទេព សុវណ្ណ', email: 'supervisor.transport@demo.gov.kh', role: 'supervisor', department: 'land-transport', title: 'Supervisor, Land Transport' },
  { name: 'នួន សារ៉ាត', email: 'head.works@demo.gov.kh', role: 'department_head', department: 'public-works', title: 'Head, Public Works' },
  { name: 'ប៉ែន សុធារី', email: 'head.transport@demo.gov.kh', role: 'department_head', department: 'land-transport', title: 'Head, Land Transport' },
  { name: 'អ៊ុក ច័ន្ទថា', email: 'auditor@demo.gov.kh', role: 'auditor', title: 'Auditor' },
  { name: 'យឹម វណ្ណៈ', email: 'admin@demo.gov.kh', role: 'administrator', title: 'Administrator' },
];

export async function seedReferenceData(db: PrismaClient): Promise<void> {
  for (const d of departments) {
    await db.department.upsert({ where: { code: d.code }, update: { nameKm: d.nameKm, nameEn: d.nameEn }, create: d });
  }

  // Each service's definition file goes through the import path an administrator's file takes,
  // and is published by the system when it changed since the system last published it (so a
  // restart never undoes what administrators published since).
  for (const definition of seedServices) {
    await db.$transaction(async (tx) => {
      const latest = await tx.serviceVersion.findFirst({ where: { service: { code: definition.code }, publishedAt: { not: null }, publishedById: null }, orderBy: { version: 'desc' } });
      if (latest && isDeepStrictEqual(latest.definition, JSON.parse(JSON.stringify(definition)))) return;
      const imported = await importDefinition(tx, JSON.parse(JSON.stringify(definition)), null);
      if (!imported.ok) throw new Error(`${definition.code}: ${JSON.stringify(imported.problems)}`);
      await publishDraft(tx, definition.code, { publisherId: null, legalInstrument: null, effectiveFrom: null, reviewed: null });
    });
  }

  const year = new Date().getUTCFullYear();
  await db.holiday.createMany({ data: fixedHolidays([year, year + 1]), skipDuplicates: true });
}

/**
 * The demo's staff accounts share this authenticator key (published in the README and printed
 * at start), so that anyone trying the demo can add it to an authenticator app. Real staff each
 * enrol their own at first sign-in.
 */
export const demoAuthenticatorKey = 'MPWTDEMOSTAFFKEYFORTHEPORTALDEMO';

/** `sealingSecret` is the portal's NEXTAUTH_SECRET: with it, demo staff are enrolled with the demo key. */
export async function seedDemoAccounts(db: PrismaClient, sealingSecret?: string): Promise<void> {
  const departmentIds = new Map((await db.department.findMany()).map((d) => [d.code, d.id]));
  const passwordHash = await hashPassword(demoPassword);
  for (const account of demoAccounts) {
    const user =
      (await db.user.findUnique({ where: { email: account.email } })) ??
      (await db.user.create({
        data: {
          name: account.name,
          email: account.email,
          phone: account.phone,
          // The demo's addresses count as proven, so that the demo's notifications are sent.
          emailVerifiedAt: new Date(),
          phoneVerifiedAt: account.phone ? new Date() : null,
          passwordHash,
          roles: { create: [{ role: account.role, departmentId: account.department ? departmentIds.get(account.department) : null }] },
        },
      }));
    if (sealingSecret && (rolesNeedingSecondFactor as readonly Role[]).includes(account.role)) {
      await db.staffSecondFactor.upsert({
        where: { userId: user.id },
        create: { userId: user.id, sealedSecret: sealSecret(demoAuthenticatorKey, sealingSecret), confirmedAt: new Date() },
        update: {},
      });
    }
  }
  const investor = await db.user.findUniqueOrThrow({ where: { email: 'investor@demo.gov.kh' } });
  await db.organisation.upsert({
    where: { registrationNumber: '00012345' },
    update: {},
    create: {
      nameKm: 'ក្រុមហ៊ុន អង្គរ ប៊ីល ឯ.ក',
      nameEn: 'Angkor Build Co., Ltd.',
      registrationNumber: '00012345',
      taxId: 'K001-901234567',
      address: { province: 'phnom-penh', line: 'No. 12, Street 271, Tuol Tumpung' },
      members: { create: { userId: investor.id, role: 'owner' } },
    },
  });
}

export function printDemoAccounts(print: (line: string) => void = console.log): void {
  print(`Demo accounts (password for all: ${demoPassword}):`);
  for (const a of demoAccounts) print(`  ${a.email.padEnd(34)} ${a.title}`);
  print(`Staff accounts ask for a code from an authenticator app with the demo key ${demoAuthenticatorKey}`);
}

// `npm run db:seed`: reference data, plus demo accounts when DEMO=1 or on the embedded database.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { withAppDatabase } = await import('../lib/db/local-database');
  const { seedDemoApplications } = await import('./demo-applications');
  await withAppDatabase(async (url) => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await seedReferenceData(db);
    if (process.env.DEMO === '1' || !process.env.DATABASE_URL) {
      await seedDemoAccounts(db, process.env.NEXTAUTH_SECRET);
      await seedDemoApplications(url);
      printDemoAccounts();
    }
    await db.$disconnect();
  });
  process.exit(0);
}
