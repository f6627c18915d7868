import { expect, test } from 'vitest';
import { bodyUpTo } from '@/lib/http/limited-body';

/** A chunked body of `chunks` pieces of 64 KiB that counts how many were pulled from it. */
function streamed(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
  return { request: new Request('http://portal.test/', { method: 'POST', body, duplex: 'half' } as RequestInit), pulled: () => pulled };
}

test('a body without Content-Length is read only until it passes the limit', async () => {
  const body = streamed(800); // 50 MiB on offer
  expect(await bodyUpTo(body.request, 1024 * 1024)).toBe('cutOff');
  expect(body.pulled()).toBeLessThanOrEqual(18); // 1 MiB and a chunk, then reading stopped
});

test('a body within the limit is returned whole', async () => {
  const body = streamed(4);
  const bytes = await bodyUpTo(body.request, 1024 * 1024);
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect((bytes as Uint8Array).byteLength).toBe(4 * 64 * 1024);
});

test('a declared Content-Length far past the limit is cut off before anything is read', async () => {
  const body = streamed(800);
  const request = new Request(body.request, { headers: { 'content-length': String(50 * 1024 * 1024) } });
  expect(await bodyUpTo(request, 1024 * 1024)).toBe('cutOff');
  expect(body.pulled()).toBeLessThanOrEqual(1);
});

test("a browser's form a little past the limit is read to its end and dropped, so the browser gets the answer", async () => {
  const body = streamed(24); // 1.5 MiB
  const request = new Request(body.request, { headers: { 'content-length': String(24 * 64 * 1024) } });
  expect(await bodyUpTo(request, 1024 * 1024)).toBe('tooLarge');
  expect(body.pulled()).toBe(24);
});
