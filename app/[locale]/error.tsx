'use client';
import { useErrorTexts } from '@/components/layout/error-texts';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  // The page's request id, and the digest Next.js logs beside the error: on a page loaded whole
  // both name the failed request; after a navigation in the browser, the digest does.
  const reference = [t.requestId, error.digest].filter(Boolean).join('-');
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t.title}</h1>
      <p className="mb-6">{t.body}</p>
      {reference ? <p className="mb-6">{t.reference.replace('{reference}', reference)}</p> : null}
      <button type="button" onClick={reset} className="font-bold text-brand-700 underline">{t.retry}</button>
    </>
  );
}
