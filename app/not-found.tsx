import './globals.css';
import Link from 'next/link';
import { fontVariables } from '@/components/layout/fonts';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';

// Addresses outside /km and /en: the address names no language, so both are shown.
export default function GlobalNotFound() {
  return (
    <html lang="km" className={fontVariables}>
      <body className="mx-auto max-w-3xl p-6">
        <main>
          <h1 className="mb-4 text-3xl font-bold">{km.notFound.title}</h1>
          <p className="mb-4"><Link href="/km">{km.notFound.home}</Link></p>
          <h2 lang="en" className="mb-4 text-2xl font-bold">{en.notFound.title}</h2>
          <p lang="en"><Link href="/en">{en.notFound.home}</Link></p>
        </main>
      </body>
    </html>
  );
}
