'use client';
import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the control to jump to. */
  href: string;
  message: string;
}

/**
 * Lists every problem at the top of a form, each linking to its field. It takes focus when it
 * appears so that screen readers announce it; without JavaScript the page reload does the same
 * job because the summary is the first thing in the main content.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-8 border-4 border-red-700 p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-focus">
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">{title}</h2>
      <ul className="flex flex-col gap-1">
        {errors.map((e) => (
          <li key={e.href + e.message}>
            <a href={`#${e.href}`} className="font-bold text-red-700 underline">{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
