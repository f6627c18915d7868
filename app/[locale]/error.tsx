'use client';
import { useErrorTexts } from '@/components/layout/error-texts';

export default function ErrorPage({ reset }: { reset: () => void }) {
  const t = useErrorTexts();
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t.title}</h1>
      <p className="mb-6">{t.body}</p>
      <button type="button" onClick={reset} className="font-bold text-brand-700 underline">{t.retry}</button>
    </>
  );
}
