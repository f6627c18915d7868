/**
 * The client's address for throttling: the last X-Forwarded-For entry. Next.js fills the header
 * from the connection only when it is absent, so in production the portal must sit behind a
 * reverse proxy that sets it (README); per-account limits do not depend on it.
 */
export function addressFrom(forwardedFor: string | null | undefined): string {
  return forwardedFor?.split(',').at(-1)?.trim() || 'unknown';
}
