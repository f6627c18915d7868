/**
 * A request body read up to a limit, never kept past it, so that no client can make the server
 * hold more than `limit` bytes of one request, however much it sends.
 *
 * A browser sends the whole form before it reads the answer: cut it off and it shows "connection
 * reset" instead of our message. So a body that declares a Content-Length past the limit, but
 * within `drainFactor` times it, is read to its end and thrown away chunk by chunk (memory stays
 * one chunk) and answered normally ('tooLarge'). Anything larger, and a body without a
 * Content-Length (chunked: what scripts send, never a browser's form) that runs past the limit,
 * is abandoned at once ('cutOff'): reading stops and the caller answers with `Connection: close`.
 * The stream is left unread rather than cancelled: cancelling it destroys the socket under the
 * request, before the answer is written, and the client sees a reset instead of our answer.
 */
export type Oversized = 'tooLarge' | 'cutOff';

const drainFactor = 4;

export async function bodyUpTo(request: Request, limit: number): Promise<Uint8Array | Oversized> {
  const header = request.headers.get('content-length');
  const declared = header === null ? null : Number(header);
  if (declared !== null && declared > limit * drainFactor) return 'cutOff';
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit && (declared === null || total > limit * drainFactor)) {
      reader.releaseLock();
      return 'cutOff';
    }
    if (total > limit) {
      chunks.length = 0; // draining: what the client still sends is read and dropped
      continue;
    }
    chunks.push(value);
  }
  if (total > limit) return 'tooLarge';
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
