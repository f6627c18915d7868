import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AccountSecurity } from '@/components/account/account-security';
import { Alert } from '@/components/ui/alert';
import { requireArea } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { accountPath } from '@/lib/policy/policy';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ contact?: string; password?: string }> };

export const generateMetadata = pageTitle('accountSecurity');

/** Staff's own account (they have no applications page): contact details, password, sessions. */
export default async function AccountSecurityPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'account.security', '/account/security');
  // Citizens and investors have all of this on their account page.
  if (accountPath(actor) !== '/account/security') redirect(`/${locale}/account`);
  const [{ contact, password }, t, tAccount] = await Promise.all([searchParams, getTranslations('accountSecurity'), getTranslations('account')]);
  return (
    <>
      {password === 'changed' ? <Alert tone="success" title={tAccount('passwordChanged')} /> : null}
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-2xl text-lg">{t('lead')}</p>
      <AccountSecurity userId={actor.id} locale={locale} from="security" contact={contact} />
    </>
  );
}
