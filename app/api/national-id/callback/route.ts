// Where the national digital ID sends the person back: the one redirect address registered with
// the provider (README: "National digital ID"). Every refusal lands on a page that says why in the
// person's language, with no session started.
import { redirect } from 'next/navigation';
import { secondFactorPath } from '@/lib/auth/guards';
import { finishNationalIdFlow, nationalIdSettings } from '@/lib/auth/national-id';
import { linkNationalId, signInWithNationalId } from '@/lib/auth/national-id-accounts';
import { currentActor, findActor, startSession } from '@/lib/auth/session';
import { isLocale, routing } from '@/lib/i18n/routing';
import { can, homePath, sessionActor } from '@/lib/policy/policy';

export async function GET(request: Request) {
  const result = await finishNationalIdFlow(request, routing.defaultLocale);
  const locale = isLocale(result.locale) ? result.locale : routing.defaultLocale;
  const issuer = nationalIdSettings()?.issuer.href;
  if (!result.ok || !issuer) {
    const page = result.purpose?.kind === 'link' ? 'account' : 'sign-in';
    redirect(`/${locale}/${page}?nationalId=${result.ok ? 'unavailable' : result.error}`);
  }

  if (result.purpose.kind === 'link') {
    // Linking only for the account that asked, still signed in in this browser, and still one
    // that policy lets keep an applicant's page (the same check as the link action's).
    const actor = await currentActor();
    if (!actor || actor.id !== result.purpose.userId || !can(actor, 'applicant.dashboard')) redirect(`/${locale}/sign-in?nationalId=expired`);
    const linked = await linkNationalId(actor.id, issuer, result.identity);
    redirect(`/${locale}/account?nationalId=${linked.ok ? 'linked' : linked.error}`);
  }

  const account = await signInWithNationalId(issuer, result.identity, locale);
  if (!account.ok) redirect(`/${locale}/sign-in?nationalId=${account.error}`);
  await startSession(account.userId, { kind: 'national_id' });
  const found = await findActor(account.userId);
  if (!found) redirect(`/${locale}/sign-in?nationalId=disabled`);
  const actor = sessionActor(found, false);
  const next = result.purpose.next;
  // Staff who sign in this way pass their second factor too.
  if (actor.secondFactorDue) redirect(secondFactorPath(locale, next));
  redirect(next ?? `/${locale}${homePath(actor)}${account.created ? '?created=1' : ''}`);
}
