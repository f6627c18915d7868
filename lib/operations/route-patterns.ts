// A request's route as Next.js names it in app/ ("/[locale]/applications/[id]"), for the
// request metrics: one label per route, however many applications, ids or stray paths there are.
// The build's routes-manifest.json lists every route with the pattern Next.js itself matches.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ManifestRoute {
  page: string;
  regex: string;
}

export function routePatterns(distDir: string): (pathname: string) => string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as {
    staticRoutes: ManifestRoute[];
    dynamicRoutes: ManifestRoute[];
  };
  // Static routes first, then dynamic ones in the manifest's order (most specific first), as Next.js matches.
  const routes = [...manifest.staticRoutes, ...manifest.dynamicRoutes].map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    // Scripts, styles, fonts and images: one label per kind, not per file.
    if (pathname.startsWith('/_next/')) return `/_next/${pathname.split('/')[2] ?? ''}`;
    return routes.find((route) => route.regex.test(pathname))?.page ?? 'other';
  };
}
