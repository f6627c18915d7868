import { otherMethods } from '@/lib/api/v1/methods';
import { asClient, checkParams } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { webhookDeliveryParams } from '@/lib/api/v1/schemas';
import { replayDelivery } from '@/lib/webhooks/subscriptions';

/** Sends a delivery again, with the same webhook-id; 202: a worker sends it shortly. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; deliveryId: string }> }) {
  return asClient(request, async (client) => {
    const checked = checkParams(request, webhookDeliveryParams, await params);
    if (!checked.ok) return checked.response;
    if (!(await replayDelivery(client.clientId, checked.data.id, checked.data.deliveryId))) return problemResponse(request, 'not-found', 'webhook');
    return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
