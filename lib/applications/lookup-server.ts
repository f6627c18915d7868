// The lean server: a small node:http server for what other systems poll far more often than
// people open pages, on which it answers several times the requests a second that the same code
// gets through Next.js (tests/bench):
// - GET /api/track, the public tracking lookup (SMS gateways, call centres);
// - /api/v1, given the router (lib/api/v1/router.ts): the API's own route handlers, adapted from
//   node:http to the Web Request and Response they are written for.
// The reverse proxy sends both here (README, "Production"); the portal's own routes answer the
// same, for deployments without one.
import http from 'node:http';
import { Readable } from 'node:stream';
import type { ApiRouter } from '@/lib/api/v1/router';
import { clientAddressHeader, clientAddressOf, isTrustedProxy, normalizeAddress, trustedProxies, type TrustedProxies } from '@/lib/auth/client-address';
import { publicAddress } from '@/lib/http/public-address';
import { log } from '@/lib/operations/log';
import { acceptedRequestId, newRequestId, requestIdHeader, runWithRequest } from '@/lib/operations/server-state';
import { documentContentSecurityPolicy, everyAnswerHeaders } from '@/lib/security/headers';
import { trackingLookup, type LookupAnswer } from './track-application';

const notFound: LookupAnswer = { status: 404, body: { error: 'notFound' }, headers: {} };

/** The headers Next.js gives every /api answer (next.config.ts). */
const apiHeaders = { ...everyAnswerHeaders, 'Content-Security-Policy': documentContentSecurityPolicy };

/**
 * An /api/v1 request as the Web Request its handler takes: on the public address (as the routes
 * build links from it anyway), the client's address in the portal's own header (replacing one a
 * client sent, as lib/cli/app-server.ts does), the body streamed for the methods that have one.
 */
function webRequest(request: http.IncomingMessage, target: URL, address: string): Request {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  headers.set(clientAddressHeader, address);
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`${publicAddress()}${target.pathname}${target.search}`, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

async function sendWeb(answer: Response, method: string | undefined, response: http.ServerResponse): Promise<void> {
  const headers: http.OutgoingHttpHeaders = { ...apiHeaders };
  answer.headers.forEach((value, name) => (headers[name] = value));
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  if (method === 'HEAD' || !answer.body) {
    await answer.body?.cancel();
    response.writeHead(answer.status, headers).end();
    return;
  }
  // The API answers JSON of a few kilobytes: whole, with its length, in one write.
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...headers, 'content-length': body.length }).end(body);
}

async function answer(request: http.IncomingMessage, proxies: TrustedProxies): Promise<LookupAnswer> {
  const url = new URL(request.url ?? '/', 'http://lookup.invalid');
  if (request.method !== 'GET' || url.pathname !== '/api/track') return notFound;
  return trackingLookup(url.searchParams, clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], proxies));
}

/** The lean server; its clients are told apart as the app's are (TRUSTED_PROXIES, README). */
export function createLookupServer({ proxies = trustedProxies(), api }: { proxies?: TrustedProxies; api?: ApiRouter } = {}): http.Server {
  return http.createServer((request, response) => {
    const send = ({ status, body, headers }: LookupAnswer) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      response.end(JSON.stringify(body));
    };
    const unavailable = (error: unknown) => {
      // The database is unreachable (a restart): say so, and the caller retries.
      log.error({ err: error, path: request.url?.split('?')[0] }, 'lean server request failed');
      if (!response.headersSent) send({ status: 503, body: { error: 'unavailable' }, headers: { 'Retry-After': '5' } });
      else response.destroy();
    };
    const target = new URL(request.url ?? '/', 'http://lean.invalid');
    if (api?.serves(target.pathname)) {
      const peer = request.socket.remoteAddress;
      // As lib/cli/app-server.ts: the proxy's request id (or a new one) on the answer and on every log line.
      const requestId = (peer && isTrustedProxy(normalizeAddress(peer), proxies) ? acceptedRequestId(request.headers[requestIdHeader]) : undefined) ?? newRequestId();
      request.headers[requestIdHeader] = requestId;
      response.setHeader('X-Request-Id', requestId);
      const address = clientAddressOf(peer, request.headers['x-forwarded-for'], proxies);
      runWithRequest({ requestId }, () =>
        api
          .answer(webRequest(request, target, address))
          .then((answered) => sendWeb(answered, request.method, response))
          .catch(unavailable),
      );
      return;
    }
    answer(request, proxies).then(send, unavailable);
  });
}
