import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export interface Crumb {
  label: string;
  href: string;
}

export async function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = await getTranslations('ui');
  return (
    <nav aria-label={t('breadcrumbs')} className="mb-6">
      <ol className="flex flex-wrap gap-2 text-sm">
        {items.map((c, i) => (
          <li key={c.href} className="flex items-center gap-2">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            <Link href={c.href} className="underline">{c.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
