// What registered clients read (lib/policy/policy.ts says which): licences with their holder,
// a company's applications, fee receipts. A record a client may not read is not found; every
// licence or application it reads goes on that file's audit trail with the institution's name.
import 'server-only';
import { applicationOutcome } from '@/lib/applications/outcome';
import { db, query, type ApplicationStatus, type LicenceStatus } from '@/lib/db/client';
import { standingOf } from '@/lib/licences/documents';
import { factsOfSignedText } from '@/lib/licences/facts';
import { clientCan, clientReach, type ApiClientActor } from '@/lib/policy/policy';
import { definitionOfVersion } from '@/lib/services/queries';
import { recordClientRead } from '@/lib/workflow/machine';
import { decodeCursor, encodeCursor } from './http';
import type { ApplicationRecord, Licence, Receipt } from './schemas';

interface LicenceRow {
  number: string;
  holderName: string;
  issuedAt: Date;
  validFrom: string;
  validUntil: string | null;
  signedFields: string;
  status: 'valid' | 'revoked';
  revokedAt: Date | null;
  revokedReason: string | null;
  applicationId: string;
  organisationId: string | null;
  serviceVersionId: string;
  serviceCode: string;
  nationalIdNumber: string | null;
}

// One joined statement per read (licences are read on every roadside check). Days come as text
// and instants as UTC, whatever the time zone of the process that parses them.
const licenceSelect = `select l.number, l."holderName", l."issuedAt" at time zone 'UTC' as "issuedAt", l."validFrom"::text as "validFrom",
    l."validUntil"::text as "validUntil", l."signedFields", l.status, l."revokedAt" at time zone 'UTC' as "revokedAt", l."revokedReason",
    a.id as "applicationId", a."organisationId", a."serviceVersionId", s.code as "serviceCode", u."nationalIdNumber"
  from "Licence" l join "Application" a on a.id = l."applicationId" join "Service" s on s.id = a."serviceId" join "User" u on u.id = a."applicantId"`;

async function licenceResource(row: LicenceRow): Promise<Licence> {
  const definition = await definitionOfVersion(row.serviceVersionId);
  return {
    number: row.number,
    status: standingOf({ status: row.status, validUntil: row.validUntil ? new Date(`${row.validUntil}T00:00:00Z`) : null }),
    service: row.serviceCode,
    document: definition.issues ?? definition.name,
    // A company's licence is held by the company: no person's ID number goes with it.
    holder: { name: row.holderName, nationalIdNumber: row.organisationId ? null : row.nationalIdNumber },
    issuedAt: row.issuedAt.toISOString(),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    facts: factsOfSignedText(definition, row.signedFields).map(({ label, value }) => ({ label, value })),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
  };
}

/** One licence with its holder, recorded as read by the client's institution. */
export async function readLicence(client: ApiClientActor, number: string): Promise<Licence | null> {
  const [row] = await query<LicenceRow>(`${licenceSelect} where l.number = $1`, [number]);
  if (!row || !clientCan(client, 'licence.read', row)) return null;
  await recordClientRead(client, [row.applicationId], 'licence');
  return licenceResource(row);
}

/** The licences a person holds (applied for in their own name), by their national ID card number. */
export async function licencesOfHolder(client: ApiClientActor, nationalIdNumber: string): Promise<LicenceRow[]> {
  const reach = clientReach(client, 'licence.read');
  if (reach === 'none') return [];
  // A person's own licences, or (for a company's client) those its company holds through them.
  return query<LicenceRow>(`${licenceSelect} where u."nationalIdNumber" = $1 and a."organisationId" is not distinct from $2 order by l.number`, [
    nationalIdNumber,
    reach === 'all' ? null : reach.organisationId,
  ]);
}

/** A page of licencesOfHolder, recorded as read. */
export async function readLicences(client: ApiClientActor, rows: LicenceRow[]): Promise<Licence[]> {
  await recordClientRead(client, rows.map((r) => r.applicationId), 'licence');
  return Promise.all(rows.map(licenceResource));
}

interface ApplicationRow {
  id: string;
  reference: string;
  organisationId: string | null;
  status: ApplicationStatus;
  currentStageKey: string | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  submittedAt: Date | null;
  serviceVersionId: string;
  serviceCode: string;
  organisation: { km: string; en: string } | null;
  department: { km: string; en: string } | null;
  licence: { status: LicenceStatus; revokedAt: string | null } | null;
  events: { type: string; createdAt: string; data: unknown }[];
}

// As licenceSelect: one statement (a company's system polls its files), the timeline as JSON,
// instants as UTC whatever the time zone of the process that parses them.
const applicationSelect = `select a.id, a.reference, a."organisationId", a.status, a."currentStageKey", a."dueAt" at time zone 'UTC' as "dueAt",
    a."decidedAt" at time zone 'UTC' as "decidedAt", a."submittedAt" at time zone 'UTC' as "submittedAt", a."serviceVersionId", s.code as "serviceCode",
    case when o.id is null then null else json_build_object('km', o."nameKm", 'en', o."nameEn") end as organisation,
    case when d.id is null then null else json_build_object('km', d."nameKm", 'en', d."nameEn") end as department,
    case when l.id is null then null else json_build_object('status', l.status, 'revokedAt', l."revokedAt" at time zone 'UTC') end as licence,
    coalesce((select json_agg(json_build_object('type', e.type, 'createdAt', e."createdAt" at time zone 'UTC', 'data', e.data) order by e.id)
      from "ApplicationEvent" e where e."applicationId" = a.id and e.visibility = 'public'), '[]') as events
  from "Application" a join "Service" s on s.id = a."serviceId" left join "Organisation" o on o.id = a."organisationId"
    left join "Department" d on d.id = a."currentDepartmentId" left join "Licence" l on l."applicationId" = a.id
  where a.reference = $1`;

/** A company's application with its timeline, for that company's own client; recorded as read. */
export async function readApplication(client: ApiClientActor, reference: string): Promise<ApplicationRecord | null> {
  const [row] = await query<ApplicationRow>(applicationSelect, [reference.trim().toUpperCase()]);
  if (!row?.reference || !clientCan(client, 'application.read', row)) return null;
  await recordClientRead(client, [row.id]);
  const definition = await definitionOfVersion(row.serviceVersionId);
  const licence = row.licence && { status: row.licence.status, revokedAt: row.licence.revokedAt ? new Date(row.licence.revokedAt) : null };
  const outcome = applicationOutcome(row, licence);
  const text = (data: unknown, key: string) => {
    const value = (data as Record<string, unknown> | null)?.[key];
    return typeof value === 'string' ? value : null;
  };
  return {
    reference: row.reference,
    service: { code: row.serviceCode, name: definition.name },
    organisation: row.organisation ? { name: row.organisation } : null,
    status: row.status,
    outcome: outcome ? { decision: outcome.decision, on: outcome.on?.toISOString() ?? null } : null,
    stage: outcome ? null : (definition.stages.find((s) => s.key === row.currentStageKey)?.name ?? null),
    department: !outcome && row.department ? row.department : null,
    dueAt: outcome ? null : (row.dueAt?.toISOString() ?? null),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    timeline: row.events.map((e) => ({ event: e.type, at: new Date(e.createdAt).toISOString(), message: text(e.data, 'message') ?? text(e.data, 'reason') })),
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
