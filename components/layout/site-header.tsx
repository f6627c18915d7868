import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { accountPath, homePath, type Actor } from '@/lib/policy/policy';
import { signOut } from '@/app/[locale]/actions';
import type { Locale } from '@/lib/i18n/routing';
import { LanguageSwitch } from './language-switch';

export async function SiteHeader({ actor, locale }: { actor: Actor | null; locale: string }) {
  const [t, tAccount] = await Promise.all([getTranslations('layout'), getTranslations('accountSecurity')]);
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm">
        <p>{t('kingdom')} · {t('motto')}</p>
        <LanguageSwitch label={t('language')} current={locale as Locale} />
      </div>
      <div className="border-t border-white/20">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
          <Link href="/" className="text-white no-underline">
            <span className="block text-lg font-bold leading-tight">{t('ministry')}</span>
            <span className="block text-sm">{t('portal')}</span>
          </Link>
          <nav aria-label={t('accountMenu')}>
            {actor ? (
              <div className="flex flex-wrap items-center gap-4">
                <span className="text-sm">{t('signedInAs', { name: actor.name })}</span>
                <Link href={homePath(actor)} className="font-bold text-white underline">{t('myArea')}</Link>
                {/* Staff's own account page; a citizen's is their area already. */}
                {homePath(actor) !== accountPath(actor) && !actor.secondFactorDue ? <Link href={accountPath(actor)} className="font-bold text-white underline">{tAccount('link')}</Link> : null}
                <form action={signOut.bind(null, locale)}>
                  <button type="submit" className="cursor-pointer font-bold text-white underline">{t('signOut')}</button>
                </form>
              </div>
            ) : (
              <ul className="flex flex-wrap gap-4">
                <li><Link href="/sign-in" className="font-bold text-white underline">{t('signIn')}</Link></li>
                <li><Link href="/register" className="font-bold text-white underline">{t('register')}</Link></li>
              </ul>
            )}
          </nav>
        </div>
      </div>
      <div className="h-1 bg-accent" />
    </header>
  );
}
