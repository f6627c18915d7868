// POST /api/v1/oauth/token: the client-credentials grant as RFC 6749 asks for it. Errors take
// OAuth's own form ({ error, error_description }, section 5.2), which every OAuth client library
// reads; their descriptions are ASCII English, as the RFC allows no other characters there.
import 'server-only';
import { grantAccessToken } from '@/lib/api/clients';
import { clientAddress } from '@/lib/auth/session';
import { bodyUpTo } from '@/lib/http/limited-body';
import type { OAuthError, TokenResponse } from './schemas';
import { tokenRequest } from './schemas';

const descriptions = {
  invalid_request: 'Send grant_type=client_credentials as application/x-www-form-urlencoded, with the client authenticated once (HTTP Basic, or client_id and client_secret).',
  invalid_client: 'The client is unknown, its secret is wrong, it was revoked, or it called from outside its allowed addresses.',
  unsupported_grant_type: 'Only grant_type=client_credentials is offered.',
  invalid_scope: "Ask only for scopes the client holds (licences:read, applications:read, payments:read), space-separated.",
  temporarily_unavailable: 'Too many failed token requests came from this address: wait as long as Retry-After says, then try again.',
} as const satisfies Record<OAuthError['error'], string>;

const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function oauthError(error: OAuthError['error'], retryAfterSeconds?: number): Response {
  const body: OAuthError = { error, error_description: descriptions[error] };
  if (retryAfterSeconds !== undefined) return Response.json(body, { status: 429, headers: { ...noStore, 'Retry-After': String(retryAfterSeconds) } });
  // RFC 6749 5.2: a client that authenticated with HTTP Basic is answered 401 with the challenge.
  const headers = error === 'invalid_client' ? { ...noStore, 'WWW-Authenticate': 'Basic realm="api"' } : noStore;
  return Response.json(body, { status: error === 'invalid_client' ? 401 : 400, headers });
}

/** The client's id and secret from HTTP Basic (each form-encoded, RFC 6749 2.3.1) or the form; null if given both ways or neither. */
function credentials(request: Request, form: URLSearchParams): { id: string; secret: string } | null {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const inForm = form.has('client_id') || form.has('client_secret');
  if (basic && !inForm) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    try {
      return id && secret ? { id: decodeURIComponent(id.replaceAll('+', ' ')), secret: decodeURIComponent(secret.replaceAll('+', ' ')) } : null;
    } catch {
      return null;
    }
  }
  if (!basic && inForm) return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
  return null;
}

export async function tokenEndpoint(request: Request): Promise<Response> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return oauthError('invalid_request');
  const body = await bodyUpTo(request, 4096);
  if (typeof body === 'string') {
    // Past 4 KiB the rest is never read (lib/http/limited-body.ts): the connection closes after this answer.
    const refused = oauthError('invalid_request');
    if (body === 'cutOff') refused.headers.set('Connection', 'close');
    return refused;
  }
  const form = new URLSearchParams(new TextDecoder().decode(body));
  if (form.getAll('grant_type').length !== 1) return oauthError('invalid_request');
  const parsed = tokenRequest.safeParse(Object.fromEntries(form));
  if (!parsed.success) return oauthError(form.get('grant_type') === 'client_credentials' ? 'invalid_request' : 'unsupported_grant_type');
  const client = credentials(request, form);
  if (!client) return oauthError('invalid_client');
  const grant = await grantAccessToken(client.id, client.secret, parsed.data.scope, await clientAddress(request.headers));
  if (!grant.ok) return grant.error === 'limited' ? oauthError('temporarily_unavailable', grant.minutes * 60) : oauthError(grant.error);
  const answer: TokenResponse = { access_token: grant.accessToken, token_type: 'Bearer', expires_in: grant.expiresIn, scope: grant.scope };
  return Response.json(answer, { headers: noStore });
}
