import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { currentActor } from '@/lib/auth/session';
import { formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { minimumFee } from '@/lib/services/fees';
import { listPublishedServices } from '@/lib/services/queries';

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, services, actor] = await Promise.all([getTranslations('home'), listPublishedServices(), currentActor()]);
  const byDepartment = new Map<string, typeof services>();
  for (const s of services) byDepartment.set(s.department.code, [...(byDepartment.get(s.department.code) ?? []), s]);
  return (
    <>
      <h1 className="mb-4 max-w-3xl text-3xl font-bold sm:text-4xl">{t('title')}</h1>
      <p className="mb-8 max-w-2xl text-xl">{t('lead')}</p>
      {actor ? null : (
        <div className="mb-10 flex flex-col gap-3">
          <p>{t('accountPrompt')}</p>
          <div className="flex flex-wrap items-center gap-4">
            <ButtonLink href="/register">{t('startNow')}</ButtonLink>
            <span>
              {t('signInPrompt')} <Link href="/sign-in">{(await getTranslations('layout'))('signIn')}</Link>
            </span>
          </div>
        </div>
      )}
      <h2 className="mb-4 text-2xl font-bold">{t('servicesTitle')}</h2>
      {[...byDepartment.values()].map((group) => (
        <section key={group[0]!.department.code} className="mb-8" aria-labelledby={`dept-${group[0]!.department.code}`}>
          <h3 id={`dept-${group[0]!.department.code}`} className="mb-3 text-lg font-bold text-slate-700">
            {locale === 'km' ? group[0]!.department.nameKm : group[0]!.department.nameEn}
          </h3>
          <ul className="grid gap-4 sm:grid-cols-2">
            {group.map(({ code, definition }) => (
              <li key={code} className="border-t-4 border-brand-700 bg-slate-50 p-4">
                <p className="text-lg font-bold">{definition.name[locale]}</p>
                <p className="mb-2">{definition.summary[locale]}</p>
                <p className="text-sm">{t('fee', { amount: formatRiel(minimumFee(definition), locale) })}</p>
                <p className="text-sm">{t('deadline', { days: definition.deadlineWorkingDays })}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
