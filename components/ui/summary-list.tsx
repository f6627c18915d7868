import type { ReactNode } from 'react';

/** Terms and their values, side by side from a tablet up and stacked on a phone. */
export function SummaryList({ rows, className = '' }: { rows: readonly (readonly [string, ReactNode])[]; className?: string }) {
  return (
    <dl className={`grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr] ${className}`}>
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
