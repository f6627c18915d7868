/**
 * A request body read up to a limit, never further: a declared Content-Length past the limit is
 * refused before anything is read, and a body without one (chunked) is counted as it streams
 * and abandoned at the first byte past the limit. So no client can make the server hold more
 * than `limit` bytes of one request, however much it sends.
 */
export async function bodyUpTo(request: Request, limit: number): Promise<Uint8Array | 'tooLarge'> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return 'tooLarge';
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading: what the client still sends is discarded by the server, not kept.
      await reader.cancel().catch(() => {});
      return 'tooLarge';
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The multipart or urlencoded form in a body read by bodyUpTo; null when it does not parse. */
export function parseForm(request: Request, body: Uint8Array): Promise<FormData | null> {
  const type = request.headers.get('content-type') ?? '';
  return new Response(body as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => null);
}
