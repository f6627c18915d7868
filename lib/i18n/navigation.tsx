import type { AnchorHTMLAttributes } from 'react';
import { getLocale } from 'next-intl/server';
import type { Locale } from './routing';

/**
 * A link to a page of the portal, in the page's language: `href="/services"` becomes
 * `/km/services`. A plain anchor rendered on the server: a full page load per click, and no
 * router code sent to the phone (the portal's pages are small; its JavaScript is what costs).
 */
export async function Link({ href, locale, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; locale?: Locale }) {
  const lang = locale ?? ((await getLocale()) as Locale);
  return <a href={`/${lang}${href === '/' ? '' : href}`} {...props} />;
}
