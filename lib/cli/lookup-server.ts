// The tracking lookup server as its own process (npm start runs it beside the portal):
// DATABASE_URL as the portal's; LOOKUP_PORT (3001) and LOOKUP_HOST (127.0.0.1, for the proxy).
import { createLookupServer } from '@/lib/applications/lookup-server';
import { closeDatabase } from '@/lib/db/client';

const port = Number(process.env.LOOKUP_PORT ?? 3001);
const host = process.env.LOOKUP_HOST ?? '127.0.0.1';
const server = createLookupServer();
server.listen(port, host, () => {
  console.log(`[lookup] Tracking lookup at http://${host}:${port}/api/track`);
  process.send?.('ready');
});

const stop = () => {
  server.close(() => void closeDatabase().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
