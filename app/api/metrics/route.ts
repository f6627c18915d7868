// Prometheus metrics for a scraper holding METRICS_TOKEN (Authorization: Bearer <token>). To
// anyone else, and when no token is configured, the address does not exist.
import { timingSafeEqual } from 'node:crypto';
import { refreshDatabaseGauges } from '@/lib/operations/database-gauges';
import { metrics } from '@/lib/operations/metrics';

export const dynamic = 'force-dynamic';

function authorised(header: string | null): boolean {
  const token = process.env.METRICS_TOKEN;
  if (!token || !header) return false;
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function GET(request: Request) {
  if (!authorised(request.headers.get('authorization'))) {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  await refreshDatabaseGauges();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}
