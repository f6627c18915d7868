import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { currentActor } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { findInvitation } from '@/lib/organisations/invitations';
import { acceptInvitationAction } from './actions';

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<{ refused?: string }> };

export const generateMetadata = pageTitle('invitation');

/** What an invitation's link opens: who invites you where, and (signed in) the button to join. */
export default async function InvitationPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const { refused } = await searchParams;
  const [t, tRoles, invitation, actor] = await Promise.all([getTranslations('invitation'), getTranslations('organisationRoles'), findInvitation(token), currentActor()]);
  const refusal = ['expired', 'revoked', 'used', 'wrongAccount', 'notFound'].includes(refused ?? '') ? refused : invitation && invitation.state !== 'open' ? invitation.state : null;
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      {!invitation ? <Alert tone="error">{t('refused.notFound')}</Alert> : (
        <>
          <p className="mb-6 text-lg">{t('lead', { organisation: locale === 'km' ? invitation.organisation.nameKm : invitation.organisation.nameEn, role: tRoles(invitation.role) })}</p>
          {refusal ? <Alert tone="error">{t(`refused.${refusal as 'used'}`, { email: invitation.email })}</Alert> : null}
          {invitation.state === 'open' && !refusal ? (
            actor ? (
              <form action={acceptInvitationAction.bind(null, locale, token)}>
                <Button>{t('accept')}</Button>
              </form>
            ) : (
              <p>{t('signInFirst', { email: invitation.email })} <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/invitations/${token}`)}`}>{t('signIn')}</Link> · <Link href="/register">{t('register')}</Link></p>
            )
          ) : null}
        </>
      )}
    </>
  );
}
