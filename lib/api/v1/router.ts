// /api/v1 outside Next.js, for the lean server (lib/applications/lookup-server.ts): the same
// route modules, found as Next finds them (every route.ts under app/api/v1, its folders the path:
// `[name]` one segment, `[...name]` the rest) and chosen as Next chooses (a fixed segment before
// a dynamic one, a dynamic one before a catch-all), so a route file added there is served here
// with no change. Each is called as Next calls it, `handler(request, { params: Promise })`, with
// HEAD answered by GET without a body, OPTIONS by the methods it exports, and any other method a
// 405 problem (./methods.ts).
import 'server-only';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRefusal, methodNotAllowed, optionsResponse, routeMethods, type RouteMethod } from './methods';
import { problemResponse } from './problems';

type Segment = { kind: 'fixed'; name: string } | { kind: 'dynamic'; name: string } | { kind: 'catchAll'; name: string; optional: boolean };
type Params = Record<string, string | string[]>;
type Handler = (request: Request, context: { params: Promise<Params> }) => Response | Promise<Response>;
export type RouteModule = Partial<Record<RouteMethod | 'HEAD' | 'OPTIONS', Handler>>;

export interface ApiRoute {
  /** The route file, relative to the project (app/api/v1/licences/[number]/route.ts). */
  file: string;
  segments: Segment[];
}

const projectDir = path.resolve(import.meta.dirname, '../../..');
export const apiPrefix = '/api/v1';
const apiDir = path.join(projectDir, 'app', 'api', 'v1');

function segmentOf(folder: string): Segment {
  const catchAll = /^\[(\[)?\.\.\.(\w+)\]?\]$/.exec(folder);
  if (catchAll) return { kind: 'catchAll', name: catchAll[2]!, optional: Boolean(catchAll[1]) };
  const dynamic = /^\[(\w+)\]$/.exec(folder);
  return dynamic ? { kind: 'dynamic', name: dynamic[1]! } : { kind: 'fixed', name: folder };
}

/** Every route file under app/api/v1, in the order Next tries them. Route groups `(name)` add no segment. */
export function apiRoutes(dir = apiDir, segments: Segment[] = []): ApiRoute[] {
  const found = readdirSync(dir, { withFileTypes: true }).flatMap((entry): ApiRoute[] => {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_')) return []; // private folders, as in Next
      const more = /^\(.*\)$/.test(entry.name) ? segments : [...segments, segmentOf(entry.name)];
      return apiRoutes(path.join(dir, entry.name), more);
    }
    return /^route\.(ts|js)$/.test(entry.name) ? [{ file: path.relative(projectDir, path.join(dir, entry.name)), segments }] : [];
  });
  const rank = { fixed: 0, dynamic: 1, catchAll: 2 } as const;
  const key = (route: ApiRoute) => route.segments.map((s) => rank[s.kind]);
  return found.toSorted((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return ka.length - kb.length;
  });
}

/** The params of `parts` (a path's segments after /api/v1) on this route, or null when it does not match. */
export function matchRoute(route: ApiRoute, parts: readonly string[]): Params | null {
  const params: Params = {};
  for (const [i, segment] of route.segments.entries()) {
    if (segment.kind === 'catchAll') {
      const rest = parts.slice(i);
      if (rest.length === 0 && !segment.optional) return null;
      if (rest.length) params[segment.name] = rest;
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === 'fixed' && part !== segment.name) return null;
    if (segment.kind === 'dynamic') params[segment.name] = part;
  }
  return parts.length === route.segments.length ? params : null;
}

const decoded = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

export interface ApiRouter {
  /** Whether this path is under /api/v1 (what the router answers). */
  serves(pathname: string): boolean;
  answer(request: Request): Promise<Response>;
}

/** Loads every route module under app/api/v1 (each once, at start) and answers requests with them. */
export async function loadApiRouter(): Promise<ApiRouter> {
  const routes = await Promise.all(
    apiRoutes().map(async (route) => ({ ...route, module: (await import(pathToFileURL(path.join(projectDir, route.file)).href)) as RouteModule })),
  );
  const answered = (module: RouteModule) => routeMethods.filter((m) => typeof module[m] === 'function' && !isRefusal(module[m]));
  return {
    serves: (pathname) => pathname === apiPrefix || pathname.startsWith(`${apiPrefix}/`),
    async answer(request) {
      const parts = new URL(request.url).pathname.slice(apiPrefix.length).split('/').filter(Boolean).map(decoded);
      for (const route of routes) {
        const params = matchRoute(route, parts);
        if (!params) continue;
        const method = request.method as RouteMethod | 'HEAD' | 'OPTIONS';
        const handler = route.module[method] ?? (method === 'HEAD' ? route.module.GET : undefined);
        if (handler) return handler(request, { params: Promise.resolve(params) });
        return method === 'OPTIONS' ? optionsResponse(answered(route.module)) : methodNotAllowed(request, answered(route.module));
      }
      return problemResponse(request, 'not-found', 'path');
    },
  };
}
