import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { can, type Actor, type AreaAction } from '@/lib/policy/policy';
import { currentActor } from './session';

/** The signed-in actor, or a redirect to sign in that comes back to `returnTo`. */
export async function requireActor(locale: string, returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${returnTo}`)}`);
  return actor;
}

/**
 * An area of the portal; anyone signed in without the right answers "Page not found". Staff
 * whose session has not passed the second factor are sent to it first.
 */
export async function requireArea(locale: string, area: AreaAction, returnTo: string): Promise<Actor> {
  const actor = await requireActor(locale, returnTo);
  if (can(actor, area)) return actor;
  if (actor.secondFactorDue) redirect(secondFactorPath(locale, `/${locale}${returnTo}`));
  notFound();
}

export function secondFactorPath(locale: string, next: string | null): string {
  return `/${locale}/two-factor${next ? `?next=${encodeURIComponent(next)}` : ''}`;
}

/** Only same-site paths inside a locale: a `next` parameter must not send anyone elsewhere. */
export function safeReturnPath(value: unknown, locale: string): string | null {
  if (typeof value !== 'string') return null;
  return value.startsWith(`/${locale}/`) && !value.startsWith('//') && !/[\\\s]/.test(value) && !value.includes('//') ? value : null;
}
