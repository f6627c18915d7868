// What registered clients read (lib/policy/policy.ts says which): licences with their holder,
// a company's applications, fee receipts. A record a client may not read is not found; every
// licence or application it reads goes on that file's audit trail with the institution's name.
import 'server-only';
import { applicationOutcome } from '@/lib/applications/outcome';
import { db } from '@/lib/db/client';
import { standingOf } from '@/lib/licences/documents';
import { factsOfSignedText } from '@/lib/licences/facts';
import { clientCan, clientReach, type ApiClientActor } from '@/lib/policy/policy';
import { definitionOfVersion } from '@/lib/services/queries';
import { recordClientRead } from '@/lib/workflow/machine';
import { decodeCursor, encodeCursor } from './http';
import type { ApplicationRecord, Licence, Receipt } from './schemas';

const day = (date: Date) => date.toISOString().slice(0, 10);

const licenceFields = {
  number: true,
  holderName: true,
  issuedAt: true,
  validFrom: true,
  validUntil: true,
  signedFields: true,
  status: true,
  revokedAt: true,
  revokedReason: true,
  application: { select: { id: true, organisationId: true, serviceVersionId: true, service: { select: { code: true } }, applicant: { select: { nationalIdNumber: true } } } },
} as const;

type LicenceRow = NonNullable<Awaited<ReturnType<typeof findLicence>>>;
const findLicence = (number: string) => db.licence.findUnique({ where: { number }, select: licenceFields });

async function licenceResource(row: LicenceRow): Promise<Licence> {
  const definition = await definitionOfVersion(row.application.serviceVersionId);
  return {
    number: row.number,
    status: standingOf(row),
    service: row.application.service.code,
    document: definition.issues ?? definition.name,
    // A company's licence is held by the company: no person's ID number goes with it.
    holder: { name: row.holderName, nationalIdNumber: row.application.organisationId ? null : row.application.applicant.nationalIdNumber },
    issuedAt: row.issuedAt.toISOString(),
    validFrom: day(row.validFrom),
    validUntil: row.validUntil ? day(row.validUntil) : null,
    facts: factsOfSignedText(definition, row.signedFields).map(({ label, value }) => ({ label, value })),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
  };
}

/** One licence with its holder, recorded as read by the client's institution. */
export async function readLicence(client: ApiClientActor, number: string): Promise<Licence | null> {
  const row = await findLicence(number);
  if (!row || !clientCan(client, 'licence.read', row.application)) return null;
  await recordClientRead(client, [row.application.id], 'licence');
  return licenceResource(row);
}

/** The licences a person holds (applied for in their own name), by their national ID card number. */
export async function licencesOfHolder(client: ApiClientActor, nationalIdNumber: string): Promise<LicenceRow[]> {
  const reach = clientReach(client, 'licence.read');
  if (reach === 'none') return [];
  return db.licence.findMany({
    where: { application: { organisationId: reach === 'all' ? null : reach.organisationId, applicant: { nationalIdNumber } } },
    select: licenceFields,
    orderBy: { number: 'asc' },
  });
}

/** A page of licencesOfHolder, recorded as read. */
export async function readLicences(client: ApiClientActor, rows: LicenceRow[]): Promise<Licence[]> {
  await recordClientRead(client, rows.map((r) => r.application.id), 'licence');
  return Promise.all(rows.map(licenceResource));
}

/** A company's application with its timeline, for that company's own client; recorded as read. */
export async function readApplication(client: ApiClientActor, reference: string): Promise<ApplicationRecord | null> {
  const row = await db.application.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    select: {
      id: true, reference: true, organisationId: true, status: true, currentStageKey: true, dueAt: true, decidedAt: true, submittedAt: true, serviceVersionId: true,
      service: { select: { code: true } },
      organisation: { select: { nameKm: true, nameEn: true } },
      currentDepartment: { select: { nameKm: true, nameEn: true } },
      licence: { select: { status: true, revokedAt: true } },
      events: { where: { visibility: 'public' }, orderBy: { id: 'asc' }, select: { type: true, createdAt: true, data: true } },
    },
  });
  if (!row?.reference || !clientCan(client, 'application.read', row)) return null;
  await recordClientRead(client, [row.id]);
  const definition = await definitionOfVersion(row.serviceVersionId);
  const outcome = applicationOutcome(row, row.licence);
  const text = (data: unknown, key: string) => {
    const value = (data as Record<string, unknown> | null)?.[key];
    return typeof value === 'string' ? value : null;
  };
  return {
    reference: row.reference,
    service: { code: row.service.code, name: definition.name },
    organisation: row.organisation ? { name: { km: row.organisation.nameKm, en: row.organisation.nameEn } } : null,
    status: row.status,
    outcome: outcome ? { decision: outcome.decision, on: outcome.on?.toISOString() ?? null } : null,
    stage: outcome ? null : (definition.stages.find((s) => s.key === row.currentStageKey)?.name ?? null),
    department: !outcome && row.currentDepartment ? { km: row.currentDepartment.nameKm, en: row.currentDepartment.nameEn } : null,
    dueAt: outcome ? null : (row.dueAt?.toISOString() ?? null),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    timeline: row.events.map((e) => ({ event: e.type, at: e.createdAt.toISOString(), message: text(e.data, 'message') ?? text(e.data, 'reason') })),
  };
}

const phnomPenhMidnight = (isoDay: string) => new Date(`${isoDay}T00:00:00+07:00`);

/**
 * Receipts paid from `from` to `to` (Phnom Penh days, inclusive), in the order they were paid,
 * a page at a time (keyset on paidAt and receipt number, the index `Payment_paidAt_receiptNumber_idx`).
 */
export async function readReceipts(
  client: ApiClientActor,
  query: { from: string; to: string; limit: number; cursor?: string },
): Promise<{ ok: true; items: Receipt[]; nextCursor: string | null } | { ok: false }> {
  const reach = clientReach(client, 'receipt.read');
  let after: { paidAt: Date; receiptNumber: string } | null = null;
  if (query.cursor !== undefined) {
    const [at, receiptNumber] = decodeCursor(query.cursor)?.split(' ') ?? [];
    if (!at || !receiptNumber || Number.isNaN(Date.parse(at))) return { ok: false };
    after = { paidAt: new Date(at), receiptNumber };
  }
  const end = phnomPenhMidnight(query.to);
  end.setUTCDate(end.getUTCDate() + 1);
  const rows = reach === 'none' ? [] : await db.payment.findMany({
    where: {
      status: 'paid',
      receiptNumber: { not: null },
      paidAt: { gte: phnomPenhMidnight(query.from), lt: end },
      ...(reach === 'all' ? {} : { application: { organisationId: reach.organisationId } }),
      ...(after ? { OR: [{ paidAt: { gt: after.paidAt } }, { paidAt: after.paidAt, receiptNumber: { gt: after.receiptNumber } }] } : {}),
    },
    orderBy: [{ paidAt: 'asc' }, { receiptNumber: 'asc' }],
    take: query.limit + 1,
    select: { receiptNumber: true, billNumber: true, paidAt: true, amountRiel: true, application: { select: { reference: true, serviceVersionId: true, service: { select: { code: true } } } } },
  });
  const page = rows.slice(0, query.limit);
  const items = await Promise.all(
    page.map(async (r) => ({
      receiptNumber: r.receiptNumber!,
      billNumber: r.billNumber,
      paidAt: r.paidAt!.toISOString(),
      amountRiel: r.amountRiel,
      reference: r.application.reference ?? '',
      service: { code: r.application.service.code, name: (await definitionOfVersion(r.application.serviceVersionId)).name },
    })),
  );
  const last = page.at(-1);
  return { ok: true, items, nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.paidAt!.toISOString()} ${last.receiptNumber}`) : null };
}
