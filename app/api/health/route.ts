// Liveness, for the reverse proxy and monitoring: the process answers. Touches nothing else, so a
// database outage never makes an orchestrator restart healthy instances (that is /api/ready's job).
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
