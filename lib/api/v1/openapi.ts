// The OpenAPI 3.1 document of /api/v1, generated from the schemas the routes validate with
// (lib/api/v1/schemas.ts), so the reference cannot drift from the code.
//
// Generator: zod-openapi (6.x) rather than @asteasolutions/zod-to-openapi. Both declare zod 4 as
// their peer and both produced a valid document from this project's zod 4.6; zod-openapi reads
// zod's own .meta() and builds on zod's own JSON Schema conversion (z.toJSONSchema), so it needs
// no patching of zod's prototypes (zod-to-openapi's extendZodWithOpenApi) and follows zod's
// output as zod changes.
import 'server-only';
import { z } from 'zod';
import { createDocument, type ZodOpenApiResponseObject } from 'zod-openapi';
import { publicUrl } from '@/lib/http/public-address';
import { problemTypeUri, problemTypes } from './problems';
import { accessTokenSeconds } from '@/lib/api/clients';
import {
  applicationParams,
  applicationRecord,
  licence,
  licencePage,
  licenceParams,
  licencesQuery,
  licenceStatus,
  oauthError,
  pageQuery,
  receiptPage,
  receiptsQuery,
  tokenRequest,
  tokenResponse,
  problem,
  problemTypeDescription,
  problemTypeNames,
  problemTypeParams,
  service,
  servicePage,
  serviceParams,
  trackedApplication,
  trackingQuery,
  createdWebhookSubscription,
  webhookDeliveryPage,
  webhookDeliveryParams,
  webhookEvent,
  webhookSubscriptionList,
  webhookSubscriptionParams,
  webhookSubscriptionRequest,
} from './schemas';
import { webhookEvents, webhookEventTypes, type WebhookEventType } from '@/lib/webhooks/events';

const readHeaders = z.object({
  'if-none-match': z.string().optional().meta({ description: 'The ETag of an answer you hold: 304 with no body while it is current.' }),
  'accept-language': z.string().optional().meta({ description: 'km or en: the language of error titles and details (Khmer when neither). Data carries both languages.' }),
});

const etag = z.string().meta({ description: 'Names these exact bytes; send it back as If-None-Match.', example: '"q5d1mX2pXo3F2zqCk5b8a7GJd0wRhK"' });

const ok = (description: string, schema: z.ZodType, headers: Record<string, z.ZodType> = {}): ZodOpenApiResponseObject => ({
  description,
  headers: z.object({ ETag: etag, ...headers }),
  content: { 'application/json': { schema } },
});

const notModified: ZodOpenApiResponseObject = { description: 'Not modified: the ETag sent as If-None-Match is still current.', headers: z.object({ ETag: etag }) };

const failure = (description: string, headers?: Record<string, z.ZodType>): ZodOpenApiResponseObject => ({
  description,
  ...(headers ? { headers: z.object(headers) } : {}),
  content: { 'application/problem+json': { schema: problem } },
});

// What a registered client's read answers beside its resource: the rate fields, 401 and 429.
const rateHeaders = {
  RateLimit: z.string().meta({ description: 'This client\'s requests left this minute (r) and seconds until it turns (t).', example: '"per-client";r=297;t=42' }),
  'RateLimit-Policy': z.string().meta({ description: "The client's limit (q requests per w seconds).", example: '"per-client";q=300;w=60' }),
};
const clientResponses = {
  '401': failure('unauthorized: no access token, or one that expired or whose client was revoked.', { 'WWW-Authenticate': z.string() }),
  '429': failure('too-many-requests: past the client\'s limit this minute.', { 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }), ...rateHeaders }),
};
const clientOk = (description: string, schema: z.ZodType, headers: Record<string, z.ZodType> = {}) => ok(description, schema, { ...rateHeaders, ...headers });
const clientRead = (scope: string) => ({ security: [{ clientCredentials: [scope] }] });

// Webhooks are open to any client; what it may subscribe to follows its scopes.
const anyScope = { security: [{ clientCredentials: [] }] };

const eventScope = { 'licence.read': 'licences:read', 'application.read': 'applications:read', 'receipt.read': 'payments:read' } as const;
const eventSummaries: Record<WebhookEventType, string> = {
  'application.status_changed': "A company's application changed status (submitted, in review, more information requested, approved, rejected, issued).",
  'licence.issued': 'A licence or permit was issued.',
  'licence.revoked': 'A licence or permit was revoked.',
  'payment.received': 'An official fee was received and a receipt numbered.',
};

const webhookHeaderSchema = z.object({
  'webhook-id': z.string().meta({ description: 'The event id: the same on every attempt and replay. Process each id once.', example: 'evt_2b6f0e64-3d0e-4c51-9d8e-6a1f0c3e9b21' }),
  'webhook-timestamp': z.string().meta({ description: 'Unix seconds of this attempt. Refuse one more than five minutes from your clock.', example: '1796246400' }),
  'webhook-signature': z.string().meta({ description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" with the secret (base64 after whsec_)>.', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' }),
});

function webhookOperation(type: WebhookEventType) {
  return {
    operationId: `webhook_${type.replace('.', '_')}`,
    tags: ['Webhooks'],
    summary: `${type} (${eventScope[webhookEvents[type].action]})`,
    description: `${eventSummaries[type]} Sent to subscribed clients that may read the record. Identifiers and status only: read the record through the API for the rest.`,
    requestParams: { header: webhookHeaderSchema },
    requestBody: { required: true, content: { 'application/json': { schema: webhookEvent(type) } } },
    responses: {
      '2XX': { description: 'Received. Anything else, or no answer in 10 seconds, is retried with backoff.' },
    },
  };
}

const problemList = problemTypeNames.map((type) => `- \`${problemTypeUri(type)}\` (${problemTypes[type].status})`).join('\n');

const description = `The Ministry of Public Works and Transport's e-services portal, for other systems.

**Public reads** need no credentials: the service catalogue (fees, deadlines, documents, legal basis), a licence's status by its number, and tracking by reference and tracking code.

**Registered clients** (another institution's system, or a company's own) get an access token from \`POST /oauth/token\` with the OAuth 2.0 client-credentials grant (it lives ${accessTokenSeconds / 60} minutes) and send it as \`Authorization: Bearer\`. Each scope opens reads: \`licences:read\` licences with their holder, by number or by the holder's national ID number; \`applications:read\` a company's own applications, status and timeline; \`payments:read\` fee receipts by date. A company's client reads only that company's records. A read outside the client's scopes or company answers 404, as if nothing were there. Each read of a person's licence or application is shown to that person with the institution's name. Requests are limited per client per minute (\`RateLimit\`, \`RateLimit-Policy\`; 429 with \`Retry-After\` past it).

**Data** carries Khmer and English side by side (\`{ "km": …, "en": … }\`); dates are ISO 8601, days in Phnom Penh, instants in UTC; amounts are whole riel.

**Errors** are RFC 9457 problem details (\`application/problem+json\`). Program against \`type\`, which never changes; \`title\` and \`detail\` are for people, in the language of \`Accept-Language\` (km or en; Khmer when neither). The types:

${problemList}

**Caching**: every read has an \`ETag\`; send it back as \`If-None-Match\` to get \`304 Not Modified\` while it is current.

**Pages**: lists answer \`{ items, nextCursor }\`; pass \`nextCursor\` back as \`cursor\` (it is opaque: do not build or change one). \`limit\` is 1 to 100.`;

function buildDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'MPWT e-Services API', version: '1.0.0', description },
    servers: [{ url: publicUrl('/api/v1') }],
    tags: [
      { name: 'Services', description: 'The service catalogue.' },
      { name: 'Licences', description: 'Licences and permits the ministry issued.' },
      { name: 'Tracking', description: 'Applications, by the reference and code their applicant holds.' },
      { name: 'Registered clients', description: 'Access tokens, and the reads each scope opens.' },
      { name: 'Webhooks', description: 'Subscriptions to events of what the client may read, and their delivery log.' },
      { name: 'Reference', description: 'This document, and the meaning of each problem type.' },
    ],
    webhooks: Object.fromEntries(webhookEventTypes.map((type) => [type, { post: webhookOperation(type) }])),
    components: {
      securitySchemes: {
        clientCredentials: {
          type: 'oauth2',
          description: 'The OAuth 2.0 client-credentials grant; the ministry registers each client and gives it its id and secret.',
          flows: {
            clientCredentials: {
              tokenUrl: publicUrl('/api/v1/oauth/token'),
              scopes: {
                'licences:read': 'Licences with their holder, by number or by national ID number.',
                'applications:read': "A company's own applications, status and timeline.",
                'payments:read': 'Fee receipts by date range.',
              },
            },
          },
        },
      },
    },
    paths: {
      '/oauth/token': {
        post: {
          operationId: 'getAccessToken',
          tags: ['Registered clients'],
          summary: 'An access token (client-credentials grant)',
          requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: tokenRequest } } },
          responses: {
            '200': { description: 'The token. Keep it secret; ask for a new one when it expires.', content: { 'application/json': { schema: tokenResponse } } },
            '400': { description: 'invalid_request, unsupported_grant_type or invalid_scope.', content: { 'application/json': { schema: oauthError } } },
            '401': { description: 'invalid_client.', headers: z.object({ 'WWW-Authenticate': z.string() }), content: { 'application/json': { schema: oauthError } } },
            '429': {
              description: 'temporarily_unavailable: too many failed token requests from this address.',
              headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
              content: { 'application/json': { schema: oauthError } },
            },
          },
        },
      },
      '/licences/{number}': {
        get: {
          operationId: 'getLicence',
          tags: ['Registered clients'],
          summary: 'A licence with its holder (licences:read)',
          ...clientRead('licences:read'),
          requestParams: { path: licenceParams, header: readHeaders },
          responses: {
            '200': clientOk('The licence.', licence),
            '304': notModified,
            '400': failure('invalid-parameter: not the shape of a licence number.'),
            '404': failure("not-found: no such licence, or not one this client may read (a company's client reads its company's only)."),
            ...clientResponses,
          },
        },
      },
      '/licences': {
        get: {
          operationId: 'listLicencesOfHolder',
          tags: ['Registered clients'],
          summary: "The licences a person holds, by national ID number (licences:read)",
          description: 'The licences and permits issued to the person in their own name, ordered by number.',
          ...clientRead('licences:read'),
          requestParams: { query: licencesQuery, header: readHeaders },
          responses: {
            '200': clientOk('A page of licences (none when the person holds none).', licencePage, { Link: z.string().optional() }),
            '304': notModified,
            '400': failure('invalid-parameter or invalid-cursor.'),
            '404': failure('not-found: the client does not hold licences:read.'),
            ...clientResponses,
          },
        },
      },
      '/applications/{reference}': {
        get: {
          operationId: 'getApplication',
          tags: ['Registered clients'],
          summary: "A company's application, status and timeline (applications:read)",
          ...clientRead('applications:read'),
          requestParams: { path: applicationParams, header: readHeaders },
          responses: {
            '200': clientOk('The application.', applicationRecord),
            '304': notModified,
            '404': failure("not-found: no such application, or not the client's company's."),
            ...clientResponses,
          },
        },
      },
      '/receipts': {
        get: {
          operationId: 'listReceipts',
          tags: ['Registered clients'],
          summary: 'Fee receipts by date range (payments:read)',
          description: 'Fees received between two days (Phnom Penh), in the order they were paid.',
          ...clientRead('payments:read'),
          requestParams: { query: receiptsQuery, header: readHeaders },
          responses: {
            '200': clientOk('A page of receipts.', receiptPage, { Link: z.string().optional() }),
            '304': notModified,
            '400': failure('invalid-parameter (from, to: at most 366 days apart; limit) or invalid-cursor.'),
            '404': failure('not-found: the client does not hold payments:read.'),
            ...clientResponses,
          },
        },
      },
      '/webhooks': {
        get: {
          operationId: 'listWebhookSubscriptions',
          tags: ['Webhooks'],
          summary: "The client's webhook subscriptions",
          ...anyScope,
          requestParams: { header: readHeaders },
          responses: { '200': clientOk('Its subscriptions, newest first (deleted ones with disabledAt).', webhookSubscriptionList), '304': notModified, ...clientResponses },
        },
        post: {
          operationId: 'createWebhookSubscription',
          tags: ['Webhooks'],
          summary: 'Subscribe to events',
          description:
            "Deliveries are POSTed to url, signed as the webhooks section describes. Each event must be one the client's scopes let it read. The answer holds the signing secret: it is shown this once.",
          ...anyScope,
          requestBody: { required: true, content: { 'application/json': { schema: webhookSubscriptionRequest } } },
          responses: {
            '201': { description: 'Subscribed. Keep the secret: it is never shown again.', headers: z.object(rateHeaders), content: { 'application/json': { schema: createdWebhookSubscription } } },
            '400': failure('invalid-parameter: url not an https address on the public network, an unknown event, or an event the client\'s scopes cannot receive (invalidParams names url or events), or the client already holds 10 active subscriptions.'),
            ...clientResponses,
          },
        },
      },
      '/webhooks/{id}': {
        delete: {
          operationId: 'deleteWebhookSubscription',
          tags: ['Webhooks'],
          summary: 'Delete a subscription',
          description: 'Nothing more is sent to it; its delivery log stays readable.',
          ...anyScope,
          requestParams: { path: webhookSubscriptionParams },
          responses: { '204': { description: 'Deleted.', headers: z.object(rateHeaders) }, '404': failure('not-found: no such subscription of this client.'), ...clientResponses },
        },
      },
      '/webhooks/{id}/deliveries': {
        get: {
          operationId: 'listWebhookDeliveries',
          tags: ['Webhooks'],
          summary: "A subscription's delivery log",
          description: 'Every event written for the subscription, newest first, with its status, attempts and the last answer.',
          ...anyScope,
          requestParams: { path: webhookSubscriptionParams, query: pageQuery, header: readHeaders },
          responses: {
            '200': clientOk('A page of deliveries.', webhookDeliveryPage, { Link: z.string().optional() }),
            '304': notModified,
            '400': failure('invalid-parameter (limit) or invalid-cursor.'),
            '404': failure('not-found: no such subscription of this client.'),
            ...clientResponses,
          },
        },
      },
      '/webhooks/{id}/deliveries/{deliveryId}/replay': {
        post: {
          operationId: 'replayWebhookDelivery',
          tags: ['Webhooks'],
          summary: 'Send a delivery again',
          description: 'Sends it again shortly, with the same webhook-id (so a receiver that has it already ignores it) and a fresh round of retries.',
          ...anyScope,
          requestParams: { path: webhookDeliveryParams },
          responses: {
            '202': { description: 'Queued: a worker sends it shortly.', headers: z.object(rateHeaders) },
            '404': failure('not-found: no such delivery of this client, or its subscription was deleted.'),
            ...clientResponses,
          },
        },
      },
      '/services': {
        get: {
          operationId: 'listServices',
          tags: ['Services'],
          summary: 'The service catalogue',
          description: 'Every published service with what it needs, costs and takes, ordered by code, a page at a time.',
          requestParams: { query: pageQuery, header: readHeaders },
          responses: {
            '200': ok('A page of services.', servicePage, { Link: z.string().optional().meta({ description: 'rel="next": the next page, when there is one.' }) }),
            '304': notModified,
            '400': failure('invalid-parameter (limit) or invalid-cursor.'),
          },
        },
      },
      '/services/{code}': {
        get: {
          operationId: 'getService',
          tags: ['Services'],
          summary: 'One service',
          requestParams: { path: serviceParams, header: readHeaders },
          responses: { '200': ok('The service.', service), '304': notModified, '404': failure('not-found: no published service has this code.') },
        },
      },
      '/licences/{number}/status': {
        get: {
          operationId: 'getLicenceStatus',
          tags: ['Licences'],
          summary: "A licence's status by its number",
          description:
            "Valid, expired or revoked, with what the public verification page shows to anyone with the number. The holder's name and other personal details are never part of it. The number is read as typed from paper: case, spaces and other dashes are forgiven.",
          requestParams: { path: licenceParams, header: readHeaders },
          responses: {
            '200': ok('The licence is known.', licenceStatus),
            '304': notModified,
            '400': failure('invalid-parameter: not the shape of a licence number (letters, the year, six digits or more).'),
            '404': failure('not-found: the ministry issued no licence with this number.'),
          },
        },
      },
      '/tracking': {
        get: {
          operationId: 'trackApplication',
          tags: ['Tracking'],
          summary: 'Track an application',
          description:
            'The status and routing of an application, by the reference and the tracking code given to its applicant, never the applicant or their answers. A wrong code answers exactly as an unknown reference; wrong guesses from one address are limited.',
          requestParams: { query: trackingQuery, header: readHeaders },
          responses: {
            '200': ok('The application.', trackedApplication),
            '304': notModified,
            '400': failure('invalid-parameter: reference or code missing.'),
            '404': failure('not-found: no application matches this reference and code.'),
            '429': failure('too-many-requests: too many wrong guesses from this address.', { 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
          },
        },
      },
      '/problems/{type}': {
        get: {
          operationId: 'describeProblemType',
          tags: ['Reference'],
          summary: 'What a problem type means',
          description: "What a problem's type URI answers when opened.",
          requestParams: { path: problemTypeParams, header: readHeaders },
          responses: { '200': ok('The problem type.', problemTypeDescription), '304': notModified, '404': failure('not-found: no such problem type.') },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['Reference'],
          summary: 'This document',
          requestParams: { header: readHeaders },
          responses: { '200': ok('The OpenAPI 3.1 document of this API.', z.record(z.string(), z.unknown())), '304': notModified },
        },
      },
    },
  });
}

let built: ReturnType<typeof buildDocument> | undefined;

/** Built once per process: it depends only on the code and the configured public address. */
export function openApiDocument() {
  return (built ??= buildDocument());
}
