// Column charts drawn on the server as SVG: nothing runs in the browser, and each has its text
// alternative (a title and a description naming every month's figures) beside a table view.
// Labels are few and short, set in the page's font, with room above and below for Khmer's
// vowel signs and subscripts.
import type { Figure, MonthFigures } from '@/lib/performance/figures';

const width = 320;
const height = 180;
const left = 30;
const right = 8;
const top = 20;
const bottom = 30;
const plotHeight = height - top - bottom;
const round = (n: number) => Math.round(n * 10) / 10;

export interface Series {
  label: string;
  /** A Tailwind fill class (the legend uses the matching background). */
  fill: string;
  swatch: string;
  value: (m: MonthFigures) => Figure;
}

interface ChartProps {
  id: string;
  title: string;
  /** The chart in words: one sentence per month, and any reference line. */
  description: string;
  months: MonthFigures[];
  monthLabel: (month: string) => string;
  series: Series[];
  format: (value: number) => string;
  /** Written where a value is not published ("<5"). */
  hidden: string;
  /** A dashed line across, such as the legal limit. */
  line?: { value: number; label: string };
}

export function ColumnChart({ id, title, description, months, monthLabel, series, format, hidden, line }: ChartProps) {
  const values = months.flatMap((m) => series.map((s) => s.value(m))).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, line?.value ?? 0, ...values) * 1.15;
  // One decimal is finer than a phone's pixel, and keeps the page small.
  const y = (v: number) => round(top + plotHeight - (v / max) * plotHeight);
  const slot = round((width - left - right) / Math.max(1, months.length));
  const bar = round(Math.min(18, (slot * 0.8) / series.length));
  return (
    <figure className="mb-4">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-md">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={left} x2={width - right} y1={top + plotHeight} y2={top + plotHeight} className="stroke-slate-800" strokeWidth={1} />
        <text x={left - 4} y={top + plotHeight} textAnchor="end" fontSize={10} className="fill-slate-700">0</text>
        {months.map((m, i) => {
          const x0 = round(left + i * slot + (slot - bar * series.length) / 2);
          return (
            <g key={m.month}>
              {series.map((s, j) => {
                const v = s.value(m);
                const x = round(x0 + j * bar);
                if (typeof v !== 'number') {
                  return v === 'fewer-than-5' ? (
                    <text key={s.label} x={round(x + bar / 2)} y={top + plotHeight - 4} textAnchor="middle" fontSize={8} className="fill-slate-700">{hidden}</text>
                  ) : null;
                }
                return (
                  <g key={s.label}>
                    <rect x={round(x + 1)} y={y(v)} width={round(bar - 2)} height={round(top + plotHeight - y(v))} className={s.fill} />
                    <text x={round(x + bar / 2)} y={round(y(v) - 3)} textAnchor="middle" fontSize={8} className="fill-slate-800">{format(v)}</text>
                  </g>
                );
              })}
              <text x={round(left + i * slot + slot / 2)} y={height - 10} textAnchor="middle" fontSize={10} className="fill-slate-800">{monthLabel(m.month)}</text>
            </g>
          );
        })}
        {line ? (
          <g>
            <line x1={left} x2={width - right} y1={y(line.value)} y2={y(line.value)} className="stroke-red-700" strokeWidth={1.5} strokeDasharray="4 3" />
            <text x={left - 4} y={y(line.value) + 3} textAnchor="end" fontSize={10} className="fill-red-800">{format(line.value)}</text>
          </g>
        ) : null}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {series.map((s) => (
          <span key={s.label} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-3 ${s.swatch}`} />
            {s.label}
          </span>
        ))}
        {line ? (
          <span className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-0 w-4 border-t-2 border-dashed border-red-700" />
            {line.label}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
