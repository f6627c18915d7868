// The lean server as its own process (npm start runs it beside the portal): /api/track and
// /api/v1 (lib/applications/lookup-server.ts). DATABASE_URL and NEXTAUTH_URL as the portal's;
// LOOKUP_PORT (3001) and LOOKUP_HOST (127.0.0.1, for the proxy).
import { allowServerOnlyImports } from './outside-next';

allowServerOnlyImports();
// After the hook: the route modules import 'server-only'.
const { createLookupServer } = await import('@/lib/applications/lookup-server');
const { loadApiRouter } = await import('@/lib/api/v1/router');
const { closeDatabase } = await import('@/lib/db/client');

const port = Number(process.env.LOOKUP_PORT ?? 3001);
const host = process.env.LOOKUP_HOST ?? '127.0.0.1';
const server = createLookupServer({ api: await loadApiRouter() });
server.listen(port, host, () => {
  console.log(`[lookup] Tracking lookup and /api/v1 at http://${host}:${port}`);
  process.send?.('ready');
});

const stop = () => {
  server.close(() => void closeDatabase().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
