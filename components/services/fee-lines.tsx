import type { PublishedFeeLine } from '@/lib/services/published-fee';

/** The published fee, line by line; a line with choices lists each, one to a row, to read on a phone. */
export function FeeLines({ lines }: { lines: PublishedFeeLine[] }) {
  return (
    <ul className="mb-3 flex max-w-xl flex-col gap-3">
      {lines.map((line) => (
        <li key={line.label}>
          {line.amounts.length === 1 && !line.amounts[0]!.label ? (
            <p className="flex flex-wrap justify-between gap-x-4">
              <span>{line.label}</span>
              <span className="tabular-nums">{line.amounts[0]!.amount}</span>
            </p>
          ) : (
            <>
              <p>{line.label}</p>
              <dl className="grid grid-cols-[1fr_auto] gap-x-4 border-l-4 border-slate-300 pl-3">
                {line.amounts.map((a) => (
                  <div key={a.amount + a.label} className="contents">
                    <dt>{a.label}</dt>
                    <dd className="text-right tabular-nums">{a.amount}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** When to pay, and what happens to the fee if the application is refused (when the service says). */
export function FeePolicy({ whenTitle, when, refundTitle, refund }: { whenTitle: string; when: string; refundTitle: string; refund: string | null }) {
  return (
    <>
      <h3 className="mb-1 text-lg font-bold">{whenTitle}</h3>
      <p className="mb-3">{when}</p>
      {refund ? (
        <>
          <h3 className="mb-1 text-lg font-bold">{refundTitle}</h3>
          <p className="mb-3">{refund}</p>
        </>
      ) : null}
    </>
  );
}
