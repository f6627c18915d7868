// The HTTP methods of /api/v1 routes. Next.js answers a method a route does not export with an
// empty 405; the API answers a problem, like its other errors, naming what the address answers in
// Allow (RFC 9110 15.5.6). Each route file exports the refusals of the methods it leaves out
// (`export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET')`); the lean server
// (./router.ts) works the same answer out from a route's exports, so a route file that forgets
// still answers 405 there, and tests/unit/api/routes.test.ts names it.
import 'server-only';
import { problemResponse } from './problems';

/** The methods a route file may export (Next.js answers HEAD from GET, and OPTIONS by itself). */
export const routeMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof routeMethods)[number];

type Handler = (request: Request) => Response;

// The handlers otherMethods made: they refuse, so they are not among the methods a route answers.
const refusals = new WeakSet<object>();

/** Whether a route's export is a refusal made by otherMethods rather than a method it answers. */
export const isRefusal = (handler: unknown): boolean => typeof handler === 'function' && refusals.has(handler);

/** The Allow header of a route answering `methods` (HEAD with GET; OPTIONS always). */
export function allowHeader(methods: readonly RouteMethod[]): string {
  return [...routeMethods.filter((m) => methods.includes(m)), ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
}

/** A 405 problem for a method the route does not answer. */
export function methodNotAllowed(request: Request, allowed: readonly RouteMethod[]): Response {
  const allow = allowHeader(allowed);
  return problemResponse(request, 'method-not-allowed', 'method', { values: { method: request.method, allowed: allow }, headers: { Allow: allow } });
}

/** What OPTIONS answers: no body, the methods in Allow. */
export const optionsResponse = (allowed: readonly RouteMethod[]) => new Response(null, { status: 204, headers: { Allow: allowHeader(allowed) } });

/**
 * The refusals of every method but `allowed`, and an OPTIONS naming `allowed` (Next's own would
 * name the refusals too, as exported methods), for a route file to export.
 */
export function otherMethods<A extends RouteMethod>(...allowed: A[]): Record<Exclude<RouteMethod, A> | 'OPTIONS', Handler> {
  const refuse: Handler = (request) => methodNotAllowed(request, allowed);
  refusals.add(refuse);
  const others = routeMethods.filter((m) => !(allowed as RouteMethod[]).includes(m)).map((m) => [m, refuse] as const);
  return { ...Object.fromEntries(others), OPTIONS: () => optionsResponse(allowed) } as Record<Exclude<RouteMethod, A> | 'OPTIONS', Handler>;
}
