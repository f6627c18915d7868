// Serves the production build as `next start` does, through a node:http server of our own for
// one reason: route handlers and server actions never see the connection, and Next fills
// X-Forwarded-For from it only when a client sent none, so a client that writes its own is
// believed. Here every request gets the client's address worked out from the connection and the
// trusted proxies (lib/auth/client-address.ts) in a header of ours, replacing any a client sent.
// Usage: node --import tsx lib/cli/app-server.ts [--port 3000] [--hostname ::]  (PORT too).
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clientAddressHeader, clientAddressOf, trustedProxies } from '@/lib/auth/client-address';

const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
// As `next start` does, before Next is loaded.
Object.assign(process.env, { NODE_ENV: 'production' });
const proxies = trustedProxies(); // a wrong TRUSTED_PROXIES stops here, before anything listens

const { default: next } = await import('next');
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, '../..'), port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers[clientAddressHeader] = clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], proxies);
  handle(request, response).catch((error: unknown) => {
    console.error('[portal] request failed:', error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.listen(port, hostname, () => {
  console.log(`[portal] Serving the build on port ${port}`);
  process.send?.('ready');
});

const stop = () => {
  server.close(() => void app.close().then(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
