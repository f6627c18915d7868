import { getTranslations } from 'next-intl/server';
import { formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { minimumFee } from '@/lib/services/fees';
import type { PublishedService } from '@/lib/services/queries';

export async function ServiceCard({ service, locale }: { service: PublishedService; locale: Locale }) {
  const t = await getTranslations('catalogue');
  const { definition } = service;
  return (
    <li className="border-t-4 border-brand-700 bg-slate-50 p-4">
      <h3 className="text-lg font-bold">
        <Link href={`/services/${service.code}`}>{definition.name[locale]}</Link>
      </h3>
      <p className="mb-2">{definition.summary[locale]}</p>
      <p className="text-sm">{t('fee', { amount: formatRiel(minimumFee(definition), locale) })}</p>
      <p className="text-sm">{t('deadline', { days: definition.deadlineWorkingDays })}</p>
    </li>
  );
}

/** Services grouped under their owning department, in catalogue order. */
export async function ServiceList({ services, locale }: { services: PublishedService[]; locale: Locale }) {
  const groups = new Map<string, PublishedService[]>();
  for (const s of services) groups.set(s.department.code, [...(groups.get(s.department.code) ?? []), s]);
  return (
    <>
      {[...groups.entries()].map(([code, group]) => (
        <section key={code} className="mb-8" aria-labelledby={`dept-${code}`}>
          <h2 id={`dept-${code}`} className="mb-3 text-lg font-bold text-slate-700">
            {locale === 'km' ? group[0]!.department.nameKm : group[0]!.department.nameEn}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {group.map((s) => <ServiceCard key={s.code} service={s} locale={locale} />)}
          </ul>
        </section>
      ))}
    </>
  );
}
