import { getTranslations } from 'next-intl/server';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import type { ChangelogEntry } from '@/lib/services/changelog';

/** Published versions newest first, each change a sentence with the day it takes effect and its legal instrument. */
export async function ChangelogList({ entries, locale, withService }: { entries: ChangelogEntry[]; locale: Locale; withService: boolean }) {
  const t = await getTranslations('changelog');
  if (!entries.length) return <p>{t('none')}</p>;
  return (
    <ol className="flex flex-col gap-6">
      {entries.map((entry) => {
        const date = formatDay(entry.effectiveFrom, locale);
        const instrument = entry.legalInstrument?.[locale];
        return (
          <li key={`${entry.code}-${entry.version}-${entry.publishedAt.getTime()}`} className="border-l-4 border-slate-300 pl-4">
            <h2 className="text-xl font-bold">
              {withService ? <><Link href={`/services/${entry.code}/changes`}>{entry.name[locale]}</Link> · </> : null}
              {t('version', { version: entry.version })}
            </h2>
            <p className="text-slate-700">{t('published', { date: formatDay(entry.publishedAt, locale) })}</p>
            <ul className="mt-2 list-disc pl-6">
              {entry.changes.map((change, i) => (
                <li key={i}>{instrument ? t('lineWithInstrument', { change: change[locale], date, instrument }) : t('line', { change: change[locale], date })}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
