import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { sessionLimitTexts } from '@/components/auth/session-limits';
import { Link } from '@/lib/i18n/navigation';

/** The account page's "Signing in": how long sessions last, the password, and "sign out everywhere". */
export async function SignInSection({ hasPassword, staff, signOutEverywhere }: { hasPassword: boolean; staff: boolean; signOutEverywhere: () => Promise<void> }) {
  const t = await getTranslations('sessions');
  return (
    <section aria-labelledby="signing-in" className="mb-8">
      <h2 id="signing-in" className="mb-3 text-2xl font-bold">{t('title')}</h2>
      <p className="mb-4 max-w-2xl">{(await sessionLimitTexts())[staff ? 'staff' : 'public']}</p>
      {hasPassword ? <p className="mb-4"><Link href="/account/password">{t('changePassword')}</Link></p> : null}
      <form action={signOutEverywhere}>
        <p className="mb-3 max-w-2xl">{t('everywhereLead')}</p>
        <Button variant="secondary">{t('everywhere')}</Button>
      </form>
    </section>
  );
}
