// The proxy rules as HAProxy runs them (Debian's package, as `npm run cluster` and the cluster
// fault test use it): the configuration lib/operations/haproxy.ts writes, in front of two stand-ins
// that say who answered, the app instances and the lean server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { haproxyConfig } from '@/lib/operations/haproxy';

const ports = { proxy: 3870, app: 3871, lean: 3872 };
const standIns = (['app', 'lean'] as const).map((name) =>
  http.createServer((request, response) => response.writeHead(200, { 'x-served-by': name }).end(request.url)),
);
let proxy: ChildProcess;
let dir = '';

beforeAll(async () => {
  await Promise.all(standIns.map((server, i) => new Promise<void>((resolve) => server.listen(i === 0 ? ports.app : ports.lean, '127.0.0.1', resolve))));
  dir = await mkdtemp(path.join(tmpdir(), 'haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  await writeFile(config, haproxyConfig({ listen: { host: '127.0.0.1', port: ports.proxy }, apps: [{ host: '127.0.0.1', port: ports.app }], lookup: { host: '127.0.0.1', port: ports.lean } }));
  proxy = spawn('/usr/sbin/haproxy', ['-db', '-f', config], { stdio: 'ignore' });
  // Until it listens and has counted both backends up (health checks every second, two to rise).
  for (let i = 0; i < 100; i++) {
    const served = await Promise.all(['/api/health', '/api/track'].map((p) => fetch(`http://127.0.0.1:${ports.proxy}${p}`).then((r) => r.status, () => 0)));
    if (served.every((status) => status === 200)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('HAProxy did not answer');
}, 20_000);

afterAll(async () => {
  proxy?.kill();
  await Promise.all(standIns.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

test('the proxy sends /api/track and everything under /api/v1/ to the lean server, the rest to the app', async () => {
  const servedBy = async (pathname: string, method = 'GET') => (await fetch(`http://127.0.0.1:${ports.proxy}${pathname}`, { method })).headers.get('x-served-by');
  expect(await servedBy('/api/track?reference=VR-2026-000001&code=ABCD2345')).toBe('lean');
  expect(await servedBy('/api/v1/licences/DLL-2026-000001')).toBe('lean');
  expect(await servedBy('/api/v1/oauth/token', 'POST')).toBe('lean');
  expect(await servedBy('/api/v1/licences/DLL-2026-000001/status', 'DELETE')).toBe('lean');
  expect(await servedBy('/api/v1x')).toBe('app');
  expect(await servedBy('/api/reference')).toBe('app');
  expect(await servedBy('/km/track')).toBe('app');
});
