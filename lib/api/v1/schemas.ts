// Every request and response of /api/v1, in one place. The routes validate their input with these
// schemas and build their answers typed by them; lib/api/v1/openapi.ts turns the same schemas into
// the OpenAPI document, so what is documented is what is checked. `id` in .meta() makes a schema a
// named component of the document.
import { z } from 'zod';
import 'zod-openapi'; // the types of .meta()'s OpenAPI keys (id, param)
import { ApplicationStatus } from '@/lib/db/generated/enums';
import { apiScopes } from '@/lib/policy/policy';
import { steps } from '@/lib/workflow/machine';
import { webhookEventTypes, type WebhookEventType } from '@/lib/webhooks/events';

export const localizedText = z
  .object({ km: z.string(), en: z.string() })
  .meta({ id: 'LocalizedText', description: 'The same text in Khmer (km) and English (en).', example: { km: 'ការបន្តសុពលភាពប័ណ្ណបើកបរ', en: 'Driving licence renewal' } });

const code = z.string().meta({ description: 'A stable identifier in lower case and dashes.', example: 'driving-licence-renewal' });

// ---------------------------------------------------------------------------------------------
// Problems (RFC 9457)

export const problemTypeNames = ['not-found', 'invalid-parameter', 'invalid-cursor', 'unauthorized', 'too-many-requests', 'method-not-allowed'] as const;
export type ProblemTypeName = (typeof problemTypeNames)[number];

export const problem = z
  .object({
    type: z.url().meta({ description: 'Names the kind of error; stable across versions of the portal. Opening it describes the kind.', example: 'https://e-services.mpwt.gov.kh/api/v1/problems/not-found' }),
    title: z.string().meta({ description: 'A short summary of the kind of error, in the language asked for by Accept-Language (Khmer when neither).' }),
    status: z.int().min(100).max(599).meta({ description: 'The HTTP status code of this answer.', example: 404 }),
    detail: z.string().meta({ description: 'What went wrong this time and how to put it right, in the same language.' }),
    invalidParams: z
      .array(z.object({ name: z.string() }))
      .optional()
      .meta({ description: 'With invalid-parameter: the parameters that are missing or not in the documented form.' }),
    retryAfterSeconds: z.int().nonnegative().optional().meta({ description: 'With too-many-requests: as the Retry-After header.' }),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details (media type application/problem+json).' });
export type Problem = z.output<typeof problem>;

export const problemTypeDescription = z
  .object({ type: z.url(), status: z.int().min(100).max(599), title: localizedText, description: localizedText })
  .meta({ id: 'ProblemType', description: 'What a problem type means; this is what its type URI answers.' });

export const problemTypeParams = z.object({ type: z.enum(problemTypeNames).meta({ description: 'The last segment of a problem type URI.' }) });

// ---------------------------------------------------------------------------------------------
// Pagination

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'How many items a page holds, from 1 to 100.', example: 20 }),
  cursor: z.string().max(200).optional().meta({ description: "Opaque: the nextCursor of the previous page. Leave it out for the first page." }),
});

const nextCursor = z.string().nullable().meta({ description: 'Pass as cursor to read the next page; null on the last page. The Link header (rel="next") carries the same as a URL.' });

// ---------------------------------------------------------------------------------------------
// Services

export const department = z.object({ code, name: localizedText }).meta({ id: 'Department' });

const feeLine = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('by-answer'),
      label: localizedText,
      question: localizedText.meta({ description: 'The question whose answer sets the amount.' }),
      amounts: z.array(z.object({ option: code, label: localizedText, riel: z.int().nonnegative() })),
    }),
    z.object({
      kind: z.literal('per-unit'),
      label: localizedText,
      unit: localizedText.meta({ description: 'The question whose number is multiplied (floors, metres, ...).' }),
      rielPerUnit: z.int().nonnegative(),
    }),
  ])
  .meta({ id: 'FeeLine', description: 'A part of the fee that depends on an answer.' });

export const fee = z
  .object({
    baseRiel: z.int().nonnegative().meta({ description: 'The fixed part of the official fee, in riel.' }),
    minimumRiel: z.int().nonnegative().meta({ description: 'The lowest official fee anyone applying can be asked, in riel.' }),
    lines: z.array(feeLine),
    ifRefused: z.enum(['full', 'all-but-base', 'none']).nullable().meta({ description: 'What is paid back if the application is refused: all of it, all but the base fee, or nothing.' }),
  })
  .meta({ id: 'Fee', description: 'The official fee. Nobody may ask for more; it is paid only through the portal.' });

export const documentRequirement = z
  .object({
    key: code,
    label: localizedText,
    hint: localizedText.nullable(),
    required: z.boolean(),
    maxFiles: z.int().nonnegative().meta({ description: 'How many files it may take ("front and back": 2).' }),
    conditional: z.boolean().meta({ description: 'Asked only for some answers; the form says when.' }),
  })
  .meta({ id: 'DocumentRequirement' });

export const serviceStage = z
  .object({ key: code, name: localizedText, department, workingDays: z.int().nonnegative() })
  .meta({ id: 'ServiceStage', description: 'A step of the decision, the department that takes it and its deadline.' });

export const service = z
  .object({
    code,
    version: z.int().nonnegative().meta({ description: 'The published version of the definition described.' }),
    name: localizedText,
    summary: localizedText,
    whoCanApply: localizedText,
    department,
    fee,
    deadlineWorkingDays: z.int().nonnegative().meta({ description: 'The promised time to a decision, in working days (Phnom Penh calendar).' }),
    stages: z.array(serviceStage),
    documents: z.array(documentRequirement),
    issues: localizedText.nullable().meta({ description: 'The document the applicant receives; null for an appointment.' }),
    validityMonths: z.int().nonnegative().nullable(),
    legalBasis: localizedText,
  })
  .meta({ id: 'Service', description: 'A service of the catalogue, as its public page describes it.' });
export type Service = z.output<typeof service>;

export const servicePage = z.object({ items: z.array(service), nextCursor }).meta({ id: 'ServicePage' });
export type ServicePage = z.output<typeof servicePage>;

export const serviceParams = z.object({ code });

// ---------------------------------------------------------------------------------------------
// Licence status

export const licenceNumber = z.string().max(60).meta({ description: 'As printed on the document.', example: 'DLL-2026-000045' });

export const licenceStatus = z
  .object({
    number: licenceNumber,
    status: z.enum(['valid', 'expired', 'revoked']),
    document: localizedText.meta({ description: 'What the document is.' }),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().meta({ description: 'null for a document that does not expire.' }),
    facts: z
      .array(z.object({ label: localizedText, value: localizedText }))
      .meta({ description: 'What the document certifies that its service makes public (a number plate, a vehicle type).' }),
    revokedReason: z.string().nullable(),
  })
  .meta({
    id: 'LicenceStatus',
    description: "What the public verification page shows to anyone with the number: never the holder's name or other personal details.",
  });
export type LicenceStatus = z.output<typeof licenceStatus>;

export const licenceParams = z.object({ number: licenceNumber });

// ---------------------------------------------------------------------------------------------
// Tracking

export const trackingQuery = z.object({
  reference: z.string().trim().min(1).max(40).meta({ description: 'The reference given at submission.', example: 'DL-2026-000123' }),
  code: z.string().trim().min(1).max(20).meta({ description: 'The tracking code given at submission.', example: 'K7M2Q9XD' }),
});

export const trackedApplication = z
  .object({
    reference: z.string(),
    service: localizedText,
    status: z.enum(ApplicationStatus),
    outcome: z
      .object({ decision: z.enum(['approved', 'issued', 'revoked', 'rejected', 'withdrawn']), on: z.iso.datetime().nullable() })
      .nullable()
      .meta({ description: 'What a decided application came to; null while it is being worked on.' }),
    stage: localizedText.nullable().meta({ description: 'The current stage; null once decided.' }),
    department: localizedText.nullable().meta({ description: 'The department holding it; null once decided.' }),
    dueAt: z.iso.datetime().nullable().meta({ description: 'When the current stage is due; null once decided.' }),
  })
  .meta({ id: 'TrackedApplication', description: 'Status and routing only: never the applicant or their answers.' });
export type TrackedApplicationBody = z.output<typeof trackedApplication>;

// ---------------------------------------------------------------------------------------------
// Registered clients: the token endpoint (RFC 6749) and the reads each scope opens

export const scope = z.enum(apiScopes);

export const tokenRequest = z
  .object({
    grant_type: z.literal('client_credentials'),
    scope: z.string().max(200).optional().meta({ description: 'Space-separated; leave it out for every scope the client holds.', example: 'licences:read' }),
    client_id: z.string().max(100).optional().meta({ description: 'With client_secret, when the client does not use HTTP Basic authentication.' }),
    client_secret: z.string().max(200).optional(),
  })
  .meta({ id: 'TokenRequest', description: 'The client-credentials grant. Authenticate with HTTP Basic (client id and secret), or with client_id and client_secret in the form.' });

export const tokenResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.int().nonnegative().meta({ description: 'Seconds the token lives: ask for a new one after.', example: 600 }),
    scope: z.string(),
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.output<typeof tokenResponse>;

export const oauthError = z
  .object({
    error: z.enum(['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope', 'temporarily_unavailable']),
    error_description: z.string(),
  })
  .meta({ id: 'OAuthError', description: "The token endpoint's errors, in OAuth 2.0's own form (RFC 6749 section 5.2)." });
export type OAuthError = z.output<typeof oauthError>;

const day = z.iso.date();
const instant = z.iso.datetime();

export const licence = z
  .object({
    number: licenceNumber,
    status: z.enum(['valid', 'expired', 'revoked']),
    service: code,
    document: localizedText,
    holder: z.object({ name: z.string(), nationalIdNumber: z.string().nullable() }),
    issuedAt: instant,
    validFrom: day,
    validUntil: day.nullable(),
    facts: z.array(z.object({ label: localizedText, value: localizedText })).meta({ description: 'Everything the document certifies.' }),
    revokedAt: instant.nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'Licence', description: 'A licence or permit with its holder (scope licences:read). Each read is shown to the holder as the institution\'s.' });
export type Licence = z.output<typeof licence>;

export const licencePage = z.object({ items: z.array(licence), nextCursor }).meta({ id: 'LicencePage' });
export type LicencePage = z.output<typeof licencePage>;

export const licencesQuery = pageQuery.extend({
  nationalIdNumber: z.string().regex(/^\d{9}$/).meta({ description: "The holder's national ID card number (9 digits).", example: '010203040' }),
});

const publicEvents = Object.values(steps).filter((s) => s.visibility === 'public').map((s) => s.event);

export const applicationRecord = z
  .object({
    reference: z.string(),
    service: z.object({ code, name: localizedText }),
    organisation: z.object({ name: localizedText }).nullable(),
    status: z.enum(ApplicationStatus),
    outcome: trackedApplication.shape.outcome,
    stage: localizedText.nullable(),
    department: localizedText.nullable(),
    dueAt: instant.nullable(),
    submittedAt: instant.nullable(),
    timeline: z
      .array(z.object({ event: z.enum(publicEvents as [string, ...string[]]), at: instant, message: z.string().nullable().meta({ description: 'What the department asked for (info_requested) or why (rejected, licence_revoked).' }) }))
      .meta({ description: "The application's timeline, oldest first, as its applicant sees it." }),
  })
  .meta({ id: 'Application', description: "A company's application, for that company's own system (scope applications:read)." });
export type ApplicationRecord = z.output<typeof applicationRecord>;

export const applicationParams = z.object({ reference: z.string().max(40).meta({ example: 'CP-2026-000045' }) });

export const receipt = z
  .object({
    receiptNumber: z.string(),
    billNumber: z.string(),
    paidAt: instant,
    amountRiel: z.int().nonnegative(),
    reference: z.string().meta({ description: 'The application the fee was paid for.' }),
    service: z.object({ code, name: localizedText }),
  })
  .meta({ id: 'Receipt', description: 'An official fee received (scope payments:read). No personal details.' });
export type Receipt = z.output<typeof receipt>;

export const receiptPage = z.object({ items: z.array(receipt), nextCursor }).meta({ id: 'ReceiptPage' });
export type ReceiptPage = z.output<typeof receiptPage>;

export const receiptsQuery = pageQuery
  .extend({
    from: day.meta({ description: 'The first day (Phnom Penh), inclusive.', example: '2026-12-01' }),
    to: day.meta({ description: 'The last day (Phnom Penh), inclusive; at most 366 days after from.', example: '2026-12-31' }),
  })
  .refine((q) => q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { path: ['to'] });

// ---------------------------------------------------------------------------------------------
// Webhooks (lib/webhooks): subscriptions, their delivery log, and what each event sends

export const webhookEventType = z
  .enum(webhookEventTypes)
  .meta({ id: 'WebhookEventType', description: 'application.status_changed (applications:read), licence.issued and licence.revoked (licences:read), payment.received (payments:read).' });

export const webhookSubscriptionRequest = z
  .object({
    url: z.string().max(2000).meta({ description: 'Where deliveries are POSTed: https, to a public name or address.', example: 'https://systems.example.com/mpwt-webhooks' }),
    events: z.array(webhookEventType).min(1).max(webhookEventTypes.length).meta({ description: "Events to receive; each must be one the client's scopes let it read." }),
  })
  .meta({ id: 'WebhookSubscriptionRequest' });

export const webhookSubscription = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(webhookEventType),
    createdAt: instant,
    disabledAt: instant.nullable().meta({ description: 'When it was deleted or disabled; nothing is sent after.' }),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscriptionBody = z.output<typeof webhookSubscription>;

export const createdWebhookSubscription = webhookSubscription
  .extend({ secret: z.string().meta({ description: 'The signing secret (whsec_…). Shown this once only: keep it in a secret store.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) })
  .meta({ id: 'CreatedWebhookSubscription' });

export const webhookSubscriptionList = z.object({ items: z.array(webhookSubscription) }).meta({ id: 'WebhookSubscriptionList' });
export type WebhookSubscriptionList = z.output<typeof webhookSubscriptionList>;

export const webhookSubscriptionParams = z.object({ id: z.string().max(60).meta({ description: 'The subscription id.' }) });
export const webhookDeliveryParams = webhookSubscriptionParams.extend({ deliveryId: z.string().max(60).meta({ description: 'The delivery id.' }) });

const applicationStatus = z.enum(ApplicationStatus);

export const webhookPayloads = {
  'application.status_changed': z.object({ reference: z.string(), status: applicationStatus, previousStatus: applicationStatus }),
  'licence.issued': z.object({ number: licenceNumber, service: code }),
  'licence.revoked': z.object({ number: licenceNumber, service: code }),
  'payment.received': z.object({ receiptNumber: z.string(), reference: z.string().meta({ description: 'The application the fee was paid for.' }), amountRiel: z.int().nonnegative(), paidAt: instant }),
} as const satisfies Record<WebhookEventType, z.ZodType>;

/** The body of a delivery of one event type, as the OpenAPI document's `webhooks` describes it. */
export const webhookEvent = <T extends WebhookEventType>(type: T) =>
  z
    .object({
      type: z.literal(type),
      timestamp: instant.meta({ description: 'When the change happened.' }),
      data: webhookPayloads[type],
    })
    .meta({ id: `WebhookEvent_${type.replace('.', '_')}` });

export const webhookDelivery = z
  .object({
    id: z.uuid(),
    eventId: z.string().meta({ description: 'The webhook-id header: the same on every attempt and replay.' }),
    eventType: webhookEventType,
    createdAt: instant,
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.int().nonnegative().meta({ description: 'Attempts made, replays included.' }),
    deliveredAt: instant.nullable(),
    lastStatusCode: z.int().nullable().meta({ description: "The receiver's last HTTP status; null when it did not answer." }),
    lastError: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The body sent.' }),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryBody = z.output<typeof webhookDelivery>;

export const webhookDeliveryPage = z.object({ items: z.array(webhookDelivery), nextCursor }).meta({ id: 'WebhookDeliveryPage' });
export type WebhookDeliveryPage = z.output<typeof webhookDeliveryPage>;
