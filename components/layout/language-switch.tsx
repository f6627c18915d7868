'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { locales, type Locale } from '@/lib/i18n/routing';

const names: Record<Locale, string> = { km: 'ភាសាខ្មែរ', en: 'English' };

/**
 * Links to the same page in the other language; each name is in its own language. The query
 * goes along: it is part of what the page shows (a QR code's signed fields on /verify, a search).
 */
export function LanguageSwitch({ label, current }: { label: string; current: Locale }) {
  const query = useSearchParams().toString();
  const rest = usePathname().replace(/^\/(km|en)(?=\/|$)/, '') + (query ? `?${query}` : '');
  return (
    <nav aria-label={label}>
      <ul className="flex gap-3">
        {locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" className="font-bold">{names[locale]}</span>
            ) : (
              <a href={`/${locale}${rest}`} lang={locale} hrefLang={locale} className="text-white underline">
                {names[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
