import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** `generateMetadata` for a page whose title is `<namespace>.title` in the page's language. */
export function pageTitle(namespace: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace: namespace as 'meta' });
    return { title: t('title') };
  };
}
