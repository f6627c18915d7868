// Sessions are next-auth JWTs (encrypted, in an HttpOnly cookie). Passwords are checked by our
// own server actions, so that errors are translated and the forms work without JavaScript;
// next-auth's providers (the national digital ID) will mint the same cookie.
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { db } from '@/lib/db/client';
import { addressFrom } from './client-address';
import type { Actor } from '@/lib/policy/policy';

const maxAgeSeconds = 8 * 60 * 60;
const secureCookies = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
// The name next-auth itself uses, so its handlers read and clear the same cookie.
export const sessionCookieName = `${secureCookies ? '__Secure-' : ''}next-auth.session-token`;

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error('NEXTAUTH_SECRET is not set (npm start sets one in demo mode; see README).');
  return value;
}

export async function startSession(userId: string): Promise<void> {
  const token = await encode({ token: { sub: userId }, secret: secret(), maxAge: maxAgeSeconds });
  (await cookies()).set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(sessionCookieName);
}

async function sessionUserId(): Promise<string | null> {
  const token = (await cookies()).get(sessionCookieName)?.value;
  if (!token) return null;
  const payload = await decode({ token, secret: secret() }).catch(() => null);
  return typeof payload?.sub === 'string' ? payload.sub : null;
}

/**
 * The signed-in actor, read from the database on every request (once per request), so that a
 * disabled account or a changed role takes effect on the next request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const id = await sessionUserId();
  return id ? findActor(id) : null;
});

/** An active account as policy sees it; null for a missing or disabled account. */
export async function findActor(id: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      status: true,
      roles: { select: { role: true, departmentId: true } },
      memberships: { select: { organisationId: true, role: true } },
    },
  });
  if (!user || user.status !== 'active') return null;
  return { id: user.id, name: user.name, roles: user.roles, organisations: user.memberships };
}

/** The client's address for throttling (see addressFrom), from a request's headers. */
export async function clientAddress(from?: Headers): Promise<string> {
  return addressFrom((from ?? (await headers())).get('x-forwarded-for'));
}
