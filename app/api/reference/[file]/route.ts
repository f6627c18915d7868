import { referenceFile } from '@/lib/api/reference';

type Params = { params: Promise<{ file: string }> };

/** The renderer's files, from its npm package. Their addresses carry its version, so they keep. */
export async function GET(_: Request, { params }: Params) {
  const found = await referenceFile((await params).file);
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(found.body), { headers: { 'Content-Type': found.type, 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
