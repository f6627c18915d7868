import { tokenEndpoint } from '@/lib/api/v1/token-endpoint';
import { otherMethods } from '@/lib/api/v1/methods';

/** Registered clients exchange their id and secret for a short-lived access token (client-credentials grant). */
export const POST = tokenEndpoint;

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
