import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CheckLicenceForm } from '@/components/licences/check-licence-form';
import { ButtonLink } from '@/components/ui/button';
import { ServiceList } from '@/components/services/service-card';
import { currentActor } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { listPublishedServices } from '@/lib/services/queries';

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tLayout, tDashboard, tCheck, services, actor] = await Promise.all([
    getTranslations('home'),
    getTranslations('layout'),
    getTranslations('dashboard'),
    getTranslations('checkLicence'),
    listPublishedServices(),
    currentActor(),
  ]);
  return (
    <>
      <h1 className="mb-4 max-w-3xl text-3xl font-bold sm:text-4xl">{t('title')}</h1>
      <p className="mb-8 max-w-2xl text-xl">{t('lead')}</p>
      {actor ? null : (
        <div className="mb-8 flex flex-col gap-3">
          <p>{t('accountPrompt')}</p>
          <div className="flex flex-wrap items-center gap-4">
            <ButtonLink href="/register">{t('startNow')}</ButtonLink>
            <span>
              {t('signInPrompt')} <Link href="/sign-in">{tLayout('signIn')}</Link>
            </span>
          </div>
        </div>
      )}
      <ul className="mb-10 flex flex-col gap-2">
        <li><Link href="/track">{tDashboard('trackLink')}</Link></li>
        <li><Link href="/fees">{tDashboard('feesLink')}</Link></li>
        <li><a href="#check-licence">{tCheck('footerLink')}</a></li>
      </ul>
      <ServiceList services={services} locale={locale} />
      <section aria-labelledby="check-licence" className="mt-10">
        <h2 id="check-licence" className="mb-2 text-2xl font-bold">{tCheck('title')}</h2>
        <p className="mb-4 max-w-2xl">{tCheck('homeLead')}</p>
        <CheckLicenceForm />
      </section>
    </>
  );
}
