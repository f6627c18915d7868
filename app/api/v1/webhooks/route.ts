import { otherMethods } from '@/lib/api/v1/methods';
import { asClient, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { webhookSubscriptionRequest, type WebhookSubscriptionList } from '@/lib/api/v1/schemas';
import { checkBody, json, subscriptionBody } from '@/lib/api/v1/webhooks';
import { subscribe, subscriptionLimit, subscriptionsOf } from '@/lib/webhooks/subscriptions';

/** The client's webhook subscriptions, newest first. */
export async function GET(request: Request) {
  return asClient(request, async (client) => {
    const body: WebhookSubscriptionList = { items: (await subscriptionsOf(client.clientId)).map(subscriptionBody) };
    return readResponse(request, body, { cache: 'private' });
  });
}

const urlDetail = { 'url-form': 'webhookUrl', 'url-https': 'webhookUrlHttps', 'url-internal': 'webhookUrlInternal' } as const;

/** Subscribes to events; the answer holds the signing secret, this once. */
export async function POST(request: Request) {
  return asClient(request, async (client) => {
    const input = await checkBody(request, webhookSubscriptionRequest);
    if (!input.ok) return input.response;
    const result = await subscribe(client, input.data);
    if (result.ok) return json({ ...subscriptionBody(result.subscription), secret: result.secret }, 201);
    if (result.reason === 'limit') return problemResponse(request, 'invalid-parameter', 'webhookLimit', { values: { limit: subscriptionLimit } });
    if (result.reason === 'events') {
      const events = result.events!.join(', ');
      return problemResponse(request, 'invalid-parameter', 'webhookEvents', { values: { events }, invalidParams: [{ name: 'events' }] });
    }
    return problemResponse(request, 'invalid-parameter', urlDetail[result.reason], { invalidParams: [{ name: 'url' }] });
  });
}

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
