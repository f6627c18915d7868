/**
 * The portal's public address: where people and other systems reach it, whatever name the
 * request came in by (behind a reverse proxy the app sees an internal host). Every absolute link
 * the portal writes (emails, licence QR codes, the national ID's redirect URI) starts with it;
 * redirects are relative and never need it. NEXTAUTH_URL is the setting (README); npm start
 * sets it to http://localhost:$PORT when it is unset.
 */
export function publicAddress(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim();
  // Only scheme, host and port: the portal is served from the root of its address.
  return configured ? new URL(configured).origin : `http://localhost:${env.PORT ?? 3000}`;
}

/** An absolute link to `path` (starting with /) on the public address. */
export const publicUrl = (path: string, env?: NodeJS.ProcessEnv) => `${publicAddress(env)}${path}`;
