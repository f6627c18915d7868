// The events a registered client may subscribe to, and which read each needs: a client is told
// only of records it could read through the API (lib/policy/policy.ts's clientCan), so an
// application's events go to that company's own client only. Payloads are thin on purpose:
// identifiers and status, never a person's details; the client reads the rest through the API,
// where each read is on the file's audit trail.
import type { ApplicationStatus } from '@/lib/db/generated/enums';
import { clientReach, type ApiClientActor, type ClientAction } from '@/lib/policy/policy';

export const webhookEvents = {
  'application.status_changed': { action: 'application.read' },
  'licence.issued': { action: 'licence.read' },
  'licence.revoked': { action: 'licence.read' },
  'payment.received': { action: 'receipt.read' },
} as const satisfies Record<string, { action: ClientAction }>;

export type WebhookEventType = keyof typeof webhookEvents;
export const webhookEventTypes = Object.keys(webhookEvents) as [WebhookEventType, ...WebhookEventType[]];

/** What each event tells (the `data` of its payload). */
export interface WebhookEventData {
  'application.status_changed': { reference: string; status: ApplicationStatus; previousStatus: ApplicationStatus };
  'licence.issued': { number: string; service: string };
  'licence.revoked': { number: string; service: string };
  'payment.received': { receiptNumber: string; reference: string; amountRiel: number; paidAt: string };
}

/** The body of every delivery, in the form Standard Webhooks recommends. */
export interface WebhookPayload<T extends WebhookEventType = WebhookEventType> {
  type: T;
  timestamp: string;
  data: WebhookEventData[T];
}

/** The event types this client's scopes could ever let it receive. */
export function receivableEvents(client: ApiClientActor): WebhookEventType[] {
  return webhookEventTypes.filter((type) => clientReach(client, webhookEvents[type].action) !== 'none');
}
