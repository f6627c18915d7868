import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { pendingRegistration } from '@/lib/auth/registration-link';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { finishRegistrationAction } from '../../actions';

type Props = { params: Promise<{ locale: string; token: string }> };

export const generateMetadata = pageTitle('register');

/**
 * What the link in the registration message opens. Opening it changes nothing (mail scanners
 * open links); the button makes the account, once.
 */
export default async function FinishRegistrationPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, pending] = await Promise.all([getTranslations('register'), pendingRegistration(token)]);
  if (!pending) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t('expiredTitle')}</h1>
        <p className="mb-6 max-w-xl text-lg">{t('expiredLead')}</p>
        <p><Link href="/sign-in">{t('signIn')}</Link> · <Link href="/register">{t('registerAgain')}</Link></p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('finishTitle')}</h1>
      <p className="mb-6 max-w-xl text-lg">{t('finishLead', { name: pending.name, address: pending.email ?? pending.phone ?? '' })}</p>
      <form action={finishRegistrationAction.bind(null, locale, token)}>
        <Button>{t('finishSubmit')}</Button>
      </form>
    </>
  );
}
