import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import './globals.css';
import Link from 'next/link';

// Addresses outside /km and /en. Both languages, since the address names none.
export default function GlobalNotFound() {
  return (
    <html lang="km">
      <body className="mx-auto max-w-3xl p-6">
        <main>
          <h1 className="mb-4 text-3xl font-bold">រកមិនឃើញទំព័រ</h1>
          <p className="mb-4"><Link href="/km">ទៅកាន់ទំព័រដើម</Link></p>
          <h2 lang="en" className="mb-4 text-2xl font-bold">Page not found</h2>
          <p lang="en"><Link href="/en">Go to the home page</Link></p>
        </main>
      </body>
    </html>
  );
}
