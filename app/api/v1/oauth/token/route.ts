import { tokenEndpoint } from '@/lib/api/v1/token-endpoint';

/** Registered clients exchange their id and secret for a short-lived access token (client-credentials grant). */
export const POST = tokenEndpoint;
