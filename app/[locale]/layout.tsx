import '../globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ErrorTextsProvider } from '@/components/layout/error-texts';
import { fontVariables } from '@/components/layout/fonts';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { currentActor } from '@/lib/auth/session';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { isLocale } from '@/lib/i18n/routing';
import { requestIdHeader } from '@/lib/operations/server-state';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'meta' });
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b2a4a' };

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, tError, signedIn, requestHeaders] = await Promise.all([getTranslations('layout'), getTranslations('errorPage'), orUnavailable(currentActor), headers()]);
  // With the database unreachable the header shows no account; the page says what went wrong.
  const actor = signedIn === unavailable ? null : signedIn;
  return (
    <html lang={locale} className={fontVariables}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:block focus:bg-focus focus:p-3 focus:text-slate-900">
          {t('skipLink')}
        </a>
        {/* No translation runtime in the browser: client components receive their words as props. */}
        <ErrorTextsProvider value={{ title: tError('title'), body: tError('body'), retry: tError('retry'), reference: tError.raw('reference') as string, requestId: requestHeaders.get(requestIdHeader) }}>
          <SiteHeader actor={actor} locale={locale} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
