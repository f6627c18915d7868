// Serves the production build as `next start` does, through a node:http server of our own,
// because only here is every request seen whole, from its first byte to its last:
// - the client's address: route handlers and server actions never see the connection, and Next
//   fills X-Forwarded-For from it only when a client sent none, so a client that writes its own
//   is believed. Here every request gets the address worked out from the connection and the
//   trusted proxies (lib/auth/client-address.ts) in a header of ours, replacing any a client sent;
// - its id (X-Request-Id: a trusted proxy's, or a new one), on every log line it causes, on the
//   answer and on the error page (lib/operations/server-state.ts);
// - its duration by route, for the metrics (lib/operations/metrics.ts; the proxy.ts of Next
//   runs before the page and never sees the end);
// - a graceful stop: on SIGTERM the instance answers /api/ready with 503, stops accepting
//   connections, finishes the requests in flight and exits 0.
// Usage: node --import tsx lib/cli/app-server.ts [--port 3000] [--hostname ::]  (PORT too).
import http from 'node:http';
import net, { type Socket } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clientAddressHeader, clientAddressOf, isTrustedProxy, normalizeAddress, trustedProxies } from '@/lib/auth/client-address';
import { requireConfiguration } from '@/lib/operations/configuration';
import { log, sendConsoleToLog } from '@/lib/operations/log';
import { metrics } from '@/lib/operations/metrics';
import { routePatterns } from '@/lib/operations/route-patterns';
import { acceptedRequestId, markDraining, newRequestId, requestIdHeader, runWithRequest } from '@/lib/operations/server-state';

const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
const projectDir = path.resolve(import.meta.dirname, '../..');
const distDir = path.join(projectDir, process.env.NEXT_DIST_DIR || '.next');
// How long requests in flight may take to finish after SIGTERM (a slow phone's upload).
const gracePeriodMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);

// Before anything listens: a production start with a setting missing stops here, naming it.
requireConfiguration('app', { distDir });
const proxies = trustedProxies(); // a wrong TRUSTED_PROXIES stops here too
// As `next start` does, before Next is loaded.
Object.assign(process.env, { NODE_ENV: 'production' });
sendConsoleToLog();

const { default: next } = await import('next');
const app = next({ dev: false, dir: projectDir, port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();
const routeOf = routePatterns(distDir);
const { httpRequestDuration } = metrics();

let stopping = false;
// Connections without a request in progress: kept alive after an answer (closed at once when
// stopping), or just accepted (given a moment to send theirs). Not Node's closeIdleConnections,
// which server.close() calls: it closes both at once, failing a request a proxy had just sent.
const waiting = new Set<Socket>();
const fresh = new Set<Socket>();
const server = http.createServer((request, response) => {
  const socket = request.socket;
  waiting.delete(socket);
  fresh.delete(socket);
  const started = process.hrtime.bigint();
  const peer = request.socket.remoteAddress;
  const forwardedId = peer && isTrustedProxy(normalizeAddress(peer), proxies) ? acceptedRequestId(request.headers[requestIdHeader]) : undefined;
  const requestId = forwardedId ?? newRequestId();
  request.headers[requestIdHeader] = requestId;
  request.headers[clientAddressHeader] = clientAddressOf(peer, request.headers['x-forwarded-for'], proxies);
  response.setHeader('X-Request-Id', requestId);
  // While stopping, a kept-alive connection is closed after its answer: the next request opens
  // a new one, which the proxy sends to another instance.
  if (stopping) response.setHeader('Connection', 'close');
  response.once('close', () => {
    const route = routeOf(new URL(request.url ?? '/', 'http://portal.invalid').pathname);
    const status = response.writableFinished ? String(response.statusCode) : 'aborted';
    httpRequestDuration.observe({ method: request.method ?? 'GET', route, status }, Number(process.hrtime.bigint() - started) / 1e9);
    // While stopping, Connection: close ends it after the answer.
    if (!stopping && !socket.destroyed) waiting.add(socket);
  });
  runWithRequest({ requestId }, () =>
    handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    }),
  );
});
server.on('connection', (socket: Socket) => {
  fresh.add(socket);
  socket.once('close', () => {
    fresh.delete(socket);
    waiting.delete(socket);
  });
});
server.listen(port, hostname, () => {
  log.info({ port }, 'serving the build');
  process.send?.('ready');
});

const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  markDraining();
  log.info({ signal }, 'stopping: no new connections; finishing the requests in flight');
  // Stops listening, and calls back when the last connection has ended. After one turn of the
  // event loop, in which connections the kernel has already accepted are taken: closing the
  // listener resets those still queued, failing the requests a proxy has sent on them.
  setImmediate(() => {
    net.Server.prototype.close.call(server, () => {
      log.info('every request finished; exiting');
      void app.close().finally(() => process.exit(0));
    });
    for (const socket of waiting) socket.destroy();
    // A request sent on a connection accepted before the stop has arrived by now.
    setTimeout(() => [...fresh, ...waiting].forEach((socket) => socket.destroy()), 2_000).unref();
  });
  setTimeout(() => {
    log.warn({ gracePeriodMs }, 'requests still running after the grace period; exiting');
    process.exit(1);
  }, gracePeriodMs).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
