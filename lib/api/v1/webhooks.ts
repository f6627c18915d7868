// What the webhook routes share: a client's JSON body checked, and subscriptions and deliveries
// as the API answers them.
import 'server-only';
import type { z } from 'zod';
import type { DeliveryView, SubscriptionView } from '@/lib/webhooks/subscriptions';
import { problemResponse } from './problems';
import type { Checked } from './http';
import type { WebhookDeliveryBody, WebhookSubscriptionBody } from './schemas';

/** A JSON body checked by its schema: a 400 problem naming the fields otherwise. */
export async function checkBody<S extends z.ZodType>(request: Request, schema: S): Promise<Checked<z.output<S>>> {
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return { ok: false, response: problemResponse(request, 'invalid-parameter', 'body') };
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean);
  return {
    ok: false,
    response: problemResponse(request, 'invalid-parameter', 'parameters', { values: { names: names.join(', ') || 'body' }, invalidParams: names.map((name) => ({ name })) }),
  };
}

export const subscriptionBody = (s: SubscriptionView): WebhookSubscriptionBody => ({
  id: s.id,
  url: s.url,
  events: s.events,
  createdAt: s.createdAt.toISOString(),
  disabledAt: s.disabledAt?.toISOString() ?? null,
});

export const deliveryBody = (d: DeliveryView): WebhookDeliveryBody => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType as WebhookDeliveryBody['eventType'],
  createdAt: d.createdAt.toISOString(),
  status: d.status,
  attempts: d.attempts,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  payload: d.payload as Record<string, unknown>,
});

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
