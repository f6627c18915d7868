import { otherMethods } from '@/lib/api/v1/methods';
import { asClient, checkParams, nextPageLink, queryOf, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { pageQuery, webhookSubscriptionParams, type WebhookDeliveryPage } from '@/lib/api/v1/schemas';
import { deliveryBody } from '@/lib/api/v1/webhooks';
import { deliveriesOf, subscriptionOf } from '@/lib/webhooks/subscriptions';

/** A subscription's delivery log, newest first, a page at a time. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asClient(request, async (client) => {
    const path = checkParams(request, webhookSubscriptionParams, await params);
    if (!path.ok) return path.response;
    const subscription = await subscriptionOf(client.clientId, path.data.id);
    if (!subscription) return problemResponse(request, 'not-found', 'webhook');
    const query = checkParams(request, pageQuery, queryOf(request));
    if (!query.ok) return query.response;
    const page = await deliveriesOf(subscription.id, query.data);
    if (!page) return problemResponse(request, 'invalid-cursor', 'cursor', { invalidParams: [{ name: 'cursor' }] });
    const body: WebhookDeliveryPage = { items: page.items.map(deliveryBody), nextCursor: page.nextCursor };
    return readResponse(request, body, { cache: 'private', headers: nextPageLink(request, page.nextCursor, query.data.limit) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
