import type { ReactNode } from 'react';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Left out below the md breakpoint: the page shows what matters of it in another column. */
  wideOnly?: boolean;
}

const cellClass = (c: { numeric?: boolean; wideOnly?: boolean }) => `${c.numeric ? 'text-right' : ''} ${c.wideOnly ? 'hidden md:table-cell' : ''}`;

/** A data table with a caption; it scrolls sideways on a narrow phone rather than squashing. */
export function Table<Row>({ caption, columns, rows, rowKey }: { caption: ReactNode; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string }) {
  return (
    <div className="mb-8 overflow-x-auto" role="region" aria-label={typeof caption === 'string' ? caption : undefined} tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`border-b-2 border-slate-800 p-2 ${cellClass(c)}`}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-300">
              {columns.map((c, i) => (
                <td key={i} className={`p-2 align-top ${cellClass(c)} ${c.numeric ? 'tabular-nums' : ''}`}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
