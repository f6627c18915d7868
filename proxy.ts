// Why this file is at the top of the project: Next.js runs a proxy (formerly "middleware") only
// from proxy.ts beside app/, and a proxy is the one place that can make a fresh nonce per request
// and hand it to Next.js before the page renders. Next.js reads the nonce from the request's
// Content-Security-Policy header and puts it on its own scripts; the same policy goes out on the
// response. The rules themselves live in lib/security/headers.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { documentContentSecurityPolicy, isFileRoute, newNonce, pageContentSecurityPolicy } from '@/lib/security/headers';

export function proxy(request: NextRequest) {
  // A route handler's own header cannot replace the proxy's (Next.js keeps the first), so the
  // file routes get their stricter policy here.
  if (isFileRoute(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', documentContentSecurityPolicy);
    return response;
  }
  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    nationalIdIssuer: process.env.NATIONAL_ID_ISSUER,
    publicUrl: process.env.NEXTAUTH_URL,
    development: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    // Not /api/: webhooks and JSON (the bank's payment callback, the national ID's callback, the
    // tracking API) render no HTML and need no nonce; next.config.ts gives them the document
    // policy without a proxy in their path. Not /_next/static or /_next/image: immutable files
    // that must stay cacheable and identical for everyone. Not the document upload: a proxy in
    // its path makes Next.js copy the whole request body first (cut at 10 MB), which defeats the
    // route's own streaming limit; it answers with a redirect, which needs no policy.
    '/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg|km/applications/.*/documents/upload|en/applications/.*/documents/upload).*)',
  ],
};
