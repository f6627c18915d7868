import { referencePage } from '@/lib/api/reference';

/**
 * Public: the readable reference of /api/v1 (lib/api/reference.ts says why it is served this way;
 * next.config.ts gives it its Content-Security-Policy).
 */
export function GET() {
  return new Response(referencePage, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
