import { otherMethods } from '@/lib/api/v1/methods';
import { asClient, checkParams } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { webhookSubscriptionParams } from '@/lib/api/v1/schemas';
import { disableSubscription } from '@/lib/webhooks/subscriptions';

/** Deletes a subscription: nothing more is sent to it; its delivery log stays readable. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asClient(request, async (client) => {
    const checked = checkParams(request, webhookSubscriptionParams, await params);
    if (!checked.ok) return checked.response;
    if (!(await disableSubscription(client.clientId, checked.data.id))) return problemResponse(request, 'not-found', 'webhook');
    return new Response(null, { status: 204 });
  });
}

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods('DELETE');
