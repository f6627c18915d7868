// Sessions are next-auth JWTs (encrypted, in an HttpOnly cookie). Passwords are checked by our
// own server actions, so that errors are translated and the forms work without JavaScript; the
// national digital ID's callback (lib/auth/national-id.ts) mints the same cookie.
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { db } from '@/lib/db/client';
import { clientAddressHeader, unknownAddress } from './client-address';
import { sessionActor, type Actor } from '@/lib/policy/policy';

const maxAgeSeconds = 8 * 60 * 60;
const secureCookies = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
// The name next-auth itself uses, so its handlers read and clear the same cookie.
export const sessionCookieName = `${secureCookies ? '__Secure-' : ''}next-auth.session-token`;

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error('NEXTAUTH_SECRET is not set (npm start sets one in demo mode; see README).');
  return value;
}

/**
 * `secondFactor` is the stamp of the staff authenticator the session passed (when it was
 * confirmed): resetting or re-enrolling the authenticator changes it, which ends the staff side
 * of every older session.
 */
export async function startSession(userId: string, secondFactor?: number): Promise<void> {
  const token = await encode({ token: { sub: userId, ...(secondFactor ? { secondFactor } : {}) }, secret: secret(), maxAge: maxAgeSeconds });
  (await cookies()).set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/**
 * A short-lived cookie that only this server can write or read, encrypted like the session but
 * never one (it has no subject): the national ID sign-in in progress, recovery codes shown once.
 */
export async function setSealedCookie(name: string, value: object, maxAge: number, path = '/'): Promise<void> {
  const token = await encode({ token: { sealed: value }, secret: secret(), maxAge });
  (await cookies()).set(name, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path, maxAge });
}

export async function readSealedCookie<T extends object>(name: string): Promise<T | null> {
  const token = (await cookies()).get(name)?.value;
  const payload = token ? await decode({ token, secret: secret() }).catch(() => null) : null;
  return payload && typeof payload.sealed === 'object' ? (payload.sealed as T) : null;
}

export async function deleteCookie(name: string, path = '/'): Promise<void> {
  (await cookies()).delete({ name, path });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(sessionCookieName);
}

async function sessionClaims(): Promise<{ userId: string; secondFactor: number | null } | null> {
  const token = (await cookies()).get(sessionCookieName)?.value;
  if (!token) return null;
  const payload = await decode({ token, secret: secret() }).catch(() => null);
  if (typeof payload?.sub !== 'string') return null;
  return { userId: payload.sub, secondFactor: typeof payload.secondFactor === 'number' ? payload.secondFactor : null };
}

/**
 * The signed-in actor, read from the database on every request (once per request), so that a
 * disabled account, a changed role or a reset second factor takes effect on the next request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims();
  const found = claims ? await loadActor(claims.userId) : null;
  if (!claims || !found) return null;
  return sessionActor(found.actor, claims.secondFactor !== null && claims.secondFactor === found.secondFactor);
});

/** An active account as policy sees it, with every role it holds; null for a missing or disabled account. */
export async function findActor(id: string): Promise<Actor | null> {
  return (await loadActor(id))?.actor ?? null;
}

async function loadActor(id: string): Promise<{ actor: Actor; secondFactor: number | null } | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      roles: { select: { role: true, departmentId: true } },
      memberships: { select: { organisationId: true, role: true } },
      secondFactor: { select: { confirmedAt: true } },
    },
  });
  if (!user || user.status !== 'active') return null;
  return {
    actor: { id: user.id, name: user.name, roles: user.roles, organisations: user.memberships },
    secondFactor: user.secondFactor?.confirmedAt?.getTime() ?? null,
  };
}

/** The client's address for throttling, as the app server worked it out (lib/auth/client-address.ts). */
export async function clientAddress(from?: Headers): Promise<string> {
  return (from ?? (await headers())).get(clientAddressHeader) || unknownAddress;
}
