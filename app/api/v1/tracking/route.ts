import { trackApplication } from '@/lib/applications/track-application';
import { clientAddress } from '@/lib/auth/session';
import { checkParams, queryOf, readResponse } from '@/lib/api/v1/http';
import { problemResponse } from '@/lib/api/v1/problems';
import { trackedApplicationResource } from '@/lib/api/v1/resources';
import { trackingQuery } from '@/lib/api/v1/schemas';
import { otherMethods } from '@/lib/api/v1/methods';

/**
 * Public: the tracking page's lookup by reference and tracking code, the pair being the
 * credential. A wrong code answers as an unknown reference, and wrong guesses from one address
 * are limited (lib/applications/track-application.ts), as on the page.
 */
export async function GET(request: Request) {
  const query = checkParams(request, trackingQuery, queryOf(request));
  if (!query.ok) return query.response;
  const result = await trackApplication(query.data.reference, query.data.code, await clientAddress(request.headers));
  if (result.ok) return readResponse(request, trackedApplicationResource(result.application), { cache: 'private' });
  if (result.error === 'notFound') return problemResponse(request, 'not-found', 'tracking');
  return problemResponse(request, 'too-many-requests', 'tracking', { values: { minutes: result.minutes }, retryAfterSeconds: result.minutes * 60 });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
