// Readiness, for the reverse proxy and monitoring: 200 when this instance can serve (database
// reachable, migrations applied, document store reachable), 503 naming the check that failed.
import { checkReadiness } from '@/lib/operations/readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, checks } = await checkReadiness();
  return Response.json({ status: ready ? 'ready' : 'not ready', checks }, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
