// The operational log: JSON lines that carry the request's id, and never a secret or a person's details.
import { Writable } from 'node:stream';
import { afterEach, expect, test } from 'vitest';
import { createLogger, sendConsoleToLog } from '@/lib/operations/log';
import { acceptedRequestId, newRequestId, runWithRequest } from '@/lib/operations/server-state';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(stream, 'info'), lines };
}

test('every line written while a request is served carries its id; others carry none', async () => {
  const { logger, lines } = capture();
  logger.info('starting');
  await runWithRequest({ requestId: 'REQ-4CK7M2Q9XZ' }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 5)); // across awaits too
    logger.warn({ check: 'database' }, 'not ready');
  });
  expect(lines[0]).not.toHaveProperty('requestId');
  expect(lines[1]).toMatchObject({ level: 'warn', msg: 'not ready', check: 'database', requestId: 'REQ-4CK7M2Q9XZ' });
  expect(typeof lines[1]!.time).toBe('string');
});

test('secrets and personal details are replaced, at the top of a line or one level down', () => {
  const { logger, lines } = capture();
  logger.info(
    { password: 'hunter2', email: 'sok.dara@example.com', user: { phone: '+85512345678', nationalIdNumber: '012345678' }, headers: { cookie: 'next-auth.session-token=abc', authorization: 'Bearer xyz' }, deliveryId: 'd-1' },
    'something happened',
  );
  const text = JSON.stringify(lines[0]);
  for (const secret of ['hunter2', 'sok.dara', '12345678', 'session-token', 'xyz']) expect(text).not.toContain(secret);
  expect(lines[0]).toMatchObject({ password: '[redacted]', user: { phone: '[redacted]' }, deliveryId: 'd-1' });
});

const original = { ...console };
afterEach(() => Object.assign(console, original));

test("console output (Next.js's own error reports) becomes log lines, errors with their stack and digest", () => {
  const { logger, lines } = capture();
  sendConsoleToLog(logger);
  const error = Object.assign(new Error('boom'), { digest: '2853612351' });
  runWithRequest({ requestId: 'REQ-CONSOLE01' }, () => console.error(error));
  console.log('ready on port %d', 3000);
  expect(lines[0]).toMatchObject({ level: 'error', msg: 'boom', requestId: 'REQ-CONSOLE01', err: { message: 'boom', digest: '2853612351' } });
  expect((lines[0]!.err as { stack: string }).stack).toContain('log.test.ts');
  expect(lines[1]).toMatchObject({ level: 'info', msg: 'ready on port 3000' });
});

test('request ids: new ones are short and plain; a proxy\'s is kept only when it looks like an id', () => {
  const ids = new Set(Array.from({ length: 1000 }, newRequestId));
  expect(ids.size).toBe(1000);
  for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  expect(acceptedRequestId('0f9a3c1e2b7d4a5f8e6c0b1a2d3e4f5a')).toBe('0f9a3c1e2b7d4a5f8e6c0b1a2d3e4f5a');
  expect(acceptedRequestId('short')).toBeUndefined();
  expect(acceptedRequestId('has spaces and "quotes" in it')).toBeUndefined();
  expect(acceptedRequestId(['a1b2c3d4e5', 'f6g7h8i9j0'])).toBeUndefined();
});
