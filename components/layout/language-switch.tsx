'use client';
import { useLocale } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/routing';

const names = { km: 'ភាសាខ្មែរ', en: 'English' } as const;

/** Links to the same page in the other language; each name is in its own language. */
export function LanguageSwitch({ label }: { label: string }) {
  const pathname = usePathname();
  const current = useLocale();
  return (
    <nav aria-label={label}>
      <ul className="flex gap-3">
        {locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" className="font-bold">{names[locale]}</span>
            ) : (
              <Link href={pathname} locale={locale} lang={locale} hrefLang={locale} className="text-white underline">
                {names[locale]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
