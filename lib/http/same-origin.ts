import { publicAddress } from './public-address';

/**
 * Whether a form post came from the portal's own pages. Browsers name the posting page's origin;
 * it must be the public address, or the very host the browser reached (the same page on a name
 * other than the public one, say an internal address: a third-party page cannot make the
 * browser send our Host with its own Origin). A post without Origin (old browsers) is let
 * through; the session cookie is SameSite=Lax, so it is not a cross-site one.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  if (origin === publicAddress()) return true;
  try {
    return new URL(origin).host === headers.get('host');
  } catch {
    return false; // "null" (a sandboxed frame, a privacy redirect) or garbage
  }
}
