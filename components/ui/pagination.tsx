import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Server-side pages: links carry the page number in the query string, so no JavaScript. */
export async function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const t = await getTranslations('ui');
  return (
    <nav aria-label={t('pagination')} className="my-6 flex flex-wrap items-center gap-4">
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev" className="font-bold underline">← {t('previous')}</Link> : null}
      <span>{t('pageOf', { page, total: totalPages })}</span>
      {page < totalPages ? <Link href={hrefFor(page + 1)} rel="next" className="font-bold underline">{t('next')} →</Link> : null}
    </nav>
  );
}
