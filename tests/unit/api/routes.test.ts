import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { isRefusal, routeMethods } from '@/lib/api/v1/methods';
import { apiRoutes, loadApiRouter, matchRoute, type RouteModule } from '@/lib/api/v1/router';
import { publicUrl } from '@/lib/http/public-address';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const routes = apiRoutes();
const load = async (file: string) => (await import(pathToFileURL(path.join(projectDir, file)).href)) as RouteModule;
const templateOf = (file: string) => `/${path.dirname(path.relative('app/api/v1', file)).split(path.sep).join('/')}`;

test('the lean server finds every route file under app/api/v1, and picks the one Next.js picks', () => {
  expect(routes.map((r) => templateOf(r.file))).toEqual(expect.arrayContaining(['/licences/[number]', '/licences/[number]/status', '/oauth/token', '/[...path]']));
  const chosen = (pathname: string) => {
    const parts = pathname.split('/').filter(Boolean);
    const route = routes.find((r) => matchRoute(r, parts));
    return route && { route: templateOf(route.file), params: matchRoute(route, parts) };
  };
  expect(chosen('/licences/DLL-2026-000001/status')).toEqual({ route: '/licences/[number]/status', params: { number: 'DLL-2026-000001' } });
  expect(chosen('/licences/DLL-2026-000001')).toEqual({ route: '/licences/[number]', params: { number: 'DLL-2026-000001' } });
  expect(chosen('/licences')).toEqual({ route: '/licences', params: {} });
  expect(chosen('/openapi.json')).toEqual({ route: '/openapi.json', params: {} });
  expect(chosen('/licences/a/b/c')).toEqual({ route: '/[...path]', params: { path: ['licences', 'a', 'b', 'c'] } });
});

// Next.js answers a method a route file leaves out with an empty 405: each must refuse the others itself.
test.each(routes.filter((r) => !r.file.includes('[...path]')).map((r) => [r.file]))(
  '%s answers or refuses with a problem each method, and names those it answers in Allow',
  async (file) => {
    const routeModule = await load(file);
    const answered = routeMethods.filter((m) => typeof routeModule[m] === 'function' && !isRefusal(routeModule[m]));
    expect(answered, `${file} answers no method`).not.toEqual([]);
    const allow = [...answered, ...(answered.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    for (const method of routeMethods.filter((m) => !answered.includes(m))) {
      expect(routeModule[method], `${file} does not refuse ${method}: add export const { …, OPTIONS } = otherMethods(…)`).toSatisfy(isRefusal);
      const refused = await routeModule[method]!(new Request('http://portal.invalid/', { method, headers: { 'Accept-Language': 'en' } }), { params: Promise.resolve({}) });
      expect(refused.status).toBe(405);
      expect(refused.headers.get('allow')).toBe(allow);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await refused.json()).toMatchObject({ type: publicUrl('/api/v1/problems/method-not-allowed'), status: 405, detail: `This address does not answer ${method}. It answers ${allow}: see the API reference.` });
    }
    const options = await routeModule.OPTIONS!(new Request('http://portal.invalid/', { method: 'OPTIONS' }), { params: Promise.resolve({}) });
    expect([options.status, options.headers.get('allow')]).toEqual([204, allow]);
  },
);

test('the lean router answers a method a route leaves out, HEAD and OPTIONS as Next.js does, and unknown addresses as not found', async () => {
  const router = await loadApiRouter();
  const ask = (pathname: string, method: string) => router.answer(new Request(`http://portal.invalid/api/v1${pathname}`, { method, headers: { 'Accept-Language': 'km' } }));
  const refused = await ask('/licences/DLL-2026-000001/status', 'DELETE');
  expect([refused.status, refused.headers.get('allow'), refused.headers.get('content-language')]).toEqual([405, 'GET, HEAD, OPTIONS', 'km']);
  expect(((await refused.json()) as { title: string }).title).toBe('អាសយដ្ឋាននេះមិនឆ្លើយតបវិធីសាស្ត្រនោះទេ');
  expect((await ask('/oauth/token', 'GET')).headers.get('allow')).toBe('POST, OPTIONS');
  const options = await ask('/oauth/token', 'OPTIONS');
  expect([options.status, options.headers.get('allow')]).toEqual([204, 'POST, OPTIONS']);
  const unknown = await ask('/nothing/here', 'PATCH');
  expect([unknown.status, ((await unknown.json()) as { type: string }).type]).toEqual([404, publicUrl('/api/v1/problems/not-found')]);
  const problemType = await ask('/problems/method-not-allowed', 'HEAD');
  expect(problemType.status).toBe(200);
});
