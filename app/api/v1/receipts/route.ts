import { asClient, checkParams, nextPageLink, queryOf, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { readReceipts } from '@/lib/api/v1/records';
import { receiptsQuery, type ReceiptPage } from '@/lib/api/v1/schemas';
import { clientReach } from '@/lib/policy/policy';
import { otherMethods } from '@/lib/api/v1/methods';

/** payments:read: the official fees received between two days (the Ministry of Economy and Finance). */
export async function GET(request: Request) {
  return asClient(request, async (client) => {
    if (clientReach(client, 'receipt.read') === 'none') return problemResponse(request, 'not-found', 'path');
    const query = checkParams(request, receiptsQuery, queryOf(request));
    if (!query.ok) return query.response;
    const receipts = await readReceipts(client, query.data);
    if (!receipts.ok) return problemResponse(request, 'invalid-cursor', 'cursor', { invalidParams: [{ name: 'cursor' }] });
    const body: ReceiptPage = { items: receipts.items, nextCursor: receipts.nextCursor };
    return readResponse(request, body, { cache: 'private', headers: nextPageLink(request, receipts.nextCursor, query.data.limit) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
