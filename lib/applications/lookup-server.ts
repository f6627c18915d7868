// A small HTTP server for the public tracking lookup alone. SMS gateways, call centres and
// other government systems poll it far more often than people open pages; on node:http it
// answers several times the requests a second that the same lookup gets through Next.js.
// The reverse proxy sends GET /api/track here (README); the portal's own /api/track route
// answers the same, for deployments without one.
import http from 'node:http';
import { clientAddressOf, trustedProxies, type TrustedProxies } from '@/lib/auth/client-address';
import { trackingLookup, type LookupAnswer } from './track-application';
import { log } from '@/lib/operations/log';

const notFound: LookupAnswer = { status: 404, body: { error: 'notFound' }, headers: {} };

async function answer(request: http.IncomingMessage, proxies: TrustedProxies): Promise<LookupAnswer> {
  const url = new URL(request.url ?? '/', 'http://lookup.invalid');
  if (request.method !== 'GET' || url.pathname !== '/api/track') return notFound;
  return trackingLookup(url.searchParams, clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], proxies));
}

/** The lookup server; its clients are told apart as the app's are (TRUSTED_PROXIES, README). */
export function createLookupServer({ proxies = trustedProxies() }: { proxies?: TrustedProxies } = {}): http.Server {
  return http.createServer((request, response) => {
    const send = ({ status, body, headers }: LookupAnswer) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      response.end(JSON.stringify(body));
    };
    answer(request, proxies).then(send, (error: unknown) => {
      // The database is unreachable (a restart): say so, and the caller retries.
      log.error({ err: error }, 'tracking lookup failed');
      send({ status: 503, body: { error: 'unavailable' }, headers: { 'Retry-After': '5' } });
    });
  });
}
