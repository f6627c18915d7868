// The session cookie is a next-auth JWT (encrypted, HttpOnly) that carries only the id of a row in
// the Session table (lib/auth/sessions.ts): ending the row ends the session, whatever copies of the
// cookie exist. Passwords are checked by our own server actions, so that errors are translated and
// the forms work without JavaScript; the national digital ID's callback (app/api/national-id)
// starts sessions through here too.
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { db } from '@/lib/db/client';
import type { SessionKind } from '@/lib/db/generated/client';
import { clientAddressHeader, unknownAddress } from './client-address';
import { createSession, endAllSessions, endSessionRow, findLiveSession, type LiveSession, type SessionEndReason } from './sessions';
import { sessionActor, type Actor } from '@/lib/policy/policy';

const secureCookies = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
// The name next-auth itself uses, so its handlers read and clear the same cookie.
export const sessionCookieName = `${secureCookies ? '__Secure-' : ''}next-auth.session-token`;

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error('NEXTAUTH_SECRET is not set (npm start sets one in demo mode; see README).');
  return value;
}

/**
 * Starts a session in this browser. Any session the browser held ends ("replaced"), so that the
 * id changes whenever the rights change (the second factor passed, a password changed).
 * `secondFactorAt` is the confirmation time of the staff authenticator the session passed.
 */
export async function startSession(userId: string, { kind, secondFactorAt }: { kind?: SessionKind; secondFactorAt?: Date } = {}): Promise<void> {
  const previous = (await readSession()).session;
  const requestHeaders = await headers();
  const session = await createSession({
    userId,
    kind: kind ?? (previous?.userId === userId ? previous.kind : 'password'),
    secondFactorAt,
    clientAddress: await clientAddress(requestHeaders),
    userAgent: requestHeaders.get('user-agent'),
    replacing: previous?.id,
  });
  const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  const token = await encode({ token: { sid: session.id }, secret: secret(), maxAge });
  (await cookies()).set(sessionCookieName, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge });
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

/** Signing out: this session ends on the server, and the browser forgets the cookie. */
export async function endSession(reason: SessionEndReason = 'signed_out'): Promise<void> {
  const { session } = await readSession();
  if (session) await endSessionRow(session.id, reason);
  (await cookies()).delete(sessionCookieName);
}

/** Every session of the signed-in person ends, this one too ("sign out everywhere"). */
export async function endEverySession(reason: SessionEndReason): Promise<void> {
  const { session } = await readSession();
  if (session) await endAllSessions(session.userId, reason);
  (await cookies()).delete(sessionCookieName);
}

type SessionState = { session: LiveSession | null; actor: Actor | null; refused: boolean };

/**
 * The session cookie's row and the actor, read from the database on every request (once per page
 * render; a server action reads afresh at each call), so that a signed-out session, a disabled account, a changed role or a reset second
 * factor takes effect on the next request. `refused`: a cookie came that no longer opens a session.
 */
const readSession = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  const token = jar.get(sessionCookieName)?.value;
  if (!token) return { session: null, actor: null, refused: false };
  const payload = await decode({ token, secret: secret() }).catch(() => null);
  const session = typeof payload?.sid === 'string' && isUuid(payload.sid) ? await findLiveSession(payload.sid) : null;
  const found = session ? await loadActor(session.userId) : null;
  if (!session || !found) {
    // Only server actions and route handlers may change cookies; a page leaves it (it opens nothing).
    try {
      jar.delete(sessionCookieName);
    } catch {}
    return { session: null, actor: null, refused: true };
  }
  const passed = session.secondFactorAt !== null && session.secondFactorAt.getTime() === found.secondFactor;
  return { session, actor: sessionActor(found.actor, passed), refused: false };
});

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export const currentActor = cache(async (): Promise<Actor | null> => (await readSession()).actor);

/** This browser's live session. (React's cache holds only while a page renders, not in a server action.) */
export async function currentSession(): Promise<LiveSession | null> {
  return (await readSession()).session;
}

/**
 * A new session for this browser with the same sign-in and second factor as `session`, read before
 * a password change ended them all.
 */
export async function renewSession(session: LiveSession): Promise<void> {
  await startSession(session.userId, { kind: session.kind, secondFactorAt: session.secondFactorAt ?? undefined });
}

/** True when the browser sent a session cookie that has ended: the sign-in page says so. */
export async function sessionWasRefused(): Promise<boolean> {
  return (await readSession()).refused;
}

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
